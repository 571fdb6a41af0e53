import type { CustomerDetailResponse, CustomerView } from '../../../server/http/apiTypes';
import { requestJson } from './request';

export interface CustomerChanges {
  name?: string | null;
  company?: string | null;
  notes?: string;
  tags?: string[];
}

export type IdentityKind = 'phone' | 'email';

const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

/** Without `limit` the server answers its default (20); it allows up to 100. */
export const searchCustomers = (q: string, limit?: number) =>
  requestJson<{ customers: CustomerView[] }>(
    `/api/customers?${new URLSearchParams(limit ? { q, limit: String(limit) } : { q })}`,
  );

/** A merged-away id answers 404 with code `merged`; the message names the surviving customer. */
export const getCustomer = (id: string) => requestJson<CustomerDetailResponse>(customerPath(id));

export const updateCustomer = (id: string, changes: CustomerChanges) =>
  requestJson<{ customer: CustomerView }>(customerPath(id), { method: 'PATCH', body: changes });

/** 409 `identity_taken` when another customer holds it; the message names that customer. */
export const addIdentity = (id: string, kind: IdentityKind, value: string) =>
  requestJson<{ customer: CustomerView }>(`${customerPath(id)}/identities`, { method: 'POST', body: { kind, value } });

export const removeIdentity = (id: string, identityId: string) =>
  requestJson<{ customer: CustomerView }>(`${customerPath(id)}/identities/${encodeURIComponent(identityId)}`, {
    method: 'DELETE',
  });

/** Folds `sourceCustomerId` into `id`; answers with the surviving customer. */
export const mergeCustomer = (id: string, sourceCustomerId: string) =>
  requestJson<{ customer: CustomerView }>(`${customerPath(id)}/merge`, { method: 'POST', body: { sourceCustomerId } });
