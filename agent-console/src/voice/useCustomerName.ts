import { useCustomerDetail } from '../customers/customerQueries';

/** The customer's name for the call bar (shared with their page's query); null while unknown or unnamed. */
export function useCustomerName(customerId: string | null): string | null {
  const { data } = useCustomerDetail(customerId);
  return data?.customer.name?.trim() || null;
}
