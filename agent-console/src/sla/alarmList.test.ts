import { describe, expect, it } from 'vitest';
import type { SlaAlarmEvent } from '../../../server/http/slaApiTypes';
import { addAlarm, dismissAlarm, MAX_SHOWN_ALARMS } from './alarmList';

const alarm = (ticketId: string, kind: SlaAlarmEvent['kind'], target: SlaAlarmEvent['target'] = 'first_response') =>
  ({ ticketId, ticketNumber: 7, subject: 'Refund', target, kind, dueAt: '2026-03-02T10:00:00.000Z' }) as const;

describe('the alarms on screen', () => {
  it('shows the newest first and keeps only the latest few', () => {
    let shown = addAlarm([], alarm('t1', 'warning'));
    for (const id of ['t2', 't3', 't4']) shown = addAlarm(shown, alarm(id, 'warning'));
    expect(shown.map((entry) => entry.alarm.ticketId)).toEqual(['t4', 't3', 't2']);
    expect(shown).toHaveLength(MAX_SHOWN_ALARMS);
  });

  it('shows an alarm heard twice once, and a breach instead of the same clock’s warning', () => {
    let shown = addAlarm([], alarm('t1', 'warning'));
    shown = addAlarm(shown, alarm('t1', 'warning'));
    expect(shown).toHaveLength(1);
    shown = addAlarm(shown, alarm('t1', 'warning', 'resolution'));
    shown = addAlarm(shown, alarm('t1', 'breach'));
    expect(shown.map((entry) => [entry.alarm.target, entry.alarm.kind])).toEqual([
      ['first_response', 'breach'],
      ['resolution', 'warning'],
    ]);
  });

  it('lets one alarm be dismissed without the others', () => {
    const shown = addAlarm(addAlarm([], alarm('t1', 'warning')), alarm('t2', 'breach'));
    expect(dismissAlarm(shown, shown[0].key).map((entry) => entry.alarm.ticketId)).toEqual(['t1']);
  });
});
