import { useEffect, useState } from 'react';
import { getCustomer } from '../api/customerEndpoints';

/** The customer's name for the call bar, read once per customer; null while unknown or unnamed. */
export function useCustomerName(customerId: string | null): string | null {
  const [known, setKnown] = useState<{ id: string; name: string | null } | null>(null);
  useEffect(() => {
    if (!customerId) return;
    let current = true;
    getCustomer(customerId).then(
      ({ customer }) => current && setKnown({ id: customerId, name: customer.name?.trim() || null }),
      () => undefined, // The number is shown instead.
    );
    return () => {
      current = false;
    };
  }, [customerId]);
  return known && known.id === customerId ? known.name : null;
}
