import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CallView } from '../../../server/http/voiceApiTypes';
import { queryKeys } from '../data/queryKeys';
import { applyCallChange } from '../voice/myCalls';
import { invalidationsFor } from './invalidationRules';
import { createInvalidationScheduler } from './invalidationScheduler';
import { REALTIME_EVENTS, type RealtimeEventName, type RealtimePayload } from './listenerRegistry';
import { useRealtime } from './realtimeContext';

/**
 * Keeps the query cache true to the server for the whole session: each socket event invalidates the queries it
 * changes (invalidationRules.ts), and every (re)connect invalidates everything, since events may have been missed
 * while the socket was down. Only queries on screen re-read at once; the rest when next shown.
 */
export function useRealtimeInvalidation(userId: string): void {
  const client = useQueryClient();
  const { subscribe, connectionGeneration } = useRealtime();

  useEffect(() => {
    const scheduler = createInvalidationScheduler(client);
    const stops = REALTIME_EVENTS.map((event: RealtimeEventName) =>
      subscribe(event, (payload: RealtimePayload<typeof event>) => {
        for (const invalidation of invalidationsFor(event, payload, client, userId)) scheduler.schedule(invalidation);
      }),
    );
    // The event carries the whole call, and the call bar must follow a ring at once: no re-read needed.
    stops.push(
      subscribe('call.changed', (view) =>
        client.setQueryData<CallView[]>(queryKeys.myCalls, (calls) => calls && applyCallChange(calls, view, userId)),
      ),
    );
    return () => {
      stops.forEach((stop) => stop());
      scheduler.dispose();
    };
  }, [client, subscribe, userId]);

  useEffect(() => {
    if (connectionGeneration > 0) void client.invalidateQueries();
  }, [client, connectionGeneration]);
}
