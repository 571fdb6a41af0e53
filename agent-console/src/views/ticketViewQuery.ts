import type { Channel, TicketPriority, TicketStatus } from '../../../server/http/apiTypes';
import type { TicketViewName } from '../../../server/http/ticketViewApiTypes';

/** What a ticket view shows: the view itself, its filters and the search words, as the page holds them. */
export interface TicketViewFilters {
  view: TicketViewName;
  status: TicketStatus[];
  channel: Channel[];
  priority: TicketPriority[];
  queueId: string;
  assigneeId: string;
  tag: string;
  createdFrom: string;
  createdTo: string;
  q: string;
}

export const NO_FILTERS: Omit<TicketViewFilters, 'view'> = {
  status: [],
  channel: [],
  priority: [],
  queueId: '',
  assigneeId: '',
  tag: '',
  createdFrom: '',
  createdTo: '',
  q: '',
};

/**
 * The query string of GET /api/tickets for these filters and page: empty filters are left out (the server then
 * applies the view's own), lists are comma-separated.
 */
export function ticketViewSearch(filters: TicketViewFilters, cursor?: string | null, limit = 25): string {
  const params = new URLSearchParams({ view: filters.view });
  for (const key of ['status', 'channel', 'priority'] as const) {
    if (filters[key].length) params.set(key, filters[key].join(','));
  }
  for (const key of ['queueId', 'assigneeId', 'tag', 'createdFrom', 'createdTo', 'q'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** Whether any filter beyond the view is set (the page then offers to clear them). */
export const hasFilters = (filters: TicketViewFilters) =>
  Object.entries(NO_FILTERS).some(([key, empty]) => {
    const value = filters[key as keyof typeof NO_FILTERS];
    return Array.isArray(value) ? value.length > 0 : value !== empty;
  });
