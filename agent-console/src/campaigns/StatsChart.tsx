import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CampaignStatsResponse } from '../../../server/http/apiTypes';
import type { StatsPeriod } from '../api/campaignEndpoints';
import { formatPeriod } from './statsPeriod';

interface Props {
  /** Every period of the range, empty ones included. */
  rows: CampaignStatsResponse['byPeriod'];
  period: StatsPeriod;
}

/** The figures drawn per period, left to right, in the console's colours for sent, delivered and failed. */
const SERIES = [
  { kind: 'sent', colour: '#2457c5' },
  { kind: 'delivered', colour: '#1d7a3e' },
  { kind: 'failed', colour: '#b42318' },
] as const;

/** Legend and tooltip list the figures in the bars' order, not alphabetically (which changes with the language). */
const inSeriesOrder = (item: { dataKey?: unknown }) => SERIES.findIndex(({ kind }) => kind === item.dataKey);

/** Sent, delivered and failed per period as grouped bars; the tables below carry the same figures. */
export function StatsChart({ rows, period }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const short = (value: unknown) => formatPeriod(String(value), period, i18n.language);
  const long = (value: unknown) => formatPeriod(String(value), period, i18n.language, true);
  return (
    <figure className="stats-chart" data-testid="stats-chart" data-periods={rows.length} aria-labelledby={titleId}>
      <figcaption id={titleId}>{t('campaignStats.chartTitle')}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart
          data={rows}
          title={t('campaignStats.chartTitle')}
          margin={{ top: 12, right: 12, bottom: 24, left: 12 }}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis
            dataKey="period"
            tickFormatter={short}
            interval="preserveStartEnd"
            minTickGap={12}
            label={{ value: t('campaignStats.chartPeriodAxis'), position: 'bottom', offset: 4 }}
          />
          <YAxis
            allowDecimals={false}
            width={56}
            label={{ value: t('campaignStats.chartTextsAxis'), angle: -90, position: 'insideLeft' }}
          />
          <Tooltip labelFormatter={long} itemSorter={inSeriesOrder} />
          <Legend verticalAlign="top" itemSorter={inSeriesOrder} />
          {SERIES.map(({ kind, colour }) => (
            <Bar key={kind} dataKey={kind} name={t(`campaignStats.${kind}`)} fill={colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
