import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../data/LoadStatus';
import { useCampaignStats } from './campaignQueries';
import { CampaignTabs } from './CampaignTabs';
import { StatsChart } from './StatsChart';
import { StatsFilters, type StatsFilter } from './StatsFilters';
import { defaultStatsRange, fillPeriods, periodStarts } from './statsPeriod';
import { StatsByPeriodTable, StatsBySenderTable } from './StatsTables';

/** Mass SMS statistics: texts sent, delivered, failed and skipped per period and per sender, for a range of days. */
export function CampaignStatsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<StatsFilter>(() => ({ period: 'day', ...defaultStatsRange() }));
  const valid = filter.from !== '' && filter.to !== '' && filter.from <= filter.to;
  const stats = useCampaignStats(valid ? filter : null);
  const { data } = stats;

  return (
    <section className="page page--wide" data-testid="campaign-stats" data-period={filter.period}>
      <CampaignTabs current="stats" />
      <h2 className="visually-hidden">{t('campaignStats.heading')}</h2>
      <StatsFilters filter={filter} onChange={setFilter} />
      {!valid && (
        <p role="alert" className="notice notice--error">
          {t('campaignStats.invalidRange')}
        </p>
      )}
      {valid && <LoadStatus data={data} error={stats.error} />}
      {data && data.byPeriod.length === 0 && (
        <p className="muted" data-testid="stats-empty">
          {t('campaignStats.empty')}
        </p>
      )}
      {data && data.byPeriod.length > 0 && (
        <>
          <StatsChart
            rows={fillPeriods(data.byPeriod, periodStarts(filter.period, filter.from, filter.to))}
            period={filter.period}
          />
          <h3>{t('campaignStats.byPeriod')}</h3>
          <StatsByPeriodTable rows={data.byPeriod} period={filter.period} />
          <h3>{t('campaignStats.bySender')}</h3>
          <StatsBySenderTable rows={data.bySender} />
        </>
      )}
    </section>
  );
}
