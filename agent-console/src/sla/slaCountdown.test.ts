import { describe, expect, it } from 'vitest';
import { durationParts, msUntilChange, slaCountdown } from './slaCountdown';

const at = (iso: string) => Date.parse(iso);
const running = { level: 'ok', dueAt: '2026-03-02T10:00:00.000Z', minutesLeftWhenPaused: null } as const;

describe('slaCountdown', () => {
  it('counts down while green, and turns red with the time over due at the due moment, before any re-read', () => {
    expect(slaCountdown(running, at('2026-03-02T09:00:00.000Z'))).toEqual({ tone: 'ok', seconds: 3600 });
    expect(slaCountdown(running, at('2026-03-02T09:59:59.100Z'))).toEqual({ tone: 'ok', seconds: 1 });
    expect(slaCountdown(running, at('2026-03-02T10:00:00.000Z'))).toEqual({ tone: 'breached', seconds: 0 });
    expect(slaCountdown(running, at('2026-03-02T10:02:05.900Z'))).toEqual({ tone: 'breached', seconds: 125 });
  });

  it('is amber when the server says the warning fired, or from the warning time where it is known', () => {
    expect(slaCountdown({ ...running, level: 'warning' }, at('2026-03-02T09:00:00.000Z')).tone).toBe('warning');
    const withWarning = { ...running, warnAt: '2026-03-02T09:45:00.000Z' };
    expect(slaCountdown(withWarning, at('2026-03-02T09:44:59.000Z')).tone).toBe('ok');
    expect(slaCountdown(withWarning, at('2026-03-02T09:45:00.000Z'))).toEqual({ tone: 'warning', seconds: 900 });
  });

  it('is red once the server recorded the breach, even while this browser’s clock is behind', () => {
    const state = slaCountdown({ ...running, level: 'breached' }, at('2026-03-02T09:59:58.000Z'));
    expect(state).toEqual({ tone: 'breached', seconds: 0 });
  });

  it('holds the business time left while waiting on the customer', () => {
    const paused = { level: 'paused', dueAt: null, minutesLeftWhenPaused: 30 } as const;
    expect(slaCountdown(paused, at('2026-03-02T11:00:00.000Z'))).toEqual({ tone: 'paused', seconds: 1800 });
  });
});

describe('msUntilChange', () => {
  it('wakes when the shown second changes, and exactly at the warning and due moments', () => {
    // 3599.75 s left reads 3600 until 3599 s are left.
    expect(msUntilChange(running, at('2026-03-02T09:00:00.250Z'))).toBe(750);
    expect(msUntilChange({ ...running, warnAt: '2026-03-02T09:45:00.000Z' }, at('2026-03-02T09:44:59.900Z'))).toBe(100);
    // 1.3 s over due reads 1 until 2 s are over.
    expect(msUntilChange(running, at('2026-03-02T10:00:01.300Z'))).toBe(700);
  });

  it('wakes hourly while days are left, but still exactly at the warning', () => {
    const far = { ...running, dueAt: '2026-03-05T10:00:00.000Z', warnAt: '2026-03-03T10:30:00.000Z' };
    expect(msUntilChange(far, at('2026-03-02T09:30:00.000Z'))).toBe(30 * 60_000);
    expect(msUntilChange(far, at('2026-03-03T10:10:00.000Z'))).toBe(20 * 60_000);
  });

  it('never wakes for a paused clock', () => {
    const paused = { level: 'paused', dueAt: null, minutesLeftWhenPaused: 5 } as const;
    expect(msUntilChange(paused, at('2026-03-02T09:10:00.000Z'))).toBe(null);
  });
});

describe('durationParts', () => {
  it('reads like a clock under a day and in days and hours beyond', () => {
    expect(durationParts(7)).toEqual({ kind: 'clock', text: '0:07' });
    expect(durationParts(245)).toEqual({ kind: 'clock', text: '4:05' });
    expect(durationParts(7389)).toEqual({ kind: 'clock', text: '2:03:09' });
    expect(durationParts(86_400 * 2 + 3600 * 5 + 59)).toEqual({ kind: 'days', days: 2, hours: 5 });
  });
});
