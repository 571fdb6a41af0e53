import { useQuery } from '@tanstack/react-query';
import { ApiRequestError } from '../api/ApiRequestError';
import { queryKeys } from '../data/queryKeys';
import { wallApi } from '../wall/wallEndpoints';

/** Who waits where; re-read when the figures, a ticket or a call change (realtime/invalidationRules.ts). */
export const useWaitingContacts = () => useQuery({ queryKey: queryKeys.wallWaiting, queryFn: wallApi.waiting });

const notOffered = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

/**
 * Calls connected to an agent now, with my own monitoring session on each; re-read on call and monitor events. A
 * server without call monitoring answers 404: no retrying that, and the grid offers no monitoring buttons.
 */
export const useLiveCalls = () =>
  useQuery({
    queryKey: queryKeys.wallCalls,
    queryFn: wallApi.calls,
    retry: (failures, error) => !notOffered(error) && failures < 3,
  });
