import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsLeft } from './countdown';

describe('secondsLeft', () => {
  const now = Date.parse('2025-03-10T12:00:00.000Z');

  it('rounds up, so the last second still shows 0:01', () => {
    expect(secondsLeft('2025-03-10T12:00:29.100Z', now)).toBe(30);
    expect(secondsLeft('2025-03-10T12:00:00.400Z', now)).toBe(1);
  });

  it('is 0 at and after the expiry, and for a broken timestamp', () => {
    expect(secondsLeft('2025-03-10T12:00:00.000Z', now)).toBe(0);
    expect(secondsLeft('2025-03-10T11:59:00.000Z', now)).toBe(0);
    expect(secondsLeft('not a date', now)).toBe(0);
  });
});

describe('formatCountdown', () => {
  it('shows minutes and two-digit seconds', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(7)).toBe('0:07');
    expect(formatCountdown(59)).toBe('0:59');
    expect(formatCountdown(60)).toBe('1:00');
    expect(formatCountdown(90)).toBe('1:30');
  });

  it('adds hours when needed', () => {
    expect(formatCountdown(3725)).toBe('1:02:05');
  });

  it('never shows a negative or fractional time', () => {
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(12.9)).toBe('0:12');
  });
});
