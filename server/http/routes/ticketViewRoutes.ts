import { listTicketView } from '../../tickets/ticketViews';
import { ticketViewQuery } from '../../tickets/ticketViewQuery';
import type { TicketListResponse } from '../ticketViewApiTypes';
import { ANY_ROLE, route } from '../route';

export const ticketViewRoutes = [
  route({
    method: 'get',
    path: '/api/tickets',
    access: ANY_ROLE,
    summary:
      'A ticket view, newest activity first, holding only tickets you may open: view=mine|unassigned|team|all|resolved ' +
      '(team: supervisors and admins, 403 for agents), filtered by status, channel, priority (comma-separated lists), ' +
      'queueId, assigneeId, tag (id or name), createdFrom/createdTo (UTC days, both included), and searched by q: a ' +
      'ticket number (#1234), a customer’s name, email or phone, or words of subjects and messages (Chinese ' +
      'segmented). Answers {tickets, total, nextCursor}; pass nextCursor as cursor for the next page. Re-read it on ' +
      'every ticket.changed event: they reach the watchers of each ticket that changed.',
    query: ticketViewQuery,
    async handler({ ctx, query, session }): Promise<TicketListResponse> {
      return listTicketView(ctx.sql, session, query, ctx.config.DEFAULT_PHONE_REGION);
    },
  }),
];
