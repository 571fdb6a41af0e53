import { useEffect, useRef } from 'react';
import type { RealtimeEventName, RealtimeListener } from './listenerRegistry';
import { useRealtime } from './realtimeContext';

/** Calls the latest `listener` for every `event`, for as long as the component is mounted. */
export function useRealtimeEvent<E extends RealtimeEventName>(event: E, listener: RealtimeListener<E>): void {
  const { subscribe } = useRealtime();
  const latest = useRef(listener);

  useEffect(() => {
    latest.current = listener;
  });

  useEffect(() => subscribe(event, (payload) => latest.current(payload)), [subscribe, event]);
}
