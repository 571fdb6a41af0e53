import {
  createSkill,
  createTeam,
  listSkills,
  listTeams,
  skillInput,
  teamInput,
} from '../../settings/teamAndSkillSettings';
import {
  businessHoursInput,
  createBusinessHours,
  listBusinessHours,
  listQueues,
  queueInput,
  saveQueue,
} from '../../settings/queueSettings';
import { createUser, updateUser, userInput, userUpdate } from '../../settings/userSettings';
import { findUserView, listUserViews } from '../../users/userQueries';
import { ADMINS, route } from '../route';
import { idParams } from '../validate';

// Settings: who works here, what they can do, and where contacts wait. Admins only.
export const adminRoutes = [
  route({
    method: 'get',
    path: '/api/admin/users',
    access: ADMINS,
    summary: 'All users.',
    handler: async ({ ctx }) => ({ users: await listUserViews(ctx.sql) }),
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
      return { user: await findUserView(ctx.sql, id) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/admin/users/:id',
    access: ADMINS,
    summary: 'Change a user; only the fields given change.',
    params: idParams,
    body: userUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      await updateUser(ctx.sql, id, body, session.userId);
      return { user: await findUserView(ctx.sql, id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/teams',
    access: ADMINS,
    summary: 'All teams with their members.',
    handler: async ({ ctx }) => ({ teams: await listTeams(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/teams',
    access: ADMINS,
    summary: 'Create a team.',
    body: teamInput,
    async handler({ ctx, body, res, session }) {
      const id = await createTeam(ctx.sql, body, session.userId);
      res.status(201);
      return { id };
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/skills',
    access: ADMINS,
    summary: 'All skills.',
    handler: async ({ ctx }) => ({ skills: await listSkills(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/skills',
    access: ADMINS,
    summary: 'Create a skill.',
    body: skillInput,
    async handler({ ctx, body, res, session }) {
      const id = await createSkill(ctx.sql, body, session.userId);
      res.status(201);
      return { id };
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/queues',
    access: ADMINS,
    summary: 'All queues with skills, business hours and overflow.',
    handler: async ({ ctx }) => ({ queues: await listQueues(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/queues',
    access: ADMINS,
    summary: 'Create a queue.',
    body: queueInput,
    async handler({ ctx, body, res, session }) {
      const id = await saveQueue(ctx.sql, body, session.userId);
      res.status(201);
      return { id };
    },
  }),
  route({
    method: 'put',
    path: '/api/admin/queues/:id',
    access: ADMINS,
    summary: 'Replace a queue’s settings.',
    params: idParams,
    body: queueInput,
    async handler({ ctx, params: { id }, body, session }) {
      return { id: await saveQueue(ctx.sql, body, session.userId, id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/business-hours',
    access: ADMINS,
    summary: 'All business-hours schedules.',
    handler: async ({ ctx }) => ({ businessHours: await listBusinessHours(ctx.sql) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/business-hours',
    access: ADMINS,
    summary: 'Create a business-hours schedule with weekly intervals and holidays.',
    body: businessHoursInput,
    async handler({ ctx, body, res, session }) {
      const id = await createBusinessHours(ctx.sql, body, session.userId);
      res.status(201);
      return { id };
    },
  }),
];
