import { useCallback } from 'react';
import type { TicketDetailResponse } from '../../../server/http/apiTypes';
import { getTicket } from '../api/ticketEndpoints';
import { useReloadableData, type ReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

/** One ticket with its thread and audit, re-read on reconnect and whenever the server says it (or its customer) changed. */
export function useTicketDetail(ticketId: string): ReloadableData<TicketDetailResponse> {
  const { connectionGeneration } = useRealtime();
  const load = useCallback(() => getTicket(ticketId), [ticketId]);
  const detail = useReloadableData(load, connectionGeneration);
  const customerId = detail.data?.customer.id;

  useRealtimeEvent('ticket.changed', (event) => {
    if (event.ticketId === ticketId) detail.reload();
  });
  useRealtimeEvent('customer.changed', (event) => {
    if (event.customerId === customerId) detail.reload();
  });

  return detail;
}
