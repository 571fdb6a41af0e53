import { describe, expect, it } from 'vitest';
import { elapsedSince } from './elapsed';

const now = Date.parse('2025-03-10T12:00:00.000Z');

describe('elapsedSince', () => {
  it('says "just now" under a minute, and for timestamps slightly in the future', () => {
    expect(elapsedSince('2025-03-10T11:59:01.000Z', now)).toEqual({ unit: 'justNow' });
    expect(elapsedSince('2025-03-10T12:00:05.000Z', now)).toEqual({ unit: 'justNow' });
  });

  it('rounds down to whole minutes, hours and days', () => {
    expect(elapsedSince('2025-03-10T11:58:30.000Z', now)).toEqual({ unit: 'minutes', value: 1 });
    expect(elapsedSince('2025-03-10T11:00:01.000Z', now)).toEqual({ unit: 'minutes', value: 59 });
    expect(elapsedSince('2025-03-10T09:30:00.000Z', now)).toEqual({ unit: 'hours', value: 2 });
    expect(elapsedSince('2025-03-07T11:00:00.000Z', now)).toEqual({ unit: 'days', value: 3 });
  });
});
