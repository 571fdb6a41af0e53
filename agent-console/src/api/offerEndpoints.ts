import type { ScreenPop, TicketSummary } from '../../../server/http/apiTypes';
import { requestJson } from './request';

const offerPath = (id: string) => `/api/offers/${encodeURIComponent(id)}`;

/** Offers still pending for me: read at load and on every reconnect so a refreshed console shows the pop again. */
export const getMyOffers = () => requestJson<{ offers: ScreenPop[] }>('/api/offers/mine');

/** 409 `offer_gone` when it expired or was withdrawn meanwhile. */
export const acceptOffer = (id: string) =>
  requestJson<{ ticket: TicketSummary }>(`${offerPath(id)}/accept`, { method: 'POST' });

export const rejectOffer = (id: string) => requestJson<void>(`${offerPath(id)}/reject`, { method: 'POST' });
