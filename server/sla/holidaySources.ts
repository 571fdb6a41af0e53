// Holidays from outside: an iCal file (ical.js) or a country's public holidays (date-holidays, a maintained library).
// Each becomes one local date per day, as a calendar's holidays are.
import Holidays from 'date-holidays';
import ICAL from 'ical.js';
import { HttpError } from '../http/httpError';
import type { Holiday } from '../settings/weeklySchedule';

// Recurring events are expanded this far ahead; a calendar holds at most this many holidays (businessHoursInput).
const RECUR_YEARS = 3;
const MAX_HOLIDAYS = 400;
const DAY_MS = 86_400_000;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The days of each all-day (or timed: its start date) event in an .ics text, recurring ones expanded. */
export function icalHolidays(ics: string, now = new Date()): Holiday[] {
  let events: ICAL.Event[];
  try {
    const root = new ICAL.Component(ICAL.parse(ics));
    events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  } catch (err) {
    throw new HttpError(400, 'invalid_input', `ics is not an iCalendar file: ${(err as Error).message}`, [
      { path: 'ics', message: 'is not an iCalendar file' },
    ]);
  }
  const until = ICAL.Time.fromJSDate(new Date(now.getTime() + RECUR_YEARS * 365 * DAY_MS), true);
  const days = new Map<string, string>();
  for (const event of events) {
    const name = (event.summary || 'Holiday').trim().slice(0, 200) || 'Holiday';
    const length = event.endDate ? Math.max(1, event.endDate.subtractDate(event.startDate).toSeconds() / 86400) : 1;
    const starts: ICAL.Time[] = [];
    if (event.isRecurring()) {
      const it = event.iterator();
      for (let next = it.next(); next && next.compare(until) < 0 && starts.length < MAX_HOLIDAYS; next = it.next())
        starts.push(next);
    } else starts.push(event.startDate);
    for (const start of starts) {
      let day = `${start.year}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')}`;
      // An all-day event ends on the day after its last day; a timed one covers its start date.
      for (let i = 0; i < (start.isDate ? Math.round(length) : 1); i++, day = nextDay(day))
        if (!days.has(day)) days.set(day, name);
    }
  }
  return [...days].map(([day, name]) => ({ day, name })).sort((a, b) => a.day.localeCompare(b.day));
}

/** A country's (and optionally a region's) public holidays of a year, in the country's language where it has one. */
export function countryHolidays(country: string, region: string | undefined, year: number): Holiday[] {
  const hd = region ? new Holidays(country, region) : new Holidays(country);
  if (!hd.getCountries()[country.toUpperCase()])
    throw new HttpError(400, 'invalid_input', `No holidays are known for country ${country}.`, [
      { path: 'country', message: 'is not a country the holiday library knows' },
    ]);
  if (region && !hd.getStates(country)?.[region.toUpperCase()])
    throw new HttpError(400, 'invalid_input', `No region ${region} is known in ${country}.`, [
      { path: 'region', message: 'is not a region of the country' },
    ]);
  const days = new Map<string, string>();
  for (const h of hd.getHolidays(year) ?? []) {
    if (h.type !== 'public') continue;
    let day = h.date.slice(0, 10);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < length; i++, day = nextDay(day)) if (!days.has(day)) days.set(day, h.name);
  }
  return [...days].map(([day, name]) => ({ day, name }));
}

export function holidayCountries(): { code: string; name: string }[] {
  return Object.entries(new Holidays().getCountries('en')).map(([code, name]) => ({ code, name }));
}
