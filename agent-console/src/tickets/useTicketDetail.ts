import { useQuery } from '@tanstack/react-query';
import { getTicket } from '../api/ticketEndpoints';
import { queryKeys } from '../data/queryKeys';

/** One ticket with its thread and audit; socket events about it or its customer invalidate it. */
export function useTicketDetail(ticketId: string) {
  return useQuery({ queryKey: queryKeys.ticket(ticketId), queryFn: () => getTicket(ticketId) });
}
