import { useCallback } from 'react';
import type { SimulatedEmail } from '../../../../server/http/apiTypes';
import { getSimulatedMailbox } from '../../api/simulatorEndpoints';
import { useReloadableData } from '../../data/useReloadableData';
import { useRealtime } from '../../realtime/realtimeContext';
import { useRealtimeEvent } from '../../realtime/useRealtimeEvent';

interface Answer {
  requested: string;
  address: string;
  emails: SimulatedEmail[];
}

/**
 * One simulated customer's mailbox, re-read on reconnect and whenever the server says it changed (a mail sent
 * from here or elsewhere, an agent's reply delivered). Null while nothing is asked or the answer is for an
 * address typed before. `address` must be normalised.
 */
export function useSimulatedMailbox(address: string | null) {
  const { connectionGeneration } = useRealtime();
  const load = useCallback(
    async (): Promise<Answer | null> =>
      address ? { requested: address, ...(await getSimulatedMailbox(address)) } : null,
    [address],
  );
  const { data, error, reload } = useReloadableData(load, connectionGeneration);
  const mailbox = data && data.requested === address ? data : null;

  useRealtimeEvent('simulator.changed', (event) => {
    if (address && event.email === address) reload();
  });

  return { mailbox, error: address ? error : null, reload };
}
