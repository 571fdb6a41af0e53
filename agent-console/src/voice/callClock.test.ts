import { describe, expect, it } from 'vitest';
import { callClock, formatDuration, wrapUpSecondsLeft } from './callClock';

describe('formatDuration', () => {
  it('writes minutes and two-digit seconds under an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(754)).toBe('12:34');
  });

  it('adds hours with two-digit minutes from an hour on', () => {
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('drops fractions and never goes negative (clock skew)', () => {
    expect(formatDuration(59.9)).toBe('0:59');
    expect(formatDuration(-4)).toBe('0:00');
  });
});

describe('callClock', () => {
  const base = {
    createdAt: '2025-01-01T10:00:00Z',
    enqueuedAt: null,
    connectedAt: null,
    endedAt: null,
    talkSeconds: null,
  };
  const at = (iso: string) => Date.parse(iso);

  it('when the call is not connected, then it counts the wait from the queue entry (or the call’s start)', () => {
    expect(callClock(base, at('2025-01-01T10:00:30Z'))).toEqual({ kind: 'wait', seconds: 30 });
    expect(callClock({ ...base, enqueuedAt: '2025-01-01T10:00:10Z' }, at('2025-01-01T10:00:30Z'))).toEqual({
      kind: 'wait',
      seconds: 20,
    });
  });

  it('when connected, then it counts talk time from the connection', () => {
    expect(callClock({ ...base, connectedAt: '2025-01-01T10:01:00Z' }, at('2025-01-01T10:02:05Z'))).toEqual({
      kind: 'talk',
      seconds: 65,
    });
  });

  it('when the call ended, then the timer stops: the server’s talk time, or up to the end', () => {
    const ended = { ...base, connectedAt: '2025-01-01T10:01:00Z', endedAt: '2025-01-01T10:03:00Z' };
    expect(callClock({ ...ended, talkSeconds: 119 }, at('2025-01-01T11:00:00Z'))).toEqual({
      kind: 'talk',
      seconds: 119,
    });
    expect(callClock(ended, at('2025-01-01T11:00:00Z'))).toEqual({ kind: 'talk', seconds: 120 });
    expect(callClock({ ...base, endedAt: '2025-01-01T10:00:45Z' }, at('2025-01-01T11:00:00Z'))).toEqual({
      kind: 'wait',
      seconds: 45,
    });
  });
});

describe('wrapUpSecondsLeft', () => {
  const deadline = '2025-01-01T10:02:00Z';

  it('counts down whole seconds to the deadline, rounding up so "0:00" means the time is up', () => {
    expect(wrapUpSecondsLeft(deadline, Date.parse('2025-01-01T10:00:00Z'))).toBe(120);
    expect(wrapUpSecondsLeft(deadline, Date.parse('2025-01-01T10:01:59.200Z'))).toBe(1);
    expect(formatDuration(wrapUpSecondsLeft(deadline, Date.parse('2025-01-01T10:00:15Z'))!)).toBe('1:45');
  });

  it('stops at zero once the deadline passed, and gives nothing without a (valid) deadline', () => {
    expect(wrapUpSecondsLeft(deadline, Date.parse('2025-01-01T10:05:00Z'))).toBe(0);
    expect(wrapUpSecondsLeft(null, 0)).toBeNull();
    expect(wrapUpSecondsLeft('soon', 0)).toBeNull();
  });
});
