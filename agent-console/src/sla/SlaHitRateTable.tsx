import { useTranslation } from 'react-i18next';
import type { HitRateLine } from './hitRateRows';

/** Met, breached and hit rate per bucket. */
export function SlaHitRateTable({ lines, groupLabel }: { lines: HitRateLine[]; groupLabel: string }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="sla-hit-rate-table">
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col" className="numeric">
              {t('sla.report.met')}
            </th>
            <th scope="col" className="numeric">
              {t('sla.report.breached')}
            </th>
            <th scope="col" className="numeric">
              {t('sla.report.hitRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} data-testid="sla-hit-rate-row" data-key={line.key}>
              <th scope="row">{line.label}</th>
              <td className="numeric">{line.met}</td>
              <td className="numeric">{line.breached}</td>
              <td className="numeric">{line.percent === null ? '—' : `${percent.format(line.percent)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
