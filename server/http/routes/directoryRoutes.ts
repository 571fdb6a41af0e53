import { ANY_ROLE, route } from '../route';

// Who and where a ticket can be transferred to.
export const directoryRoutes = [
  route({
    method: 'get',
    path: '/api/queues',
    access: ANY_ROLE,
    summary: 'All queues, for transfers.',
    handler: async ({ ctx }) => ({ queues: await ctx.sql`select id, name from queues order by name` }),
  }),
  route({
    method: 'get',
    path: '/api/agents',
    access: ANY_ROLE,
    summary: 'Active agents with their presence, for transfers.',
    handler: async ({ ctx }) => ({
      agents: await ctx.sql`select id, name, presence from users where role = 'agent' and active order by name`,
    }),
  }),
];
