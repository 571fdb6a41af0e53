const DAY_MS = 86_400_000;
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The last `days` calendar days in UTC, today included, as the server counts report days (YYYY-MM-DD). */
export function lastDaysUtc(days: number, now: Date = new Date()): { from: string; to: string } {
  return { from: utcDay(now.getTime() - (days - 1) * DAY_MS), to: utcDay(now.getTime()) };
}

/** A range the server accepts: both days given, the start not after the end. */
export const isValidRange = ({ from, to }: { from: string; to: string }) => from !== '' && to !== '' && from <= to;
