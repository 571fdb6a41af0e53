import { z } from 'zod';
import { ANY_ROLE, route } from '../route';

// The agent's own signature, under every email reply they send (before the mailbox's). SMS replies carry none.
export const signatureRoutes = [
  route({
    method: 'get',
    path: '/api/me/signature',
    access: ANY_ROLE,
    summary: 'Your email signature (plain text; empty when you have none).',
    async handler({ ctx, session }) {
      const [{ signature }] = await ctx.sql<{ signature: string }[]>`
        select signature from users where id = ${session.userId}`;
      return { signature };
    },
  }),
  route({
    method: 'put',
    path: '/api/me/signature',
    access: ANY_ROLE,
    summary:
      'Set your email signature: plain text, up to 2,000 characters, added under your email replies after the separator "-- ", before the mailbox’s signature. Empty removes it.',
    body: z.object({ signature: z.string().max(2000, 'must be at most 2,000 characters') }),
    async handler({ ctx, body: { signature }, session }) {
      await ctx.sql`update users set signature = ${signature}, updated_at = now() where id = ${session.userId}`;
      return { signature };
    },
  }),
];
