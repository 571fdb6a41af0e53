import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/httpError';
import { countryHolidays, icalHolidays } from './holidaySources';

const calendar = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];

describe('icalHolidays', () => {
  it('when an all-day event spans days, then each day is a holiday (the end date is not)', () => {
    const ics = calendar(
      event('UID:a', 'DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261004', 'SUMMARY:国庆节'),
      event('UID:b', 'DTSTART:20261225T090000Z', 'DTEND:20261225T100000Z', 'SUMMARY:Party'),
    );
    expect(icalHolidays(ics)).toEqual([
      { day: '2026-10-01', name: '国庆节' },
      { day: '2026-10-02', name: '国庆节' },
      { day: '2026-10-03', name: '国庆节' },
      { day: '2026-12-25', name: 'Party' },
    ]);
  });

  it('when an event recurs yearly, then its days for the next three years are holidays', () => {
    const ics = calendar(event('UID:c', 'DTSTART;VALUE=DATE:20260501', 'RRULE:FREQ=YEARLY', 'SUMMARY:Labour Day'));
    const days = icalHolidays(ics, new Date('2026-03-01T00:00:00Z')).map((h) => h.day);
    expect(days).toEqual(['2026-05-01', '2027-05-01', '2028-05-01']);
  });

  it('when the text is no calendar, then it is a 400 naming ics', () => {
    expect(() => icalHolidays('hello')).toThrow(HttpError);
  });
});

describe('countryHolidays', () => {
  it('when China is seeded for 2026, then National Day is a holiday', () => {
    expect(countryHolidays('CN', undefined, 2026).map((h) => h.day)).toContain('2026-10-01');
  });

  it('when the country or region is unknown, then it is refused', () => {
    expect(() => countryHolidays('XX', undefined, 2026)).toThrow(HttpError);
    expect(() => countryHolidays('DE', 'ZZ', 2026)).toThrow(HttpError);
  });
});
