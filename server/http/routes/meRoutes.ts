import { z } from 'zod';
import { setPresence } from '../../commands/setPresence';
import { listAwayReasons, requireAwayReason } from '../../settings/awayReasonSettings';
import { findUserView } from '../../users/userQueries';
import { type AwayReasonListResponse, LOCALES } from '../apiTypes';
import { presenceInput } from '../presenceInput';
import { ANY_ROLE, route } from '../route';

export const meRoutes = [
  route({
    method: 'get',
    path: '/api/me',
    access: ANY_ROLE,
    summary: 'The signed-in user, with presence, skills, capacity and teams.',
    async handler({ ctx, session }) {
      return { user: await findUserView(ctx.sql, session.userId) };
    },
  }),
  route({
    method: 'put',
    path: '/api/me/presence',
    access: ANY_ROLE,
    summary: 'Set your presence (available, busy, away, offline); away may name a reason (an away reason code).',
    body: presenceInput,
    async handler({ ctx, body, session }) {
      if (body.reason) await requireAwayReason(ctx.sql, body.reason);
      return setPresence(ctx, session.userId, body.presence, 'console', body.reason);
    },
  }),
  route({
    method: 'get',
    path: '/api/away-reasons',
    access: ANY_ROLE,
    summary: 'The reasons an agent may be away for, in the order offered, with their labels.',
    handler: async ({ ctx }): Promise<AwayReasonListResponse> => ({ reasons: await listAwayReasons(ctx.sql) }),
  }),
  route({
    method: 'put',
    path: '/api/me/locale',
    access: ANY_ROLE,
    summary: 'Set your interface language.',
    body: z.object({ locale: z.enum(LOCALES) }),
    async handler({ ctx, body: { locale }, session }) {
      await ctx.sql`update users set locale = ${locale}, updated_at = now() where id = ${session.userId}`;
      return { locale };
    },
  }),
];
