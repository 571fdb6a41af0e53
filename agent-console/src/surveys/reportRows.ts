import type { SurveyReportGroup, SurveyReportRow } from '../../../server/http/surveyApiTypes';
import { periodStarts } from '../campaigns/statsPeriod';

export type TimeGroup = Extract<SurveyReportGroup, 'day' | 'week' | 'month'>;

export const isTimeGroup = (group: SurveyReportGroup): group is TimeGroup =>
  group === 'day' || group === 'week' || group === 'month';

const emptyRow = (key: string): SurveyReportRow => ({
  key,
  label: key,
  sent: 0,
  answered: 0,
  responseRate: null,
  score: null,
  lowScores: 0,
});

/**
 * The rows to draw: by day, week or month every period of the range in time order, those without surveys empty
 * (a gap shows as a gap); by agent, queue or channel the server's rows as they are.
 */
export function chartRows(
  rows: readonly SurveyReportRow[],
  group: SurveyReportGroup,
  from: string,
  to: string,
): SurveyReportRow[] {
  if (!isTimeGroup(group)) return [...rows];
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const starts = periodStarts(group, from, to);
  const extra = rows.filter((row) => !starts.includes(row.key));
  return [...starts.map((key) => byKey.get(key) ?? emptyRow(key)), ...extra].sort((a, b) => a.key.localeCompare(b.key));
}
