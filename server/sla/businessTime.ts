/**
 * Business time on a calendar: "add N business minutes to T" and "business minutes between A and B". Pure, so every
 * case (weekends, holidays, breaks, overnight shifts, daylight saving time) is unit-tested without a database.
 *
 * A calendar is a list of open spans in real time: each weekly interval opened on each local date, placed with the
 * calendar zone's offset on that date (so 09:00 stays 09:00 local across a DST change, and a 24-hour local day can
 * hold 23 or 25 real hours). A holiday closes its whole local date, the after-midnight part of the previous
 * evening's overnight shift included, as `isOpenAt` does. No calendar (null) means open around the clock.
 */
import { minuteOfDay, isOvernight, type WeeklySchedule } from '../settings/weeklySchedule';

const MINUTE_MS = 60_000;
// How far ahead to look for open time before giving up: a calendar closed for longer is a mistake, not a wait.
const MAX_DAYS = 800;

/** The offset (local minus UTC, in ms) of a time zone at an instant. */
function zoneOffsetMs(at: number, timezone: string): number {
  const parts = Object.fromEntries(
    offsetFormatter(timezone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatter(timezone: string) {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/**
 * The instant a local wall-clock time (minutes since local midnight, 1440 = next midnight) happens on a local date.
 * A time skipped by a spring-forward change lands just after the gap, as clocks show it.
 */
export function localInstant(day: string, minute: number, timezone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minute * MINUTE_MS;
  const first = wall - zoneOffsetMs(wall, timezone);
  const second = wall - zoneOffsetMs(first, timezone);
  return Math.max(first, second);
}

/** The local date ('YYYY-MM-DD') of an instant in a zone. */
function localDay(at: number, timezone: string): string {
  const shifted = new Date(at + zoneOffsetMs(at, timezone));
  return shifted.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The open spans [start, end) of intervals opened on one local date, holidays cut out, in time order. */
function spansOfDay(schedule: WeeklySchedule, day: string): [number, number][] {
  const holidays = new Set(schedule.holidays.map((h) => h.day));
  const next = addDays(day, 1);
  const weekday = weekdayOf(day);
  const spans: [number, number][] = [];
  const intervals = schedule.intervals
    .filter((i) => i.weekday === weekday)
    .sort((a, b) => minuteOfDay(a.opens) - minuteOfDay(b.opens));
  for (const interval of intervals) {
    const start = localInstant(day, minuteOfDay(interval.opens), schedule.timezone);
    const end = isOvernight(interval)
      ? localInstant(next, minuteOfDay(interval.closes), schedule.timezone)
      : localInstant(day, minuteOfDay(interval.closes), schedule.timezone);
    const midnight = localInstant(next, 0, schedule.timezone);
    // The part before local midnight belongs to this date, the rest to the next one: each can be a holiday.
    if (!holidays.has(day)) spans.push([start, Math.min(end, midnight)]);
    if (end > midnight && !holidays.has(next)) spans.push([midnight, end]);
  }
  return spans.filter(([s, e]) => e > s);
}

/** Open spans from the local date before `from` onwards (an overnight shift may have opened the evening before). */
function* openSpans(schedule: WeeklySchedule, from: number): Generator<[number, number]> {
  let day = addDays(localDay(from, schedule.timezone), -1);
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) yield* spansOfDay(schedule, day);
  throw new Error(
    `The business hours are closed for more than ${MAX_DAYS} days after ${new Date(from).toISOString()}.`,
  );
}

/** The instant `minutes` business minutes after `start` (start itself when it is 0). */
export function addBusinessMinutes(schedule: WeeklySchedule | null, start: Date, minutes: number): Date {
  if (!schedule) return new Date(start.getTime() + minutes * MINUTE_MS);
  let remaining = minutes * MINUTE_MS;
  const from = start.getTime();
  if (remaining <= 0) return start;
  for (const [s, e] of openSpans(schedule, from)) {
    const begin = Math.max(s, from);
    if (e <= begin) continue;
    if (remaining <= e - begin) return new Date(begin + remaining);
    remaining -= e - begin;
  }
  throw new Error('unreachable');
}

/** Business minutes (fractional) between two instants; 0 when `to` is not after `from`. */
export function businessMinutesBetween(schedule: WeeklySchedule | null, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (!schedule) return (b - a) / MINUTE_MS;
  let total = 0;
  for (const [s, e] of openSpans(schedule, a)) {
    if (s >= b) break;
    const overlap = Math.min(e, b) - Math.max(s, a);
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE_MS;
}
