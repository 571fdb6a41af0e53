import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { SimulatedCallView } from '../../../../server/http/voiceApiTypes';
import { ApiRequestError } from '../../api/ApiRequestError';
import { getSimulatedCall } from '../../api/voiceEndpoints';
import { queryKeys } from '../../data/queryKeys';

const STORAGE_KEY = 'switchboard.simulator.voiceCall';

function storedSid(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The simulated call this tab placed last; kept for the browser tab's life, so switching simulator tabs or reloading keeps it. */
export function usePlacedCallSid(): [string | null, (sid: string | null) => void] {
  const [sid, setSid] = useState(storedSid);
  const set = useCallback((next: string | null) => {
    try {
      if (next) window.sessionStorage.setItem(STORAGE_KEY, next);
      else window.sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Private mode: the call is then kept as long as the page.
    }
    setSid(next);
  }, []);
  return [sid, set];
}

/** One simulated call as its caller experiences it; `voice.simulator.changed` about it (or its number) invalidates it. */
export function useSimulatedCall(sid: string | null) {
  const client = useQueryClient();
  const { data, error } = useQuery({
    queryKey: queryKeys.simulatedCall(sid ?? ''),
    queryFn: async () => (await getSimulatedCall(sid!)).call,
    enabled: sid !== null,
  });
  const call = sid && data ? data : null;

  // An action's answer is the call as it is now.
  const apply = useCallback(
    (fresh: SimulatedCallView) => client.setQueryData(queryKeys.simulatedCall(fresh.sid), fresh),
    [client],
  );
  // A call the simulator no longer knows (the server restarted since) is simply over.
  const gone = error instanceof ApiRequestError && error.status === 404;
  return { call, error: sid && !gone ? error : null, gone, apply };
}
