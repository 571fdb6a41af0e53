import { describe, expect, it } from 'vitest';
import { elapsedMs, formatClock } from './clock';

describe('formatClock', () => {
  it('shows minutes and seconds, and hours only once there are any', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(7_900)).toBe('0:07');
    expect(formatClock(725_000)).toBe('12:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });

  it('never shows a negative time', () => {
    expect(formatClock(-5_000)).toBe('0:00');
  });
});

describe('elapsedMs', () => {
  it('counts from the instant to now, and not below zero when the server clock is ahead', () => {
    const since = '2026-01-01T10:00:00.000Z';
    expect(elapsedMs(since, Date.parse('2026-01-01T10:01:30.000Z'))).toBe(90_000);
    expect(elapsedMs(since, Date.parse('2026-01-01T09:59:59.000Z'))).toBe(0);
  });
});
