import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../data/queryKeys';
import { getTicketView } from './ticketViewEndpoints';
import type { TicketViewFilters } from './ticketViewQuery';

/** Every ticket view query starts with this: a ticket event re-reads all of them. */
export const TICKET_VIEWS_KEY = queryKeys.ticketViews;

/**
 * One ticket view, page by page (load more follows nextCursor). Any `ticket.changed` event may move a ticket into
 * or out of a view, and the event does not say which views hold it, so every view on screen re-reads: the
 * invalidation rules (realtime/invalidationRules.ts) mark them stale once per burst.
 */
export function useTicketView(filters: TicketViewFilters) {
  return useInfiniteQuery({
    queryKey: [...TICKET_VIEWS_KEY, filters],
    queryFn: ({ pageParam }) => getTicketView(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
