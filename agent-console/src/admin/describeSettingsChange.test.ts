import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SettingsAuditEntry } from './adminApi';
import { describeSettingsChange } from './describeSettingsChange';

// Shows which key was used, e.g. "role.supervisor", and the values of a sentence.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;
const names = new Map([
  ['team-1', 'Front line'],
  ['hours-1', 'Office hours'],
]);
const nameOf = (id: string) => names.get(id);

const entry = (action: string, data: Record<string, unknown>): SettingsAuditEntry => ({
  id: '1',
  at: '2026-03-02T10:00:00Z',
  actor: { kind: 'user', id: 'u1', name: 'Ada' },
  action,
  entityType: 'user',
  entityId: 'x',
  data,
});

describe('describeSettingsChange', () => {
  it('lists each changed field from → to in the reader’s words, names for ids', () => {
    const changes = {
      role: { from: 'agent', to: 'supervisor' },
      teamIds: { from: [], to: ['team-1', 'team-gone'] },
      active: { from: true, to: false },
      capacity: { from: { voice: 1, sms: 3, email: 5 }, to: { voice: 1, sms: 4, email: 5 } },
    };
    expect(describeSettingsChange(entry('user.updated', { changes }), t, nameOf)).toEqual({
      summary: 'admin.audit.action.user.updated {"name":""}',
      changes: [
        { field: 'admin.audit.field.role', from: 'role.agent', to: 'role.supervisor' },
        { field: 'admin.audit.field.teamIds', from: 'admin.audit.none', to: 'Front line, admin.audit.removed' },
        { field: 'admin.audit.field.active', from: 'admin.yes', to: 'admin.no' },
        {
          field: 'admin.audit.field.capacity',
          from: 'channel.voice 1, channel.sms 3, channel.email 5',
          to: 'channel.voice 1, channel.sms 4, channel.email 5',
        },
      ],
    });
  });

  it('sums up a calendar’s week and holidays, and names its queue’s calendar', () => {
    const changes = {
      intervals: {
        from: [{ weekday: 1, opens: '09:00', closes: '17:00' }],
        to: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
      },
      holidays: { from: [], to: [{ day: '2026-12-25', name: 'Christmas Day' }] },
      businessHoursId: { from: null, to: 'hours-1' },
    };
    const { changes: lines } = describeSettingsChange(entry('business_hours.updated', { changes }), t, nameOf);
    expect(lines.map((l) => [l.from, l.to])).toEqual([
      ['admin.weekdayShort.1 09:00–17:00', 'admin.hours.aroundTheClock'],
      ['admin.audit.none', '2026-12-25 Christmas Day'],
      ['admin.audit.none', 'Office hours'],
    ]);
  });

  it('says what happened for entries without changes, and shows an unknown action raw', () => {
    expect(describeSettingsChange(entry('team.deleted', { name: 'Night' }), t, nameOf)).toEqual({
      summary: 'admin.audit.action.team.deleted {"name":"Night"}',
      changes: [],
    });
    expect(describeSettingsChange(entry('queue.exploded', {}), t, nameOf).summary).toBe('queue.exploded');
  });
});
