import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallStatsResponse } from '../../../server/http/voiceApiTypes';
import { formatPeriod } from '../campaigns/statsPeriod';
import { formatDuration, groupByPeriod, type CallFigures } from './callStatsFormat';

const COUNTS = ['inbound', 'outbound', 'answered', 'abandoned'] as const satisfies readonly (keyof CallFigures)[];

function FigureCells({ figures }: { figures: CallFigures }) {
  return (
    <>
      {COUNTS.map((count) => (
        <td key={count} className="numeric" data-kind={count}>
          {figures[count]}
        </td>
      ))}
      <td className="numeric" data-kind="talk">
        {formatDuration(figures.talkSeconds)}
      </td>
      <td className="numeric" data-kind="averageTalk">
        {formatDuration(figures.averageTalkSeconds)}
      </td>
    </>
  );
}

/** Periods with a row per agent (and a subtotal where several agents took calls), then the totals for the whole range. */
export function CallStatsTable({ stats }: { stats: CallStatsResponse }) {
  const { t, i18n } = useTranslation();
  const periodLabel = (period: string) => {
    const label = formatPeriod(period, stats.groupBy, i18n.language, true);
    return stats.groupBy === 'week' ? t('campaignStats.weekOf', { date: label }) : label;
  };
  return (
    <div className="table-scroll">
      <table className="data-table call-stats-table" data-testid="call-stats-table">
        <thead>
          <tr>
            <th scope="col">{t('callStats.period')}</th>
            <th scope="col">{t('callStats.agent')}</th>
            {COUNTS.map((count) => (
              <th key={count} scope="col" className="numeric">
                {t(`callStats.${count}`)}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('callStats.talkTime')}
            </th>
            <th scope="col" className="numeric">
              {t('callStats.averageTalk')}
            </th>
          </tr>
        </thead>
        <tbody>
          {groupByPeriod(stats.rows).map((group) => (
            <Fragment key={group.period}>
              {group.rows.map((row, i) => (
                <tr
                  key={row.agentId ?? 'none'}
                  data-testid="call-stats-row"
                  data-period={row.period}
                  data-agent-id={row.agentId ?? ''}
                >
                  {i === 0 && (
                    <th
                      scope="rowgroup"
                      rowSpan={group.rows.length + (group.rows.length > 1 ? 1 : 0)}
                      className="call-stats-table__period"
                    >
                      {periodLabel(group.period)}
                    </th>
                  )}
                  <td>{row.agentName ?? <span className="muted">{t('callStats.noAgent')}</span>}</td>
                  <FigureCells figures={row} />
                </tr>
              ))}
              {group.rows.length > 1 && (
                <tr className="call-stats-table__subtotal" data-testid="call-stats-subtotal" data-period={group.period}>
                  <td>{t('callStats.subtotal')}</td>
                  <FigureCells figures={group.subtotal} />
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr className="call-stats-table__totals" data-testid="call-stats-totals">
            <th scope="row" colSpan={2}>
              {t('callStats.totals')}
            </th>
            <FigureCells figures={stats.totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
