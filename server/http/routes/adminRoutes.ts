import { listSettingsAudit, settingsAuditQuery } from '../../settings/settingsAudit';
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
    path: '/api/admin/audit',
    access: ADMINS,
    summary:
      'Who changed what in the settings, newest first: one entity’s trail (entityType and entityId) or a type’s.',
    query: settingsAuditQuery,
    handler: async ({ ctx, query }) => ({ entries: await listSettingsAudit(ctx.sql, query) }),
  }),
];
