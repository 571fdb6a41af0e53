import type { TFunction } from 'i18next';
import type { SettingsAuditEntry } from './adminApi';
import { weekSummary, type Interval } from './weekSummary';

/** The name of a user, team, queue or calendar by id, if the page has it. */
export type NameOf = (id: string) => string | undefined;

export const SETTINGS_ACTIONS = [
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.password_changed',
  'team.created',
  'team.updated',
  'team.deleted',
  'skill.created',
  'skill.updated',
  'skill.deleted',
  'queue.created',
  'queue.updated',
  'business_hours.created',
  'business_hours.updated',
  'business_hours.deleted',
  'ivr.updated',
] as const;
type SettingsAction = (typeof SETTINGS_ACTIONS)[number];
const isSettingsAction = (action: string): action is SettingsAction =>
  (SETTINGS_ACTIONS as readonly string[]).includes(action);

export const AUDITED_FIELDS = [
  'name',
  'email',
  'role',
  'active',
  'phoneNumber',
  'skills',
  'teamIds',
  'capacity',
  'memberIds',
  'label',
  'teamId',
  'businessHoursId',
  'overflowQueueId',
  'overflowAfterSeconds',
  'entryForChannels',
  'blendWithCalls',
  'priority',
  'timezone',
  'intervals',
  'holidays',
] as const;
type AuditedField = (typeof AUDITED_FIELDS)[number];
const isAuditedField = (field: string): field is AuditedField => (AUDITED_FIELDS as readonly string[]).includes(field);

const ID_FIELDS = new Set(['teamIds', 'memberIds', 'teamId', 'businessHoursId', 'overflowQueueId']);
const CHANNELS = ['voice', 'sms', 'email'] as const;

export interface ChangeLine {
  field: string;
  from: string;
  to: string;
}

/** One value of a changed field in words: names for ids, the reader's words for roles, channels and yes/no. */
function valueText(field: string, value: unknown, t: TFunction, nameOf: NameOf): string {
  const none = t('admin.audit.none');
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value) && value.length === 0) return none;
  if (typeof value === 'boolean') return value ? t('admin.yes') : t('admin.no');
  if (ID_FIELDS.has(field)) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => nameOf(String(id)) ?? t('admin.audit.removed')).join(', ');
  }
  if (field === 'role' && (value === 'agent' || value === 'supervisor' || value === 'admin')) return t(`role.${value}`);
  if (field === 'intervals' && Array.isArray(value)) {
    const { aroundTheClock, text } = weekSummary(value as Interval[], (day) => t(`admin.weekdayShort.${day}` as never));
    return aroundTheClock ? t('admin.hours.aroundTheClock') : text;
  }
  if (field === 'holidays' && Array.isArray(value))
    return (value as { day: string; name: string }[]).map((h) => `${h.day} ${h.name}`).join(', ');
  if (field === 'capacity' && typeof value === 'object')
    return CHANNELS.map((c) => `${t(`channel.${c}`)} ${(value as Record<string, unknown>)[c] ?? '—'}`).join(', ');
  if (field === 'entryForChannels' && Array.isArray(value))
    return value
      .map((c) => (CHANNELS.includes(c) ? t(`channel.${c as (typeof CHANNELS)[number]}`) : String(c)))
      .join(', ');
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A settings audit entry in words: what happened, and each changed field from → to. */
export function describeSettingsChange(
  entry: SettingsAuditEntry,
  t: TFunction,
  nameOf: NameOf,
): { summary: string; changes: ChangeLine[] } {
  const summary = isSettingsAction(entry.action)
    ? t(`admin.audit.action.${entry.action}`, { name: typeof entry.data.name === 'string' ? entry.data.name : '' })
    : entry.action;
  const raw = entry.data.changes;
  if (typeof raw !== 'object' || raw === null) return { summary, changes: [] };
  const changes = Object.entries(raw as Record<string, { from: unknown; to: unknown }>).map(([field, change]) => ({
    field: isAuditedField(field) ? t(`admin.audit.field.${field}`) : field,
    from: valueText(field, change.from, t, nameOf),
    to: valueText(field, change.to, t, nameOf),
  }));
  return { summary, changes };
}
