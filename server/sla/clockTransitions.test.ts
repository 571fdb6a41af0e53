import { describe, expect, it } from 'vitest';
import { pause, replace, resume, stop } from './clockTransitions';
import type { ClockRules, SlaClockRow } from './slaClockRows';
import type { SlaPolicy } from './slaPolicies';

const at = (iso: string) => new Date(iso);
const policy: SlaPolicy = {
  id: 'policy',
  name: 'Test',
  position: 1,
  enabled: true,
  queueIds: [],
  priorities: [],
  channels: [],
  customerTags: [],
  firstResponseMinutes: 60,
  nextResponseMinutes: null,
  resolutionMinutes: null,
  warnMinutesBefore: 10,
  warnPercentUsed: null,
  quietHours: null,
  smsRecipients: [],
  emailRecipients: [],
  escalation: { afterMinutes: 30, action: 'raise_priority', queueId: null, smsRecipients: [], emailRecipients: [] },
};
// Around the clock, so real and business minutes are the same here (the calendar maths has its own tests).
const rules: ClockRules = { policy, schedule: null };

const running = (startedAt: string): SlaClockRow => {
  const start = at(startedAt);
  return {
    id: 'clock',
    ticketId: 'ticket',
    target: 'first_response',
    cycle: 1,
    policyId: 'policy',
    targetMinutes: 60,
    startedAt: start,
    usedMinutes: 0,
    runningSince: start,
    paused: false,
    warnAt: new Date(start.getTime() + 50 * 60_000),
    dueAt: new Date(start.getTime() + 60 * 60_000),
    escalateAt: new Date(start.getTime() + 90 * 60_000),
    stoppedAt: null,
    result: null,
    warnedAt: null,
    breachedAt: null,
    escalatedAt: null,
  };
};

describe('clock transitions', () => {
  it('when a clock pauses for an hour and resumes, then its due time moves an hour later', () => {
    const paused = pause(rules, running('2026-03-02T10:00:00Z'), at('2026-03-02T10:20:00Z'));
    expect(paused).toMatchObject({ usedMinutes: 20, runningSince: null, paused: true });
    const resumed = resume(rules, paused, at('2026-03-02T11:20:00Z'));
    expect(resumed.dueAt?.toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(resumed.warnAt?.toISOString()).toBe('2026-03-02T11:50:00.000Z');
    expect(resumed.escalateAt?.toISOString()).toBe('2026-03-02T12:30:00.000Z');
  });

  it('when a clock stops before its due time, then it is met; after, breached', () => {
    expect(stop(rules, running('2026-03-02T10:00:00Z'), at('2026-03-02T10:59:00Z')).result).toBe('met');
    expect(stop(rules, running('2026-03-02T10:00:00Z'), at('2026-03-02T11:01:00Z')).result).toBe('breached');
  });

  it('when a clock that used up its target runs again, then it keeps its due and escalation times', () => {
    const overdue = { ...running('2026-03-02T10:00:00Z'), breachedAt: at('2026-03-02T11:00:00Z') };
    const paused = pause(rules, overdue, at('2026-03-02T11:10:00Z'));
    const resumed = resume(rules, paused, at('2026-03-02T12:00:00Z'));
    expect(resumed.dueAt?.toISOString()).toBe('2026-03-02T11:00:00.000Z');
    expect(resumed.escalateAt?.toISOString()).toBe('2026-03-02T11:30:00.000Z');
    const edited = replace(rules, overdue, 60, at('2026-03-02T11:20:00Z'));
    expect(edited.dueAt?.toISOString()).toBe('2026-03-02T11:00:00.000Z');
  });

  it('when the target grows, then a running clock is due later, counted from what it had used', () => {
    const moved = replace(rules, running('2026-03-02T10:00:00Z'), 120, at('2026-03-02T10:30:00Z'));
    expect(moved).toMatchObject({ targetMinutes: 120, usedMinutes: 30 });
    expect(moved.dueAt?.toISOString()).toBe('2026-03-02T12:00:00.000Z');
  });
});
