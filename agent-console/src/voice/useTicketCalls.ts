import { useCallback } from 'react';
import { getTicketCalls } from '../api/voiceEndpoints';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

/** A ticket's calls and callbacks, re-read on reconnect and whenever the ticket or one of its calls changes. */
export function useTicketCalls(ticketId: string) {
  const { connectionGeneration } = useRealtime();
  const load = useCallback(() => getTicketCalls(ticketId), [ticketId]);
  const { data, error, reload } = useReloadableData(load, connectionGeneration);
  useRealtimeEvent('ticket.changed', (event) => {
    if (event.ticketId === ticketId) reload();
  });
  useRealtimeEvent('call.changed', (call) => {
    if (call.ticketId === ticketId) reload();
  });
  return { data, error };
}
