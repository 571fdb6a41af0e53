import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SurveyReportResponse, SurveyReportRow, SurveyScale } from '../../../server/http/surveyApiTypes';
import { requestJson } from '../api/request';
import { LoadStatus } from '../data/LoadStatus';
import { queryKeys } from '../data/queryKeys';
import { ReportChart, SERIES_COLOURS } from './ReportChart';
import type { ReportColumn } from './reportColumns';
import type { ReportQuery } from './reportEndpoints';
import { ReportTable } from './ReportTable';
import { useOptionalReport } from './useOptionalReport';

const SCALES: readonly SurveyScale[] = ['csat', 'nps', 'ces'];

/** Surveys grouped like the report (by day at the finest): where the survey module provides them. */
export function SurveySection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const [scale, setScale] = useState<SurveyScale>('csat');
  const groupBy = query.interval === 'week' || query.interval === 'month' ? query.interval : 'day';
  const search = new URLSearchParams({ from: query.from, to: query.to, groupBy, scale });
  const report = useOptionalReport(
    [...queryKeys.reportsAll, 'surveys', query.from, query.to, groupBy, scale],
    () => requestJson<SurveyReportResponse>(`/api/reports/surveys?${search}`),
    true,
  );
  if (report.missing) return null;
  const data = report.data;
  const columns: ReportColumn<SurveyReportRow>[] = [
    { key: 'label', label: t('reports.period'), kind: 'text', value: (row) => row.label },
    { key: 'sent', label: t('reports.surveyFigure.sent'), kind: 'count', value: (row) => row.sent },
    { key: 'answered', label: t('reports.surveyFigure.answered'), kind: 'count', value: (row) => row.answered },
    {
      key: 'responseRate',
      label: t('reports.surveyFigure.responseRate'),
      kind: 'ratio',
      value: (row) => row.responseRate,
    },
    { key: 'score', label: t('reports.surveyFigure.score'), kind: 'count', value: (row) => row.score },
    { key: 'lowScores', label: t('reports.surveyFigure.lowScores'), kind: 'count', value: (row) => row.lowScores },
  ];

  return (
    <section className="report-section" data-testid="report-surveys">
      <h2>{t('reports.section.surveys')}</h2>
      <label className="form__field report-section__option">
        <span>{t('reports.surveyScale')}</span>
        <select value={scale} onChange={(event) => setScale(event.target.value as SurveyScale)}>
          {SCALES.map((known) => (
            <option key={known} value={known}>
              {known.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <LoadStatus data={data} error={report.error} />
      {data && (
        <>
          <ReportChart title={t('reports.chart.surveys')} testId="report-surveys-chart">
            <LineChart data={data.rows} margin={{ top: 12, right: 12, bottom: 12, left: 12 }}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="label" minTickGap={16} />
              <YAxis width={48} />
              <Tooltip />
              <Legend verticalAlign="top" />
              <Line
                dataKey="score"
                name={t('reports.surveyFigure.score')}
                stroke={SERIES_COLOURS[4]}
                isAnimationActive={false}
                connectNulls
              />
            </LineChart>
          </ReportChart>
          <ReportTable
            testId="report-surveys-table"
            columns={columns}
            rows={data.rows}
            totals={{ key: 'total', label: t('reports.total'), ...data.total }}
            fileName={`surveys-${scale}-${query.from}-${query.to}`}
          />
        </>
      )}
    </section>
  );
}
