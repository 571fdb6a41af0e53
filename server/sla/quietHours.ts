// Quiet hours hold back alarm SMS and email (a lead is not texted at 3 a.m.); the console's own notice never waits.
import type { QuietHours } from '../http/slaApiTypes';
import { minuteOfDay } from '../settings/weeklySchedule';
import { localInstant } from './businessTime';

const DAY_MS = 24 * 60 * 60_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** When an alarm raised at `now` may be sent: `now`, or the end of the quiet hours it falls in. */
export function sendableAt(quiet: QuietHours | null, now: Date): Date {
  if (!quiet) return now;
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  const at = now.getTime();
  // Quiet spans that opened on a local date around now (zones reach ±14 h; an overnight span adds a day).
  for (let offset = -2; offset <= 1; offset++) {
    const day = dayOf(at + offset * DAY_MS);
    const opens = localInstant(day, start, quiet.timezone);
    const closes = localInstant(
      end > start ? day : dayOf(Date.parse(`${day}T00:00:00Z`) + DAY_MS),
      end,
      quiet.timezone,
    );
    if (at >= opens && at < closes) return new Date(closes);
  }
  return now;
}
