import { acceptOffer, rejectOffer } from '../../routing/offerLifecycle';
import { buildScreenPop, logPopSuggestions } from '../../routing/screenPop';
import type { ScreenPop } from '../apiTypes';
import { ANY_ROLE, route } from '../route';
import { idParams } from '../validate';

export const offerRoutes = [
  route({
    method: 'get',
    path: '/api/offers/mine',
    access: ANY_ROLE,
    summary: 'Your pending offers as screen pops, oldest first (a reloaded console restores them).',
    async handler({ ctx, session }) {
      const rows = await ctx.sql<{ id: string }[]>`
        select id from offers where agent_id = ${session.userId} and status = 'pending' and expires_at > now() order by offered_at`;
      const pops = (await Promise.all(rows.map((r) => buildScreenPop(ctx.sql, r.id)))).filter(
        (p): p is ScreenPop => p !== null,
      );
      await Promise.all(pops.map((pop) => logPopSuggestions(ctx.sql, pop, session.userId)));
      return { offers: pops };
    },
  }),
  route({
    method: 'post',
    path: '/api/offers/:id/accept',
    access: ANY_ROLE,
    summary: 'Accept an offer: the ticket is assigned to you. 409 offer_gone if it expired or was withdrawn.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      return { ticket: await acceptOffer(ctx, id, session.userId) };
    },
  }),
  route({
    method: 'post',
    path: '/api/offers/:id/reject',
    access: ANY_ROLE,
    summary: 'Reject an offer: it goes to the next agent.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await rejectOffer(ctx, id, session.userId);
    },
  }),
];
