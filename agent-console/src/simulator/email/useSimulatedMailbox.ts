import { useQuery } from '@tanstack/react-query';
import { getSimulatedMailbox } from '../../api/simulatorEndpoints';
import { queryKeys } from '../../data/queryKeys';

/**
 * One simulated customer's mailbox (`address` normalised); `simulator.changed` for it invalidates it (a mail sent
 * from here or elsewhere, an agent's reply delivered). Nothing while `address` is null.
 */
export function useSimulatedMailbox(address: string | null) {
  const query = useQuery({
    queryKey: queryKeys.simulatedMailbox(address ?? ''),
    queryFn: () => getSimulatedMailbox(address!),
    enabled: address !== null,
  });
  return { mailbox: address ? (query.data ?? null) : null, error: address ? query.error : null, reload: query.refetch };
}
