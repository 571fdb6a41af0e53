import { describe, expect, it } from 'vitest';
import { mergeHolidays } from './mergeHolidays';

describe('mergeHolidays', () => {
  it('adds the imported days in date order and keeps what the admin typed but has not saved', () => {
    const inForm = [
      { day: '2026-12-25', name: 'Christmas (office)' },
      { day: '', name: 'Half-typed' },
    ];
    const saved = [
      { day: '2026-01-01', name: 'New Year' },
      { day: '2026-12-25', name: 'Christmas Day' },
    ];
    expect(mergeHolidays(inForm, saved)).toEqual([
      { day: '2026-01-01', name: 'New Year' },
      { day: '2026-12-25', name: 'Christmas (office)' },
      { day: '', name: 'Half-typed' },
    ]);
  });
});
