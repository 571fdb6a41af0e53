export interface Interval {
  weekday: number;
  opens: string;
  closes: string;
}

/** Monday first, as calendars are read in most places; weekday numbers stay 0 = Sunday … 6 = Saturday. */
export const WEEK_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

const isAllDay = (i: Interval) => i.opens === '00:00' && (i.closes === '24:00' || i.closes === '00:00');
/** Closes at or before it opens: runs past midnight (a close at 00:00 is midnight, not the next day). */
export const endsNextDay = (i: Interval) => i.closes !== '00:00' && i.closes <= i.opens;

/**
 * A calendar's week in a line: days with the same hours grouped into runs ("Mon–Fri 09:00–17:00 · Sat 10:00–14:00"),
 * an overnight interval marked, days without hours left out. `aroundTheClock` when every day is open all day.
 */
export function weekSummary(
  intervals: Interval[],
  dayName: (weekday: number) => string,
  nextDayMark = '+1',
): { aroundTheClock: boolean; text: string } {
  const hoursOf = (weekday: number) =>
    intervals
      .filter((i) => i.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((i) => `${i.opens}–${i.closes}${endsNextDay(i) ? ` (${nextDayMark})` : ''}`)
      .join(', ');
  const aroundTheClock = WEEK_ORDER.every((day) => intervals.some((i) => i.weekday === day && isAllDay(i)));
  const runs: { first: number; last: number; hours: string }[] = [];
  for (const day of WEEK_ORDER) {
    const hours = hoursOf(day);
    const previous = runs.at(-1);
    const follows = previous && WEEK_ORDER.indexOf(previous.last) === WEEK_ORDER.indexOf(day) - 1;
    if (previous && follows && previous.hours === hours) previous.last = day;
    else runs.push({ first: day, last: day, hours });
  }
  const text = runs
    .filter((run) => run.hours)
    .map((run) => {
      const days = run.first === run.last ? dayName(run.first) : `${dayName(run.first)}–${dayName(run.last)}`;
      return `${days} ${run.hours}`;
    })
    .join(' · ');
  return { aroundTheClock, text };
}
