import { useTranslation } from 'react-i18next';
import type { CallStatsGrouping, CallStatsQuery } from '../api/callStatsEndpoints';

const GROUPINGS: readonly CallStatsGrouping[] = ['day', 'week', 'month'];

interface Props {
  filter: CallStatsQuery;
  onChange: (filter: CallStatsQuery) => void;
  agents: { id: string; name: string }[];
}

/** A range of days, grouped by day, week or month, for everyone or one agent. */
export function CallStatsFilters({ filter, onChange, agents }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stats-filters">
      <label className="form__field">
        <span>{t('callStats.groupBy')}</span>
        <select
          data-testid="call-stats-group"
          value={filter.groupBy}
          onChange={(event) => onChange({ ...filter, groupBy: event.target.value as CallStatsGrouping })}
        >
          {GROUPINGS.map((grouping) => (
            <option key={grouping} value={grouping}>
              {t(`campaignStats.${grouping}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="form__field">
        <span>{t('campaignStats.from')}</span>
        <input
          type="date"
          data-testid="call-stats-from"
          value={filter.from}
          max={filter.to}
          onChange={(event) => onChange({ ...filter, from: event.target.value })}
        />
      </label>
      <label className="form__field">
        <span>{t('campaignStats.to')}</span>
        <input
          type="date"
          data-testid="call-stats-to"
          value={filter.to}
          min={filter.from}
          onChange={(event) => onChange({ ...filter, to: event.target.value })}
        />
      </label>
      <label className="form__field">
        <span>{t('callStats.agent')}</span>
        <select
          data-testid="call-stats-agent"
          value={filter.agentId ?? ''}
          onChange={(event) => onChange({ ...filter, agentId: event.target.value || undefined })}
        >
          <option value="">{t('callStats.allAgents')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
