import { useTranslation } from 'react-i18next';
import type { StatsPeriod } from '../api/campaignEndpoints';

export interface StatsFilter {
  period: StatsPeriod;
  from: string;
  to: string;
}

const PERIODS: StatsPeriod[] = ['day', 'week', 'month'];

/** Group by day, week or month, over a range of days. */
export function StatsFilters({ filter, onChange }: { filter: StatsFilter; onChange: (filter: StatsFilter) => void }) {
  const { t } = useTranslation();
  return (
    <div className="stats-filters">
      <label className="form__field">
        <span>{t('campaignStats.period')}</span>
        <select
          data-testid="stats-period"
          value={filter.period}
          onChange={(event) => onChange({ ...filter, period: event.target.value as StatsPeriod })}
        >
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`campaignStats.${period}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form__field">
        <span>{t('campaignStats.from')}</span>
        <input
          type="date"
          data-testid="stats-from"
          value={filter.from}
          max={filter.to}
          onChange={(event) => onChange({ ...filter, from: event.target.value })}
        />
      </label>
      <label className="form__field">
        <span>{t('campaignStats.to')}</span>
        <input
          type="date"
          data-testid="stats-to"
          value={filter.to}
          min={filter.from}
          onChange={(event) => onChange({ ...filter, to: event.target.value })}
        />
      </label>
    </div>
  );
}
