import { describe, expect, it } from 'vitest';
import { isValidRange, lastDaysUtc } from './reportRange';

describe('lastDaysUtc', () => {
  it('when asked for 30 days, then the range ends today (UTC) and starts 29 days before', () => {
    expect(lastDaysUtc(30, new Date('2026-12-07T23:30:00Z'))).toEqual({ from: '2026-11-08', to: '2026-12-07' });
  });

  it('when asked for one day, then it is today alone', () => {
    expect(lastDaysUtc(1, new Date('2026-03-01T00:10:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});

describe('isValidRange', () => {
  it('when a day is missing or the start is after the end, then the range is refused', () => {
    expect(isValidRange({ from: '', to: '2026-12-07' })).toBe(false);
    expect(isValidRange({ from: '2026-12-08', to: '2026-12-07' })).toBe(false);
    expect(isValidRange({ from: '2026-12-07', to: '2026-12-07' })).toBe(true);
  });
});
