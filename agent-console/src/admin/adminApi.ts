import type { z } from 'zod';
import type { AdminUserView } from '../../../server/settings/adminUserViews';
import type { BusinessHoursView } from '../../../server/settings/businessHoursSettings';
import type { QueueView } from '../../../server/settings/queueSettings';
import type { SettingsAuditEntry, SETTINGS_ENTITY_TYPES } from '../../../server/settings/settingsAudit';
import type { SkillView } from '../../../server/settings/skillSettings';
import type { TeamView } from '../../../server/settings/teamSettings';
import type { userInput, userUpdate } from '../../../server/settings/userSettings';
import { requestJson } from '../api/request';

export type { AdminUserView, BusinessHoursView, QueueView, SettingsAuditEntry, SkillView, TeamView };
export type UserInput = z.input<typeof userInput>;
export type UserUpdate = z.input<typeof userUpdate>;
export type AuditEntityType = (typeof SETTINGS_ENTITY_TYPES)[number];

/** What a queue PUT/POST takes (every setting; the server fills defaults for those left out). */
export interface QueueInput {
  name: string;
  teamId: string | null;
  skills: string[];
  businessHoursId: string | null;
  overflowQueueId: string | null;
  overflowAfterSeconds: number | null;
  entryForChannels: ('voice' | 'sms' | 'email')[];
  blendWithCalls: boolean;
  priority: number;
}

/** What a business-hours POST/PUT takes: closes earlier than opens runs past midnight; 00:00 closes at midnight. */
export interface BusinessHoursInput {
  name: string;
  timezone: string;
  intervals: { weekday: number; opens: string; closes: string }[];
  holidays: { day: string; name: string }[];
}

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export const adminApi = {
  users: () => requestJson<{ users: AdminUserView[] }>('/api/admin/users'),
  createUser: (input: UserInput) =>
    requestJson<{ user: AdminUserView }>('/api/admin/users', { method: 'POST', body: input }),
  updateUser: (id: string, input: UserUpdate) =>
    requestJson<{ user: AdminUserView }>(path('/api/admin/users', id), { method: 'PATCH', body: input }),

  teams: () => requestJson<{ teams: TeamView[] }>('/api/admin/teams'),
  createTeam: (name: string) => requestJson<{ id: string }>('/api/admin/teams', { method: 'POST', body: { name } }),
  updateTeam: (id: string, input: { name?: string; memberIds?: string[] }) =>
    requestJson<{ id: string }>(path('/api/admin/teams', id), { method: 'PATCH', body: input }),
  deleteTeam: (id: string) => requestJson<void>(path('/api/admin/teams', id), { method: 'DELETE' }),

  skills: () => requestJson<{ skills: SkillView[] }>('/api/admin/skills'),
  createSkill: (input: { name: string; label: string }) =>
    requestJson<{ id: string }>('/api/admin/skills', { method: 'POST', body: input }),
  updateSkill: (id: string, input: { name?: string; label?: string }) =>
    requestJson<{ id: string }>(path('/api/admin/skills', id), { method: 'PATCH', body: input }),
  deleteSkill: (id: string) => requestJson<void>(path('/api/admin/skills', id), { method: 'DELETE' }),

  queues: () => requestJson<{ queues: QueueView[] }>('/api/admin/queues'),
  createQueue: (input: QueueInput) => requestJson<{ id: string }>('/api/admin/queues', { method: 'POST', body: input }),
  updateQueue: (id: string, input: QueueInput) =>
    requestJson<{ id: string }>(path('/api/admin/queues', id), { method: 'PUT', body: input }),

  businessHours: () => requestJson<{ businessHours: BusinessHoursView[] }>('/api/admin/business-hours'),
  createBusinessHours: (input: BusinessHoursInput) =>
    requestJson<{ id: string }>('/api/admin/business-hours', { method: 'POST', body: input }),
  updateBusinessHours: (id: string, input: BusinessHoursInput) =>
    requestJson<{ id: string }>(path('/api/admin/business-hours', id), { method: 'PUT', body: input }),
  deleteBusinessHours: (id: string) => requestJson<void>(path('/api/admin/business-hours', id), { method: 'DELETE' }),

  audit: (entityType: AuditEntityType, entityId: string) =>
    requestJson<{ entries: SettingsAuditEntry[] }>(
      `/api/admin/audit?${new URLSearchParams({ entityType, entityId, limit: '200' })}`,
    ),
};
