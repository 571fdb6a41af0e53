import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallStatsQuery } from '../api/callStatsEndpoints';
import { defaultStatsRange } from '../campaigns/statsPeriod';
import { useAgents } from '../data/directoryQueries';
import { LoadStatus } from '../data/LoadStatus';
import { agentChoices } from './callStatsFormat';
import { CallStatsFilters } from './CallStatsFilters';
import { CallStatsTable } from './CallStatsTable';
import { useCallStats } from './useCallStats';

/** Supervisors and admins: calls by period and agent — inbound, outbound, answered, abandoned, talk time. */
export function CallStatsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<CallStatsQuery>(() => ({ groupBy: 'day', ...defaultStatsRange() }));
  const valid = filter.from !== '' && filter.to !== '' && filter.from <= filter.to;
  const stats = useCallStats(valid ? filter : null);
  const agents = useAgents();
  const { data } = stats;

  return (
    <section className="page page--wide" data-testid="call-stats" data-group-by={filter.groupBy}>
      <header className="page__header">
        <h1>{t('callStats.title')}</h1>
        <p className="muted">{t('callStats.intro')}</p>
      </header>
      <CallStatsFilters
        filter={filter}
        onChange={setFilter}
        agents={agentChoices(agents.data?.agents ?? [], data?.rows ?? [])}
      />
      {!valid && (
        <p role="alert" className="notice notice--error">
          {t('campaignStats.invalidRange')}
        </p>
      )}
      {valid && <LoadStatus data={data} error={stats.error} />}
      {data && data.rows.length === 0 && (
        <p className="muted" data-testid="call-stats-empty">
          {t('callStats.empty')}
        </p>
      )}
      {data && data.rows.length > 0 && <CallStatsTable stats={data} />}
    </section>
  );
}
