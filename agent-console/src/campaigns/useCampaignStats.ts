import { useCallback } from 'react';
import type { CampaignStatsResponse } from '../../../server/http/apiTypes';
import { getCampaignStats, type StatsQuery } from '../api/campaignEndpoints';
import { useDelayedCall } from '../data/useDelayedCall';
import { useReloadableData } from '../data/useReloadableData';
import type { ServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

// Statistics need not follow every single text; a calm re-read is enough.
const STATS_EVENT_DELAY_MS = 2_000;

const keyOf = (query: StatsQuery | null) => (query ? `${query.period} ${query.from} ${query.to}` : '');

/**
 * Campaign figures by period and by sender for a range, re-read on reconnect and as campaigns progress. Only an
 * answer to the current query is returned, so figures grouped by days never show under a month heading; a null
 * query (an impossible range) reads nothing.
 */
export function useCampaignStats(query: StatsQuery | null): ServerData<CampaignStatsResponse> {
  const { connectionGeneration } = useRealtime();
  const key = keyOf(query);
  const { period, from, to } = query ?? {};
  const load = useCallback(
    async () =>
      period && from && to
        ? { key: keyOf({ period, from, to }), stats: await getCampaignStats({ period, from, to }) }
        : null,
    [period, from, to],
  );
  const { data, error, reload } = useReloadableData(load, connectionGeneration);
  const reloadSoon = useDelayedCall(reload, STATS_EVENT_DELAY_MS);
  useRealtimeEvent('campaign.changed', reloadSoon);
  return { data: data && data.key === key ? data.stats : null, error: query ? error : null };
}
