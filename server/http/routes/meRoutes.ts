import { z } from 'zod';
import { setPresence } from '../../commands/setPresence';
import { findUserView } from '../../users/userQueries';
import { LOCALES, PRESENCES } from '../apiTypes';
import { ANY_ROLE, route } from '../route';
import { validate } from '../validate';

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
    async handler({ ctx, req, session }) {
      const { presence } = validate(z.object({ presence: z.enum(PRESENCES) }), req.body);
      return setPresence(ctx, session.userId, presence, 'console');
    },
  }),
  route({
    method: 'put',
    path: '/api/me/locale',
    access: ANY_ROLE,
    summary: 'Set your interface language.',
    async handler({ ctx, req, session }) {
      const { locale } = validate(z.object({ locale: z.enum(LOCALES) }), req.body);
      await ctx.sql`update users set locale = ${locale}, updated_at = now() where id = ${session.userId}`;
      return { locale };
    },
  }),
];
