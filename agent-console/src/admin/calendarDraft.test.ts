import { describe, expect, it } from 'vitest';
import { calendarDraft, newCalendarDraft } from './calendarDraft';

describe('calendarDraft', () => {
  it('shows the end of the day (24:00) as 00:00, the time a time input can hold', () => {
    const draft = calendarDraft({
      id: 'h1',
      name: 'Always',
      timezone: 'UTC',
      intervals: [
        { weekday: 1, opens: '00:00', closes: '24:00' },
        { weekday: 5, opens: '22:00', closes: '06:00' },
      ],
      holidays: [{ day: '2026-12-25', name: 'Christmas Day' }],
      openNow: true,
      queueIds: [],
      phoneLine: false,
    });
    expect(draft.intervals).toEqual([
      { weekday: 1, opens: '00:00', closes: '00:00' },
      { weekday: 5, opens: '22:00', closes: '06:00' },
    ]);
    expect(draft.holidays).toEqual([{ day: '2026-12-25', name: 'Christmas Day' }]);
  });

  it('starts a new calendar on weekdays 09:00–17:00 in the given zone', () => {
    const draft = newCalendarDraft('Asia/Shanghai');
    expect(draft.timezone).toBe('Asia/Shanghai');
    expect(draft.intervals.map((i) => i.weekday)).toEqual([1, 2, 3, 4, 5]);
  });
});
