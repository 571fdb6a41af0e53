import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CustomerDetailResponse, CustomerView } from '../../../server/http/apiTypes';
import {
  addIdentity,
  getCustomer,
  mergeCustomer,
  removeIdentity,
  searchCustomers,
  updateCustomer,
  type CustomerChanges,
  type IdentityKind,
} from '../api/customerEndpoints';
import { queryKeys } from '../data/queryKeys';

/** One customer with tickets, interactions and audit; `customer.changed` invalidates it. */
export function useCustomerDetail(customerId: string | null) {
  return useQuery({
    queryKey: queryKeys.customer(customerId ?? ''),
    queryFn: () => getCustomer(customerId!),
    enabled: customerId !== null,
  });
}

/**
 * Customers matching `q` (an empty query lists the most recently updated); the previous answer stays on screen
 * while the next is read, so the list does not blink at every key. `enabled: false` reads nothing.
 */
export function useCustomerSearch(q: string, { limit, enabled = true }: { limit?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.customerSearch(q, limit),
    queryFn: () => searchCustomers(q, limit),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * After a change to a customer: their profile shows the server's answer at once; their page (tickets and
 * interactions may have moved), searches and tickets that name them are read again.
 */
export function settleCustomer(client: QueryClient, customer: CustomerView) {
  client.setQueryData<CustomerDetailResponse>(queryKeys.customer(customer.id), (detail) =>
    detail ? { ...detail, customer } : detail,
  );
  void client.invalidateQueries({ queryKey: queryKeys.customer(customer.id) });
  void client.invalidateQueries({ queryKey: queryKeys.customerSearches });
}

export function useUpdateCustomer(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: CustomerChanges) => updateCustomer(customerId, changes),
    onSuccess: ({ customer }) => settleCustomer(client, customer),
  });
}

export type IdentityChange = { add: { kind: IdentityKind; value: string } } | { removeId: string };

/** Adds or removes a phone number or email address. */
export function useIdentityChange(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: IdentityChange) =>
      'add' in change
        ? addIdentity(customerId, change.add.kind, change.add.value)
        : removeIdentity(customerId, change.removeId),
    onSuccess: ({ customer }) => settleCustomer(client, customer),
  });
}

/** Folds `source` into `target`; the source's page then answers "merged". */
export function useMergeCustomer(targetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sourceId: string) => mergeCustomer(targetId, sourceId),
    onSuccess: ({ customer }, sourceId) => {
      settleCustomer(client, customer);
      void client.invalidateQueries({ queryKey: queryKeys.customer(sourceId) });
    },
  });
}
