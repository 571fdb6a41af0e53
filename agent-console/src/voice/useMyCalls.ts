import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallView } from '../../../server/http/voiceApiTypes';
import { getMyCalls } from '../api/voiceEndpoints';
import { queryKeys } from '../data/queryKeys';
import { applyCallChange } from './myCalls';

const loadMyCalls = () => getMyCalls().then(({ calls }) => calls);

/**
 * My live calls and those waiting for my after-call work: read on load and every reconnect, kept live by
 * `call.changed` (realtime/useRealtimeInvalidation.ts puts each changed call into this query).
 */
export function useMyCalls(myId: string) {
  const client = useQueryClient();
  const { data, error } = useQuery({ queryKey: queryKeys.myCalls, queryFn: loadMyCalls });
  /** A call action's answer: the call as it is now. */
  const applyAnswer = (view: CallView) =>
    client.setQueryData<CallView[]>(queryKeys.myCalls, (calls) => calls && applyCallChange(calls, view, myId));
  return { calls: data ?? [], error, applyAnswer };
}
