import {
  createSkill,
  deleteSkill,
  listSkills,
  skillInput,
  skillUpdate,
  updateSkill,
} from '../../../settings/skillSettings';
import { createTeam, deleteTeam, listTeams, teamInput, teamUpdate, updateTeam } from '../../../settings/teamSettings';
import { kickRouting } from '../../../routing/routingTasks';
import { ADMINS, route } from '../../route';
import { idParams } from '../../validate';

// Teams (who supervises whom, which queues belong to whom) and skills (who may take a queue's contacts).
export const teamAndSkillAdminRoutes = [
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
    method: 'patch',
    path: '/api/admin/teams/:id',
    access: ADMINS,
    summary: 'Rename a team and/or replace its members (memberIds); only the fields given change.',
    params: idParams,
    body: teamUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      await updateTeam(ctx.sql, id, body, session.userId);
      return { id };
    },
  }),
  route({
    method: 'delete',
    path: '/api/admin/teams/:id',
    access: ADMINS,
    summary: 'Delete a team; its members stay, its queues keep working without a team.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await deleteTeam(ctx.sql, id, session.userId);
    },
  }),
  route({
    method: 'get',
    path: '/api/admin/skills',
    access: ADMINS,
    summary: 'All skills, with how many agents have each and which queues require it.',
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
    method: 'patch',
    path: '/api/admin/skills/:id',
    access: ADMINS,
    summary: 'Rename a skill or change its label; agents and queues keep it.',
    params: idParams,
    body: skillUpdate,
    async handler({ ctx, params: { id }, body, session }) {
      await updateSkill(ctx.sql, id, body, session.userId);
      return { id };
    },
  }),
  route({
    method: 'delete',
    path: '/api/admin/skills/:id',
    access: ADMINS,
    summary: 'Delete a skill agents have; one a queue requires is refused (409) naming the queues.',
    params: idParams,
    async handler({ ctx, params: { id }, session }) {
      await deleteSkill(ctx.sql, id, session.userId);
      await kickRouting(ctx);
    },
  }),
];
