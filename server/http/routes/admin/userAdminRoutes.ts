import { rooms } from '../../../realtime/rooms';
import { kickRouting } from '../../../routing/routingTasks';
import { findAdminUser, listAdminUsers } from '../../../settings/adminUserViews';
import { createUser, updateUser, userInput, userUpdate } from '../../../settings/userSettings';
import { ADMINS, route } from '../../route';
import { idParams } from '../../validate';

// Who works here: role, skills, teams, capacity per channel, phone, active, password.
export const userAdminRoutes = [
  route({
    method: 'get',
    path: '/api/admin/users',
    access: ADMINS,
    summary: 'All users, active or not, with role, skills, teams, capacity and phone.',
    handler: async ({ ctx }) => ({ users: await listAdminUsers(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/users',
    access: ADMINS,
    summary: 'Create a user with role, skills, teams and per-channel capacity.',
    body: userInput,
    async handler({ ctx, body, res, session }) {
      const id = await createUser(ctx.sql, body, session.userId);
      res.status(201);
      return { user: await findAdminUser(ctx.sql, id) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/admin/users/:id',
    access: ADMINS,
    summary:
      'Change a user; only the fields given change. A new password (a reset) or deactivation signs the user out everywhere. The last active admin stays one (409).',
    params: idParams,
    body: userUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      const { endedSessionIds } = await updateUser(ctx.sql, id, body, session);
      for (const sessionId of endedSessionIds) ctx.publisher.disconnectRoom(rooms.session(sessionId));
      // New skills, capacity or an agent back at work may be what a waiting contact needs.
      await kickRouting(ctx);
      return { user: await findAdminUser(ctx.sql, id) };
    },
  }),
];
