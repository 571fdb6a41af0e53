export type Elapsed = { unit: 'justNow' } | { unit: 'minutes' | 'hours' | 'days'; value: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago `since` was, rounded down to the largest whole unit; never negative despite clock skew. */
export function elapsedSince(since: string, nowMs: number): Elapsed {
  const ms = Math.max(0, nowMs - Date.parse(since));
  if (ms < MINUTE) return { unit: 'justNow' };
  if (ms < HOUR) return { unit: 'minutes', value: Math.floor(ms / MINUTE) };
  if (ms < DAY) return { unit: 'hours', value: Math.floor(ms / HOUR) };
  return { unit: 'days', value: Math.floor(ms / DAY) };
}
