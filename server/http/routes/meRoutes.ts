import { z } from 'zod';
import { setPresence } from '../../commands/setPresence';
import { findUserView } from '../../users/userQueries';
import { LOCALES, PRESENCES } from '../apiTypes';
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
    summary: 'Set your presence (available, busy, away, offline).',
    body: z.object({ presence: z.enum(PRESENCES) }),
    async handler({ ctx, body, session }) {
      return setPresence(ctx, session.userId, body.presence, 'console');
    },
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
