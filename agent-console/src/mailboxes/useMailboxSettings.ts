import { getQueues } from '../api/directoryEndpoints';
import { listMailboxes } from '../api/mailboxEndpoints';
import { useReloadableData } from '../data/useReloadableData';
import { useServerData } from '../data/useServerData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

/** Every mailbox's settings (re-read on `mailbox.changed`, so states stay current) and the queues mail can enter. */
export function useMailboxSettings() {
  const { connectionGeneration } = useRealtime();
  const mailboxes = useReloadableData(listMailboxes, connectionGeneration);
  const queues = useServerData(getQueues, connectionGeneration);
  useRealtimeEvent('mailbox.changed', mailboxes.reload);
  return { mailboxes, queues: queues.data?.queues ?? [] };
}
