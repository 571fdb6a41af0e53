import { describe, expect, it } from 'vitest';
import type { SurveyReportRow } from '../../../server/http/surveyApiTypes';
import { chartRows } from './reportRows';

const row = (key: string, sent: number): SurveyReportRow => ({
  key,
  label: key,
  sent,
  answered: sent,
  responseRate: 1,
  score: 100,
  lowScores: 0,
});

describe('chartRows', () => {
  it('when by day, then every day of the range is there in order, days without surveys empty', () => {
    const rows = chartRows([row('2026-12-03', 2), row('2026-12-01', 1)], 'day', '2026-12-01', '2026-12-03');
    expect(rows.map((r) => [r.key, r.sent, r.score])).toEqual([
      ['2026-12-01', 1, 100],
      ['2026-12-02', 0, null],
      ['2026-12-03', 2, 100],
    ]);
  });

  it('when by week, then weeks start on Monday as the server groups them', () => {
    expect(chartRows([], 'week', '2026-12-02', '2026-12-09').map((r) => r.key)).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('when by agent, then the server’s rows are kept as they are', () => {
    const rows = [row('agent-b', 1), row('agent-a', 3)];
    expect(chartRows(rows, 'agent', '2026-12-01', '2026-12-31')).toEqual(rows);
  });
});
