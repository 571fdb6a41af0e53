import { z } from 'zod';
import type { Sql, SqlFragment } from '../db/client';
import { HttpError } from '../http/httpError';
import { REPORT_INTERVALS, type ReportInterval } from '../http/wallApiTypes';

const MAX_PERIODS = 5000;
const MINUTES: Partial<Record<ReportInterval, number>> = { '15m': 15, '30m': 30, '60m': 60 };
const APPROX_SECONDS: Record<ReportInterval, number> = {
  '15m': 900,
  '30m': 1800,
  '60m': 3600,
  day: 86400,
  week: 7 * 86400,
  month: 28 * 86400,
};

const validTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A report's range: `from` (inclusive) and `to` (exclusive) as instants, cut into intervals in `timezone`. */
export const reportQuery = z
  .object({
    from: z.iso.datetime({ offset: true, error: 'must be an ISO date-time, like 2026-12-07T00:00:00+08:00' }),
    to: z.iso.datetime({ offset: true, error: 'must be an ISO date-time, like 2026-12-08T00:00:00+08:00' }),
    interval: z.enum(REPORT_INTERVALS).default('day'),
    timezone: z.string().default('UTC').refine(validTimezone, 'must be an IANA time zone, like Asia/Shanghai'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => new Date(q.to) > new Date(q.from), { message: 'must be after from', path: ['to'] });

export type ReportQuery = z.infer<typeof reportQuery>;

export function requireFewPeriods(q: ReportQuery) {
  const seconds = (new Date(q.to).getTime() - new Date(q.from).getTime()) / 1000;
  if (seconds / APPROX_SECONDS[q.interval] > MAX_PERIODS)
    throw new HttpError(400, 'invalid_input', `interval: more than ${MAX_PERIODS} intervals; pick a longer one`, [
      { path: 'interval', message: `more than ${MAX_PERIODS} intervals in the range; pick a longer one` },
    ]);
}

/** The start of the interval `at` falls in, in the report's time zone (15/30/60 minutes from local midnight). */
export function periodOf(sql: Sql, at: SqlFragment, q: ReportQuery): SqlFragment {
  const minutes = MINUTES[q.interval];
  if (minutes)
    return sql`(date_bin(${`${minutes} minutes`}::interval, ${at} at time zone ${q.timezone}, timestamp '2000-01-01') at time zone ${q.timezone})`;
  return sql`(date_trunc(${q.interval}, ${at} at time zone ${q.timezone}) at time zone ${q.timezone})`;
}

/** Every interval of the range, as instants. */
export async function periodsOf(sql: Sql, q: ReportQuery): Promise<{ label: Date; start: Date; end: Date }[]> {
  const step = MINUTES[q.interval] ? `${MINUTES[q.interval]} minutes` : `1 ${q.interval}`;
  const rows = await sql<{ start: Date; end: Date }[]>`
    select s at time zone ${q.timezone} as start, (s + ${step}::interval) at time zone ${q.timezone} as end
    from generate_series(${periodOf(sql, sql`${new Date(q.from)}::timestamptz`, q)} at time zone ${q.timezone},
                         ${new Date(q.to)}::timestamptz at time zone ${q.timezone} - interval '1 microsecond', ${step}::interval) s`;
  // The first and last intervals are cut to the range, so a report of part of a day counts that part only.
  return rows.map((r) => ({
    label: r.start,
    start: new Date(Math.max(r.start.getTime(), new Date(q.from).getTime())),
    end: new Date(Math.min(r.end.getTime(), new Date(q.to).getTime())),
  }));
}
