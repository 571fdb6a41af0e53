import { awayReasonsInput, listAwayReasons, saveAwayReasons } from '../../settings/awayReasonSettings';
import { listSettingsAudit, settingsAuditQuery } from '../../settings/settingsAudit';
import type { AwayReasonListResponse } from '../apiTypes';
import { ADMINS, route } from '../route';
import { queueAdminRoutes } from './admin/queueAdminRoutes';
import { teamAndSkillAdminRoutes } from './admin/teamAndSkillAdminRoutes';
import { userAdminRoutes } from './admin/userAdminRoutes';

// Settings: who works here, what they can do, and where contacts wait. Admins only.
export const adminRoutes = [
  ...userAdminRoutes,
  ...teamAndSkillAdminRoutes,
  ...queueAdminRoutes,
  route({
    method: 'get',
    path: '/api/admin/away-reasons',
    access: ADMINS,
    summary: 'Every away reason: those offered in order, then the retired ones (still named in reports).',
    handler: async ({ ctx }): Promise<AwayReasonListResponse> => ({ reasons: await listAwayReasons(ctx.sql, 'all') }),
  }),
  route({
    method: 'put',
    path: '/api/admin/away-reasons',
    access: ADMINS,
    summary:
      'Replace the list of away reasons (code, English and Chinese labels) in order; a code left out is retired.',
    body: awayReasonsInput,
    handler: async ({ ctx, body, session }): Promise<AwayReasonListResponse> => ({
      reasons: await saveAwayReasons(ctx.sql, body, session.userId),
    }),
  }),
  route({
    method: 'get',
    path: '/api/admin/audit',
    access: ADMINS,
    summary:
      'Who changed what in the settings, newest first: one entity’s trail (entityType and entityId) or a type’s.',
    query: settingsAuditQuery,
    handler: async ({ ctx, query }) => ({ entries: await listSettingsAudit(ctx.sql, query) }),
  }),
];
