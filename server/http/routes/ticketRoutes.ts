import { findVisibleTicket, listInbox } from '../../tickets/ticketQueries';
import { notFound } from '../httpError';
import { ANY_ROLE, route } from '../route';
import { idParams } from '../validate';

export const ticketRoutes = [
  route({
    method: 'get',
    path: '/api/inbox',
    access: ANY_ROLE,
    summary: 'Your open assigned tickets.',
    async handler({ ctx, session }) {
      return { tickets: await listInbox(ctx.sql, session) };
    },
  }),
  route({
    method: 'get',
    path: '/api/tickets/:id',
    access: ANY_ROLE,
    summary: 'One ticket: agents see their own and their queues’ tickets, supervisors their teams’.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      const ticket = await findVisibleTicket(ctx.sql, session, id);
      if (!ticket) throw notFound('Ticket');
      return { ticket };
    },
  }),
];
