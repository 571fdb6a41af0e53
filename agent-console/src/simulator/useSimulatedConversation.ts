import { useQuery } from '@tanstack/react-query';
import { getSimulatedConversation } from '../api/simulatorEndpoints';
import { queryKeys } from '../data/queryKeys';

/**
 * One simulated phone's texts, as typed (`phone`); `simulator.changed` for that number invalidates them (a reply
 * queued, its delivery status moving on). Nothing while `phone` is null.
 */
export function useSimulatedConversation(phone: string | null) {
  const query = useQuery({
    queryKey: queryKeys.simulatedConversation(phone ?? ''),
    queryFn: () => getSimulatedConversation(phone!),
    enabled: phone !== null,
  });
  return {
    conversation: phone ? (query.data ?? null) : null,
    error: phone ? query.error : null,
    reload: query.refetch,
  };
}
