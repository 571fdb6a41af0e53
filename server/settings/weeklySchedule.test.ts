import { describe, expect, it } from 'vitest';
import { isOpenAt, localTime, overlappingIntervals, type WeeklySchedule } from './weeklySchedule';

const at = (iso: string) => new Date(iso);
const schedule = (partial: Partial<WeeklySchedule>): WeeklySchedule => ({
  timezone: 'UTC',
  intervals: [],
  holidays: [],
  ...partial,
});

describe('isOpenAt', () => {
  it('is open from the opening minute up to, not including, the closing minute', () => {
    // 2026-03-02 is a Monday.
    const weekdays = schedule({ intervals: [{ weekday: 1, opens: '09:00', closes: '17:00' }] });
    expect(isOpenAt(weekdays, at('2026-03-02T08:59:59Z'))).toBe(false);
    expect(isOpenAt(weekdays, at('2026-03-02T09:00:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, at('2026-03-02T16:59:59Z'))).toBe(true);
    expect(isOpenAt(weekdays, at('2026-03-02T17:00:00Z'))).toBe(false);
    expect(isOpenAt(weekdays, at('2026-03-03T10:00:00Z'))).toBe(false);
  });

  it('holds several intervals a day, closed in the gap between them', () => {
    const lunchBreak = schedule({
      intervals: [
        { weekday: 1, opens: '09:00', closes: '12:30' },
        { weekday: 1, opens: '13:30', closes: '17:00' },
      ],
    });
    expect(isOpenAt(lunchBreak, at('2026-03-02T12:00:00Z'))).toBe(true);
    expect(isOpenAt(lunchBreak, at('2026-03-02T13:00:00Z'))).toBe(false);
    expect(isOpenAt(lunchBreak, at('2026-03-02T14:00:00Z'))).toBe(true);
  });

  it('keeps an overnight interval open past midnight into the next day, and closed the night before it opens', () => {
    // Friday 22:00 to Saturday 06:00.
    const nights = schedule({ intervals: [{ weekday: 5, opens: '22:00', closes: '06:00' }] });
    expect(isOpenAt(nights, at('2026-03-06T21:59:00Z'))).toBe(false);
    expect(isOpenAt(nights, at('2026-03-06T23:30:00Z'))).toBe(true);
    expect(isOpenAt(nights, at('2026-03-07T00:00:00Z'))).toBe(true);
    expect(isOpenAt(nights, at('2026-03-07T05:59:00Z'))).toBe(true);
    expect(isOpenAt(nights, at('2026-03-07T06:00:00Z'))).toBe(false);
    // Friday morning is not the tail of Thursday night.
    expect(isOpenAt(nights, at('2026-03-06T03:00:00Z'))).toBe(false);
  });

  it('wraps a Saturday night interval into Sunday morning', () => {
    const saturdayNight = schedule({ intervals: [{ weekday: 6, opens: '20:00', closes: '02:00' }] });
    expect(isOpenAt(saturdayNight, at('2026-03-08T01:00:00Z'))).toBe(true);
    expect(isOpenAt(saturdayNight, at('2026-03-08T02:00:00Z'))).toBe(false);
  });

  it('runs a 00:00–24:00 interval through the last minute of the day', () => {
    const allDay = schedule({ intervals: [{ weekday: 1, opens: '00:00', closes: '24:00' }] });
    expect(isOpenAt(allDay, at('2026-03-02T00:00:00Z'))).toBe(true);
    expect(isOpenAt(allDay, at('2026-03-02T23:59:59Z'))).toBe(true);
    expect(isOpenAt(allDay, at('2026-03-03T00:00:00Z'))).toBe(false);
  });

  it('reads the hours as wall-clock time in the calendar’s zone, across daylight saving time', () => {
    // New York, Monday to Friday 09:00–17:00. Clocks go forward on Sunday 2026-03-08.
    const newYork = schedule({
      timezone: 'America/New_York',
      intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' })),
    });
    // Friday 2026-03-06, EST (UTC-5): opens at 14:00 UTC.
    expect(isOpenAt(newYork, at('2026-03-06T13:59:00Z'))).toBe(false);
    expect(isOpenAt(newYork, at('2026-03-06T14:00:00Z'))).toBe(true);
    // Monday 2026-03-09, EDT (UTC-4): opens at 13:00 UTC, closes at 21:00 UTC.
    expect(isOpenAt(newYork, at('2026-03-09T13:00:00Z'))).toBe(true);
    expect(isOpenAt(newYork, at('2026-03-09T20:59:00Z'))).toBe(true);
    expect(isOpenAt(newYork, at('2026-03-09T21:00:00Z'))).toBe(false);
  });

  it('keeps an overnight interval right on the nights the clocks change', () => {
    // Paris, Saturday 22:00 to Sunday 06:00. Spring forward on 2026-03-29 (02:00 → 03:00), back on 2026-10-25.
    const paris = schedule({ timezone: 'Europe/Paris', intervals: [{ weekday: 6, opens: '22:00', closes: '06:00' }] });
    // Spring: 22:00 CET is 21:00 UTC; the night is an hour shorter and ends at 06:00 CEST = 04:00 UTC.
    expect(isOpenAt(paris, at('2026-03-28T20:59:00Z'))).toBe(false);
    expect(isOpenAt(paris, at('2026-03-28T21:00:00Z'))).toBe(true);
    expect(isOpenAt(paris, at('2026-03-29T01:30:00Z'))).toBe(true); // 03:30 CEST, just after the jump
    expect(isOpenAt(paris, at('2026-03-29T03:59:00Z'))).toBe(true);
    expect(isOpenAt(paris, at('2026-03-29T04:00:00Z'))).toBe(false);
    // Autumn: 22:00 CEST is 20:00 UTC; 02:00–03:00 happens twice; it ends at 06:00 CET = 05:00 UTC.
    expect(isOpenAt(paris, at('2026-10-24T20:00:00Z'))).toBe(true);
    expect(isOpenAt(paris, at('2026-10-25T00:30:00Z'))).toBe(true); // 02:30 CEST
    expect(isOpenAt(paris, at('2026-10-25T01:30:00Z'))).toBe(true); // 02:30 CET, the second time
    expect(isOpenAt(paris, at('2026-10-25T04:59:00Z'))).toBe(true);
    expect(isOpenAt(paris, at('2026-10-25T05:00:00Z'))).toBe(false);
  });

  it('closes a holiday’s whole local date, the tail of the night before included, and nothing around it', () => {
    const tokyo = schedule({
      timezone: 'Asia/Tokyo',
      intervals: [
        { weekday: 4, opens: '09:00', closes: '17:00' },
        // Wednesday 20:00 to Thursday 02:00.
        { weekday: 3, opens: '20:00', closes: '02:00' },
      ],
      holidays: [{ day: '2026-12-31', name: 'Year end' }],
    });
    // Thursday 2026-12-31 10:00 in Tokyo is 01:00 UTC: a holiday.
    expect(isOpenAt(tokyo, at('2026-12-31T01:00:00Z'))).toBe(false);
    // Thursday 01:00 in Tokyo (Wednesday 16:00 UTC) is the holiday's date too.
    expect(isOpenAt(tokyo, at('2026-12-30T16:00:00Z'))).toBe(false);
    // Wednesday 21:00 in Tokyo, before the holiday starts: open.
    expect(isOpenAt(tokyo, at('2026-12-30T12:00:00Z'))).toBe(true);
    // The Thursday a week later is an ordinary day.
    expect(isOpenAt(tokyo, at('2027-01-07T01:00:00Z'))).toBe(true);
  });

  it('is never open without intervals', () => {
    expect(isOpenAt(schedule({}), at('2026-03-02T12:00:00Z'))).toBe(false);
  });
});

describe('localTime', () => {
  it('gives the date, weekday and minute in the zone, on the other side of the date line from UTC', () => {
    expect(localTime(at('2026-03-02T23:30:00Z'), 'Pacific/Auckland')).toEqual({
      day: '2026-03-03',
      weekday: 2,
      minute: 12 * 60 + 30,
    });
    expect(localTime(at('2026-03-02T00:00:00Z'), 'UTC')).toEqual({ day: '2026-03-02', weekday: 1, minute: 0 });
  });
});

describe('overlappingIntervals', () => {
  it('finds intervals of one day that share minutes, and lets touching ones be', () => {
    expect(
      overlappingIntervals([
        { weekday: 1, opens: '09:00', closes: '12:00' },
        { weekday: 1, opens: '12:00', closes: '17:00' },
        { weekday: 2, opens: '09:00', closes: '12:00' },
      ]),
    ).toEqual([]);
    expect(
      overlappingIntervals([
        { weekday: 1, opens: '09:00', closes: '12:00' },
        { weekday: 1, opens: '11:00', closes: '17:00' },
      ]),
    ).toEqual([[1, 0]]);
  });

  it('finds an overnight interval running into the next day’s interval, Saturday night into Sunday too', () => {
    expect(
      overlappingIntervals([
        { weekday: 1, opens: '22:00', closes: '06:00' },
        { weekday: 2, opens: '05:00', closes: '09:00' },
      ]),
    ).toEqual([[1, 0]]);
    expect(
      overlappingIntervals([
        { weekday: 0, opens: '00:00', closes: '08:00' },
        { weekday: 6, opens: '22:00', closes: '01:00' },
      ]),
    ).toEqual([[1, 0]]);
  });
});
