/**
 * A business-hours calendar as data, and whether it is open at an instant. Pure: the voice line asks it now, and the
 * SLA clock can ask it about any moment.
 *
 * Times are wall-clock times in the calendar's own time zone, so opening hours follow daylight saving time: a shop
 * open 09:00–17:00 in Paris opens at 08:00 UTC in winter and 07:00 UTC in summer.
 */
export interface WeeklyInterval {
  /** 0 = Sunday … 6 = Saturday, the day the interval opens. */
  weekday: number;
  /** 'HH:MM'. */
  opens: string;
  /** 'HH:MM', or '24:00' for the end of the day; earlier than `opens` means it closes on the next day (overnight). */
  closes: string;
}

export interface Holiday {
  /** 'YYYY-MM-DD', a local date of the calendar's time zone. */
  day: string;
  name: string;
}

export interface WeeklySchedule {
  timezone: string;
  intervals: WeeklyInterval[];
  holidays: Holiday[];
}

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Minutes since midnight of 'HH:MM' ('24:00' is 1440). */
export function minuteOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

/** An interval that closes before (or exactly when) it opens runs past midnight into the next day. */
export const isOvernight = (interval: WeeklyInterval) => minuteOfDay(interval.closes) <= minuteOfDay(interval.opens);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string) {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The local date, weekday and minute of the day at an instant, in a time zone (daylight saving time included). */
export function localTime(at: Date, timezone: string): { day: string; weekday: number; minute: number } {
  const parts = Object.fromEntries(
    formatterFor(timezone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * Open when an interval covers the local time: one that opened today, or an overnight one that opened yesterday and
 * has not closed yet. A holiday closes its whole local date, including the after-midnight part of the previous
 * evening's overnight interval.
 */
export function isOpenAt(schedule: WeeklySchedule, at: Date): boolean {
  const { day, weekday, minute } = localTime(at, schedule.timezone);
  if (schedule.holidays.some((holiday) => holiday.day === day)) return false;
  const yesterday = (weekday + 6) % 7;
  return schedule.intervals.some((interval) => {
    const opens = minuteOfDay(interval.opens);
    const closes = minuteOfDay(interval.closes);
    if (!isOvernight(interval)) return interval.weekday === weekday && minute >= opens && minute < closes;
    return (interval.weekday === weekday && minute >= opens) || (interval.weekday === yesterday && minute < closes);
  });
}

/** The stretches of the week (minutes from Sunday 00:00) an interval covers; an overnight Saturday wraps to Sunday. */
function weekSpans(interval: WeeklyInterval): [number, number][] {
  const start = interval.weekday * MINUTES_PER_DAY + minuteOfDay(interval.opens);
  const end =
    interval.weekday * MINUTES_PER_DAY + minuteOfDay(interval.closes) + (isOvernight(interval) ? MINUTES_PER_DAY : 0);
  return end <= MINUTES_PER_WEEK
    ? [[start, end]]
    : [
        [start, MINUTES_PER_WEEK],
        [0, end - MINUTES_PER_WEEK],
      ];
}

/** Pairs of intervals (by index, the later one first) that cover some of the same minutes of the week. */
export function overlappingIntervals(intervals: WeeklyInterval[]): [number, number][] {
  const spans = intervals.map(weekSpans);
  const pairs: [number, number][] = [];
  for (let later = 1; later < intervals.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const overlaps = spans[later].some(([s1, e1]) => spans[earlier].some(([s2, e2]) => s1 < e2 && s2 < e1));
      if (overlaps) pairs.push([later, earlier]);
    }
  }
  return pairs;
}
