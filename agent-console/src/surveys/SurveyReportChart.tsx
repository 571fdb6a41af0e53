import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SurveyReportGroup, SurveyReportRow, SurveyScale } from '../../../server/http/surveyApiTypes';
import { formatAggregateScore } from './surveyScale';
import { useGroupLabel } from './useGroupLabel';

interface Props {
  rows: SurveyReportRow[];
  group: SurveyReportGroup;
  scale: SurveyScale;
}

const SERIES = ['sent', 'answered', 'score'] as const;
/** Legend and tooltip in the drawing's order, not alphabetically (which changes with the language). */
const inSeriesOrder = (item: { dataKey?: unknown }) => SERIES.findIndex((key) => key === item.dataKey);

/** Surveys sent and answered as bars (left axis), the score by the scale's rule as a line (right axis). */
export function SurveyReportChart({ rows, group, scale }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const label = useGroupLabel(group);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const labelOf = (key: unknown, long: boolean) => {
    const row = byKey.get(String(key));
    return row ? label(row, long) : String(key);
  };
  const scoreRange: [number, number] | undefined =
    scale === 'csat' ? [0, 100] : scale === 'nps' ? [-100, 100] : scale === 'ces' ? [1, 7] : undefined;

  return (
    <figure className="stats-chart" data-testid="survey-report-chart" data-rows={rows.length} aria-labelledby={titleId}>
      <figcaption id={titleId}>{t('surveys.reports.chartTitle')}</figcaption>
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows} margin={{ top: 12, right: 12, bottom: 24, left: 12 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis
            dataKey="key"
            tickFormatter={(key: unknown) => labelOf(key, false)}
            interval="preserveStartEnd"
            minTickGap={12}
          />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            width={56}
            label={{ value: t('surveys.reports.countAxis'), angle: -90, position: 'insideLeft' }}
          />
          <YAxis
            yAxisId="score"
            orientation="right"
            domain={scoreRange}
            width={56}
            tickFormatter={(value: number) => formatAggregateScore(scale, value, i18n.language)}
            label={{ value: t('surveys.reports.scoreAxis'), angle: 90, position: 'insideRight' }}
          />
          <Tooltip
            labelFormatter={(key: unknown) => labelOf(key, true)}
            formatter={(value, name, item) =>
              item.dataKey === 'score'
                ? [formatAggregateScore(scale, typeof value === 'number' ? value : null, i18n.language), name]
                : [value, name]
            }
            itemSorter={inSeriesOrder}
          />
          <Legend verticalAlign="top" itemSorter={inSeriesOrder} />
          <Bar
            yAxisId="count"
            dataKey="sent"
            name={t('surveys.reports.sent')}
            fill="#9db5e8"
            isAnimationActive={false}
          />
          <Bar
            yAxisId="count"
            dataKey="answered"
            name={t('surveys.reports.answered')}
            fill="#2457c5"
            isAnimationActive={false}
          />
          <Line
            yAxisId="score"
            dataKey="score"
            name={t('surveys.reports.scoreColumn')}
            stroke="#1d7a3e"
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
