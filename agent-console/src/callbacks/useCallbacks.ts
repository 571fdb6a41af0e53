import { useCallback } from 'react';
import { listCallbacks, type CallbackStatus, type CallbackView } from '../api/callbackEndpoints';
import { useDelayedCall } from '../data/useDelayedCall';
import { useInterval } from '../data/useInterval';
import { useReloadableData, type ReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

const EVENT_DELAY_MS = 1_000;
// A callback falls due without any event: re-read now and then so "pending" turns into "offered" on screen.
const POLL_MS = 30_000;

/**
 * Callbacks, one request per status (the server answers at most 200 per request, so asking for every status at
 * once could leave some out); or a customer's. Re-read on reconnect, as tickets and calls
 * change, and every half minute.
 */
export function useCallbacks(filter: {
  customerId?: string;
  statuses: readonly CallbackStatus[];
}): ReloadableData<CallbackView[]> {
  const { connectionGeneration } = useRealtime();
  const { customerId } = filter;
  const statuses = filter.statuses.join(',');
  const load = useCallback(async () => {
    if (customerId) return (await listCallbacks({ customerId })).callbacks;
    const lists = await Promise.all(
      statuses.split(',').map((status) => listCallbacks({ status: status as CallbackStatus })),
    );
    return lists.flatMap((list) => list.callbacks);
  }, [customerId, statuses]);
  const callbacks = useReloadableData(load, connectionGeneration);
  const reloadSoon = useDelayedCall(callbacks.reload, EVENT_DELAY_MS);
  useRealtimeEvent('ticket.changed', reloadSoon);
  useRealtimeEvent('call.changed', reloadSoon);
  useInterval(callbacks.reload, POLL_MS);
  return callbacks;
}
