import { describe, expect, it } from 'vitest';
import type { WeeklyInterval, WeeklySchedule } from '../settings/weeklySchedule';
import { addBusinessMinutes, businessMinutesBetween } from './businessTime';

const at = (iso: string) => new Date(iso);
const weekdays = (opens: string, closes: string): WeeklyInterval[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes }));
const calendar = (timezone: string, intervals: WeeklyInterval[], holidays: string[] = []): WeeklySchedule => ({
  timezone,
  intervals,
  holidays: holidays.map((day) => ({ day, name: 'Holiday' })),
});

// 2026-03-06 is a Friday; Paris is on winter time (UTC+1) until 2026-03-29.
const officeHours = calendar('Europe/Paris', weekdays('09:00', '17:00'));

describe('addBusinessMinutes', () => {
  it('when an hour is added at Friday 16:30 on Mon–Fri 9–17, then it is due Monday 09:30', () => {
    const due = addBusinessMinutes(officeHours, at('2026-03-06T15:30:00Z'), 60);
    expect(due.toISOString()).toBe('2026-03-09T08:30:00.000Z');
  });

  it('when that Monday is a holiday, then it is due Tuesday 09:30', () => {
    const withHoliday = calendar('Europe/Paris', weekdays('09:00', '17:00'), ['2026-03-09']);
    const due = addBusinessMinutes(withHoliday, at('2026-03-06T15:30:00Z'), 60);
    expect(due.toISOString()).toBe('2026-03-10T08:30:00.000Z');
  });

  it('when the day has a 12:00–13:30 break, then the break is skipped', () => {
    const lunch = calendar('UTC', [...weekdays('09:00', '12:00'), ...weekdays('13:30', '17:00')]);
    expect(addBusinessMinutes(lunch, at('2026-03-02T11:30:00Z'), 60).toISOString()).toBe('2026-03-02T14:00:00.000Z');
    // Started during the break: counting begins when the afternoon opens.
    expect(addBusinessMinutes(lunch, at('2026-03-02T12:15:00Z'), 30).toISOString()).toBe('2026-03-02T14:00:00.000Z');
  });

  it('when the shift is 21:00–02:00, then time runs past midnight and resumes the next evening', () => {
    const nights = calendar('UTC', weekdays('21:00', '02:00'));
    // Tuesday 01:30: 30 minutes left of Monday's shift, the other 30 at Tuesday 21:00.
    expect(addBusinessMinutes(nights, at('2026-03-03T01:30:00Z'), 60).toISOString()).toBe('2026-03-03T21:30:00.000Z');
    // Friday night's shift runs into Saturday; nothing opens again until Monday 21:00.
    expect(addBusinessMinutes(nights, at('2026-03-07T01:00:00Z'), 120).toISOString()).toBe('2026-03-09T22:00:00.000Z');
  });

  it('when the day after an overnight shift is a holiday, then the shift ends at midnight', () => {
    const nights = calendar('UTC', weekdays('21:00', '02:00'), ['2026-03-03']);
    // Monday 23:30: 30 minutes to midnight; Tuesday is closed all day (the evening of its own shift too), so the rest
    // runs after Wednesday's midnight, the part of Tuesday's shift that is not on the holiday.
    expect(addBusinessMinutes(nights, at('2026-03-02T23:30:00Z'), 60).toISOString()).toBe('2026-03-04T00:30:00.000Z');
  });

  it('when daylight saving time starts over the weekend, then Monday 09:30 is local time (New York)', () => {
    // Friday 2026-03-06 16:30 EST = 21:30Z; clocks go forward on Sunday 2026-03-08; Monday 09:30 EDT = 13:30Z.
    const ny = calendar('America/New_York', weekdays('09:00', '17:00'));
    expect(addBusinessMinutes(ny, at('2026-03-06T21:30:00Z'), 60).toISOString()).toBe('2026-03-09T13:30:00.000Z');
  });

  it('when daylight saving time ends, then an around-the-clock day holds 25 real hours', () => {
    const allDay = calendar(
      'Europe/Paris',
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
    );
    // Sunday 2026-10-25 in Paris runs from 22:00Z on the 24th to 23:00Z on the 25th.
    expect(businessMinutesBetween(allDay, at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(25 * 60);
    // And the spring-forward Sunday 2026-03-29 holds 23.
    expect(businessMinutesBetween(allDay, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(23 * 60);
    expect(addBusinessMinutes(allDay, at('2026-03-28T23:00:00Z'), 23 * 60).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  it('when a night shift spans the spring-forward night, then it ends when the wall clock reads its closing time', () => {
    // Saturday 21:00 CET (20:00Z) to Sunday 02:00, which the clocks skip: it ends at the jump, 01:00Z (5 real hours).
    const nights = calendar('Europe/Paris', [{ weekday: 6, opens: '21:00', closes: '02:00' }]);
    expect(businessMinutesBetween(nights, at('2026-03-28T19:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(5 * 60);
  });

  it('when there is no calendar, then time runs around the clock', () => {
    expect(addBusinessMinutes(null, at('2026-03-07T10:00:00Z'), 90).toISOString()).toBe('2026-03-07T11:30:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('when it spans a weekend, then only open minutes count', () => {
    expect(businessMinutesBetween(officeHours, at('2026-03-06T15:30:00Z'), at('2026-03-09T08:30:00Z'))).toBe(60);
  });

  it('when the span is closed or backwards, then it is 0', () => {
    expect(businessMinutesBetween(officeHours, at('2026-03-07T10:00:00Z'), at('2026-03-08T10:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(officeHours, at('2026-03-09T10:00:00Z'), at('2026-03-09T09:00:00Z'))).toBe(0);
  });
});
