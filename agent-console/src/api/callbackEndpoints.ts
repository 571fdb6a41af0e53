import type { CallbackStatus, CallbackView, CallView } from '../../../server/http/voiceApiTypes';
import { requestJson } from './request';

export type { CallbackStatus, CallbackView };

export interface NewCallback {
  customerId: string;
  phoneNumber: string;
  queueId: string;
  /** ISO instant with an offset. */
  dueAt: string;
  note: string;
}

/** At most 200, by status and/or customer: open ones soonest due first, then finished ones latest first. */
export function listCallbacks(filter: { status?: CallbackStatus; customerId?: string } = {}) {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.customerId) query.set('customerId', filter.customerId);
  const search = query.toString();
  return requestJson<{ callbacks: CallbackView[] }>(`/api/callbacks${search ? `?${search}` : ''}`);
}

/** 201 with the callback and its new ticket; 400 with `fields` (phoneNumber, queueId, dueAt) when the input is wrong. */
export const scheduleCallback = (callback: NewCallback) =>
  requestJson<{ ticketId: string; callback: CallbackView }>('/api/callbacks', { method: 'POST', body: callback });

/** 409 once the callback is being dialled or is over. */
export const cancelCallback = (id: string) =>
  requestJson<void>(`/api/callbacks/${encodeURIComponent(id)}/cancel`, { method: 'POST' });

/** Click-to-dial: the agent's phone or browser rings first, then the customer; logged on `ticketId` or a new ticket. */
export const placeCall = (input: { customerId: string; phoneNumber: string; ticketId?: string }) =>
  requestJson<{ ticketId: string; call: CallView }>('/api/calls', { method: 'POST', body: input });
