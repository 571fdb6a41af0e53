import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignStatsResponse } from '../../../server/http/apiTypes';
import type { StatsPeriod } from '../api/campaignEndpoints';
import { CHART_SERIES, chartLayout, COMPACT_SIZE } from './statsChart';
import { formatPeriod } from './statsPeriod';

interface Props {
  /** Every period of the range, empty ones included. */
  rows: CampaignStatsResponse['byPeriod'];
  period: StatsPeriod;
}

const COMPACT_FROM_GROUPS = 14;

/** Sent, delivered and failed per period as grouped bars, in plain SVG; the tables below carry the same figures. */
export function StatsChart({ rows, period }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const layout = chartLayout(rows, rows.length > COMPACT_FROM_GROUPS ? COMPACT_SIZE : {});
  return (
    <figure className="stats-chart">
      <figcaption id={titleId}>{t('campaignStats.chartTitle')}</figcaption>
      <ul className="stats-chart__legend" aria-hidden="true">
        {CHART_SERIES.map((kind) => (
          <li key={kind}>
            <span className={`stats-chart__swatch stats-bar--${kind}`} /> {t(`campaignStats.${kind}`)}
          </li>
        ))}
      </ul>
      <div className="stats-chart__scroll">
        <svg
          data-testid="stats-chart"
          role="img"
          aria-labelledby={titleId}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          {layout.ticks.map((tick) => (
            <g key={tick.value} className="stats-chart__tick">
              <line x1={layout.plotLeft} x2={layout.plotRight} y1={tick.y} y2={tick.y} />
              <text x={layout.plotLeft - 6} y={tick.y} dy="0.32em" textAnchor="end">
                {tick.value}
              </text>
            </g>
          ))}
          {layout.groups.map((group) => (
            <g key={group.period} data-testid="stats-chart-group" data-period={group.period}>
              {group.bars.map((bar) => (
                <rect
                  key={bar.kind}
                  className={`stats-bar--${bar.kind}`}
                  data-testid="stats-bar"
                  data-kind={bar.kind}
                  data-value={bar.value}
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                >
                  <title>{`${formatPeriod(group.period, period, i18n.language, true)} · ${t(`campaignStats.${bar.kind}`)}: ${bar.value}`}</title>
                </rect>
              ))}
              {group.labeled && (
                <text className="stats-chart__label" x={group.centerX} y={layout.baseline + 18} textAnchor="middle">
                  {formatPeriod(group.period, period, i18n.language)}
                </text>
              )}
            </g>
          ))}
          <line
            className="stats-chart__axis"
            x1={layout.plotLeft}
            x2={layout.plotRight}
            y1={layout.baseline}
            y2={layout.baseline}
          />
        </svg>
      </div>
    </figure>
  );
}
