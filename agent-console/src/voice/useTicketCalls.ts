import { useQuery } from '@tanstack/react-query';
import { getTicketCalls } from '../api/voiceEndpoints';
import { queryKeys } from '../data/queryKeys';

/** A ticket's calls and callbacks; invalidated with the ticket and whenever one of its calls changes. */
export function useTicketCalls(ticketId: string) {
  return useQuery({ queryKey: queryKeys.ticketCalls(ticketId), queryFn: () => getTicketCalls(ticketId) });
}
