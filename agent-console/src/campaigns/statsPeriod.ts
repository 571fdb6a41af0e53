import type { CampaignStatsResponse } from '../../../server/http/apiTypes';
import type { StatsPeriod } from '../api/campaignEndpoints';
import { toDateInput } from './scheduleTime';

type PeriodRow = CampaignStatsResponse['byPeriod'][number];

const DAY_MS = 86_400_000;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last 30 days, today included, as `<input type="date">` values. */
export function defaultStatsRange(today: Date = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: toDateInput(from), to: toDateInput(today) };
}

/**
 * A period's first day (YYYY-MM-DD, in UTC as the server groups them) in words: "Mar 10" / "3月10日" for days
 * and weeks, "March 2025" / "2025年3月" for months; `long` adds the year to days and weeks.
 */
export function formatPeriod(period: string, kind: StatsPeriod, locale: string, long = false): string {
  const date = new Date(`${period}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  const options: Intl.DateTimeFormatOptions =
    kind === 'month'
      ? { year: 'numeric', month: long ? 'long' : 'short' }
      : long
        ? { year: 'numeric', month: 'short', day: 'numeric' }
        : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
}

/**
 * The first day of every period that touches from..to (YYYY-MM-DD, both included), as the server groups them:
 * UTC days, weeks starting on Monday, calendar months. Empty for an impossible range.
 */
export function periodStarts(period: StatsPeriod, from: string, to: string): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start > end) return [];
  if (period === 'week') start.setTime(start.getTime() - ((start.getUTCDay() + 6) % 7) * DAY_MS);
  if (period === 'month') start.setUTCDate(1);
  const starts: string[] = [];
  for (const at = start; at <= end;) {
    starts.push(utcDay(at));
    if (period === 'month') at.setUTCMonth(at.getUTCMonth() + 1);
    else at.setTime(at.getTime() + (period === 'week' ? 7 : 1) * DAY_MS);
  }
  return starts;
}

/** The server's rows with an empty row for every period without campaigns, in time order: the chart shows gaps as gaps. */
export function fillPeriods(rows: readonly PeriodRow[], starts: readonly string[]): PeriodRow[] {
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  const empty = (period: string): PeriodRow => ({ period, campaigns: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 });
  const filled = starts.map((period) => byPeriod.get(period) ?? empty(period));
  const extra = rows.filter((row) => !starts.includes(row.period));
  return [...filled, ...extra].sort((a, b) => a.period.localeCompare(b.period));
}
