import { listFailedMails } from '../api/mailboxEndpoints';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

/** The mails no mailbox could store; re-read on `mailbox.changed` (a mail set aside, retried or dismissed). */
export function useFailedMails() {
  const { connectionGeneration } = useRealtime();
  const failed = useReloadableData(listFailedMails, connectionGeneration);
  useRealtimeEvent('mailbox.changed', failed.reload);
  return failed;
}
