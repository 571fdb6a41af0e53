import { useTranslation } from 'react-i18next';
import type { CampaignStatsResponse, CampaignStatsRow } from '../../../server/http/apiTypes';
import type { StatsPeriod } from '../api/campaignEndpoints';
import { formatPeriod } from './statsPeriod';

const FIGURES = [
  'campaigns',
  'sent',
  'delivered',
  'failed',
  'skipped',
] as const satisfies readonly (keyof CampaignStatsRow)[];

function FigureHeaders() {
  const { t } = useTranslation();
  return (
    <>
      {FIGURES.map((figure) => (
        <th key={figure} scope="col" className="numeric">
          {t(`campaignStats.${figure}`)}
        </th>
      ))}
    </>
  );
}

function FigureCells({ row }: { row: CampaignStatsRow }) {
  return (
    <>
      {FIGURES.map((figure) => (
        <td key={figure} className="numeric" data-kind={figure}>
          {row[figure]}
        </td>
      ))}
    </>
  );
}

export function StatsByPeriodTable({ rows, period }: { rows: CampaignStatsResponse['byPeriod']; period: StatsPeriod }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="data-table" data-testid="stats-by-period">
      <thead>
        <tr>
          <th scope="col">{t('campaignStats.periodColumn')}</th>
          <FigureHeaders />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const label = formatPeriod(row.period, period, i18n.language, true);
          return (
            <tr key={row.period} data-testid="stats-period-row" data-period={row.period}>
              <td>{period === 'week' ? t('campaignStats.weekOf', { date: label }) : label}</td>
              <FigureCells row={row} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function StatsBySenderTable({ rows }: { rows: CampaignStatsResponse['bySender'] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table" data-testid="stats-by-sender">
      <thead>
        <tr>
          <th scope="col">{t('campaignStats.sender')}</th>
          <FigureHeaders />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.sender.id} data-testid="stats-sender-row" data-sender-id={row.sender.id}>
            <td>{row.sender.name}</td>
            <FigureCells row={row} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
