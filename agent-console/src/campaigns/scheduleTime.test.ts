import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, toDateInput } from './scheduleTime';

describe('localInputToIso', () => {
  it('reads the value as local time', () => {
    expect(localInputToIso('2025-03-10T14:30')).toBe(new Date(2025, 2, 10, 14, 30).toISOString());
    expect(localInputToIso('2025-03-10T14:30:15')).toBe(new Date(2025, 2, 10, 14, 30, 15).toISOString());
  });

  it('gives null for an empty, incomplete or impossible value', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2025-03-10')).toBeNull();
    expect(localInputToIso('2025-02-30T10:00')).toBeNull();
    expect(localInputToIso('soon')).toBeNull();
  });
});

describe('isoToLocalInput', () => {
  it('writes an instant as local time to the minute', () => {
    expect(isoToLocalInput(new Date(2025, 0, 5, 9, 7, 59).toISOString())).toBe('2025-01-05T09:07');
  });

  it('round-trips with localInputToIso', () => {
    for (const value of ['2025-03-10T14:30', '2025-12-31T23:59', '2026-01-01T00:00']) {
      expect(isoToLocalInput(localInputToIso(value)!)).toBe(value);
    }
  });
});

describe('toDateInput', () => {
  it('writes the local day', () => {
    expect(toDateInput(new Date(2025, 2, 9, 23, 59))).toBe('2025-03-09');
  });
});
