import { useCallback } from 'react';
import type { SimulatedSms } from '../../../server/http/apiTypes';
import { getSimulatedConversation } from '../api/simulatorEndpoints';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';
import { compactPhone } from './simPhone';

export interface SimulatedConversation {
  /** The number as the server normalised it. */
  phone: string;
  messages: SimulatedSms[];
}

interface Answer extends SimulatedConversation {
  requested: string;
}

/**
 * One simulated phone's texts, re-read on reconnect and whenever the server says that phone's conversation
 * changed (a reply queued, its delivery status moving on). Null while nothing is asked or the answer is for
 * a number typed before.
 */
export function useSimulatedConversation(phone: string | null) {
  const { connectionGeneration } = useRealtime();
  const load = useCallback(
    async (): Promise<Answer | null> =>
      phone ? { requested: phone, ...(await getSimulatedConversation(phone)) } : null,
    [phone],
  );
  const { data, error, reload } = useReloadableData(load, connectionGeneration);
  const conversation: SimulatedConversation | null = data && data.requested === phone ? data : null;

  useRealtimeEvent('simulator.changed', (event) => {
    if (phone && event.phone && (event.phone === conversation?.phone || event.phone === compactPhone(phone))) reload();
  });

  return { conversation, error: phone ? error : null, reload };
}
