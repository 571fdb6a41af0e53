import { useCallback } from 'react';
import type { CallStatsResponse } from '../../../server/http/voiceApiTypes';
import { getCallStats, type CallStatsQuery } from '../api/callStatsEndpoints';
import { useDelayedCall } from '../data/useDelayedCall';
import { useReloadableData } from '../data/useReloadableData';
import type { ServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

// Figures need not follow every ring; a calm re-read after calls change is enough.
const STATS_EVENT_DELAY_MS = 3_000;

const keyOf = (q: CallStatsQuery | null) => (q ? [q.groupBy, q.from, q.to, q.agentId ?? ''].join(' ') : '');

/** Call figures for a query, re-read on reconnect and as calls change; only an answer to the current query is shown. A null query reads nothing. */
export function useCallStats(query: CallStatsQuery | null): ServerData<CallStatsResponse> {
  const { connectionGeneration } = useRealtime();
  const key = keyOf(query);
  const load = useCallback(async () => {
    if (!key) return null;
    const [groupBy, from, to, agentId] = key.split(' ');
    return {
      key,
      stats: await getCallStats({
        groupBy: groupBy as CallStatsQuery['groupBy'],
        from,
        to,
        agentId: agentId || undefined,
      }),
    };
  }, [key]);
  const { data, error, reload } = useReloadableData(load, connectionGeneration);
  const reloadSoon = useDelayedCall(reload, STATS_EVENT_DELAY_MS);
  useRealtimeEvent('call.changed', reloadSoon);
  return { data: data && data.key === key ? data.stats : null, error: query ? error : null };
}
