import type { TicketListResponse } from '../../../server/http/ticketViewApiTypes';
import { requestJson } from '../api/request';
import { ticketViewSearch, type TicketViewFilters } from './ticketViewQuery';

export const getTicketView = (filters: TicketViewFilters, cursor: string | null) =>
  requestJson<TicketListResponse>(`/api/tickets?${ticketViewSearch(filters, cursor)}`);
