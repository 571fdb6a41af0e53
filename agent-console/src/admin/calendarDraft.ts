import type { BusinessHoursInput, BusinessHoursView } from './adminApi';

export type CalendarDraft = BusinessHoursInput;

/** The browser's own zone is the likeliest one for a new calendar. */
export const newCalendarDraft = (timezone = Intl.DateTimeFormat().resolvedOptions().timeZone): CalendarDraft => ({
  name: '',
  timezone,
  intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
  holidays: [],
});

/**
 * A stored calendar as the form edits it. A time input cannot hold 24:00, the end of the day: it shows 00:00, which
 * the server reads back as 24:00 when it closes an interval.
 */
export const calendarDraft = (hours: BusinessHoursView): CalendarDraft => ({
  name: hours.name,
  timezone: hours.timezone,
  intervals: hours.intervals.map((i) => ({ ...i, closes: i.closes === '24:00' ? '00:00' : i.closes })),
  holidays: hours.holidays,
});
