import { useCallback, useState } from 'react';
import type { SimulatedCallView } from '../../../../server/http/voiceApiTypes';
import { ApiRequestError } from '../../api/ApiRequestError';
import { getSimulatedCall } from '../../api/voiceEndpoints';
import { useReloadableData } from '../../data/useReloadableData';
import { useRealtime } from '../../realtime/realtimeContext';
import { useRealtimeEvent } from '../../realtime/useRealtimeEvent';
import { concernsAddress } from '../simulatorEvents';

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

/** One simulated call as its caller experiences it: re-read on reconnect and whenever the simulator says it (or its number) changed. */
export function useSimulatedCall(sid: string | null) {
  const { connectionGeneration } = useRealtime();
  const load = useCallback(async () => (sid ? (await getSimulatedCall(sid)).call : null), [sid]);
  const { data, error, reload, update } = useReloadableData<SimulatedCallView | null>(load, connectionGeneration);
  const call = data && data.sid === sid ? data : null;

  useRealtimeEvent('voice.simulator.changed', (event) => {
    if (sid && (event.callSid === sid || (call !== null && concernsAddress(event, call.from)))) reload();
  });

  const apply = useCallback((fresh: SimulatedCallView) => update(() => fresh), [update]);
  // A call the simulator no longer knows (the server restarted since) is simply over.
  const gone = error instanceof ApiRequestError && error.status === 404;
  return { call, error: sid && !gone ? error : null, gone, apply };
}
