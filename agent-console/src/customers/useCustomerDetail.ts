import { useCallback } from 'react';
import type { CustomerDetailResponse } from '../../../server/http/apiTypes';
import { getCustomer } from '../api/customerEndpoints';
import { useReloadableData, type ReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

/** One customer with tickets, interactions and audit; re-read on reconnect and when the server says they changed. */
export function useCustomerDetail(customerId: string): ReloadableData<CustomerDetailResponse> {
  const { connectionGeneration } = useRealtime();
  const load = useCallback(() => getCustomer(customerId), [customerId]);
  const detail = useReloadableData(load, connectionGeneration);

  useRealtimeEvent('customer.changed', (event) => {
    if (event.customerId === customerId) detail.reload();
  });

  return detail;
}
