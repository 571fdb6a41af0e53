import type { CallView } from '../../../server/http/voiceApiTypes';
import { getMyCalls } from '../api/voiceEndpoints';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { applyCallChange } from './myCalls';

const loadMyCalls = () => getMyCalls().then(({ calls }) => calls);

/** My live calls and those waiting for my after-call work: read on load and every reconnect, kept live by `call.changed`. */
export function useMyCalls(myId: string) {
  const { connectionGeneration } = useRealtime();
  const { data, error, update } = useReloadableData(loadMyCalls, connectionGeneration);
  useRealtimeEvent('call.changed', (view) => update((calls) => applyCallChange(calls, view, myId)));
  const applyAnswer = (view: CallView) => update((calls) => applyCallChange(calls, view, myId));
  return { calls: data ?? [], error, applyAnswer };
}
