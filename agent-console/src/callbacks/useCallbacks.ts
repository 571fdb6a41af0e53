import { useQuery } from '@tanstack/react-query';
import { listCallbacks, type CallbackStatus } from '../api/callbackEndpoints';
import { queryKeys } from '../data/queryKeys';

// A callback falls due without any event: re-read now and then so "pending" turns into "offered" on screen.
const POLL_MS = 30_000;

/**
 * Callbacks, one request per status (the server answers at most 200 per request, so asking for every status at
 * once could leave some out); or a customer's. Ticket and call events invalidate them; they are also re-read every
 * half minute.
 */
export function useCallbacks(filter: { customerId?: string; statuses: readonly CallbackStatus[] }) {
  const { customerId, statuses } = filter;
  return useQuery({
    queryKey: queryKeys.callbackList(filter),
    queryFn: async () => {
      if (customerId) return (await listCallbacks({ customerId })).callbacks;
      const lists = await Promise.all(statuses.map((status) => listCallbacks({ status })));
      return lists.flatMap((list) => list.callbacks);
    },
    refetchInterval: POLL_MS,
  });
}
