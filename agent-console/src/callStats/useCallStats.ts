import { useQuery } from '@tanstack/react-query';
import { getCallStats, type CallStatsQuery } from '../api/callStatsEndpoints';
import { queryKeys } from '../data/queryKeys';

/**
 * Call figures for a query; `call.changed` invalidates them (calmly: figures need not follow every ring). Only an
 * answer to the current query is shown; a null query (an impossible range) reads nothing.
 */
export function useCallStats(query: CallStatsQuery | null) {
  const stats = useQuery({
    queryKey: query ? queryKeys.callStats(query) : queryKeys.callStatsAll,
    queryFn: () => getCallStats(query!),
    enabled: query !== null,
  });
  return { data: query ? stats.data : undefined, error: query ? stats.error : null };
}
