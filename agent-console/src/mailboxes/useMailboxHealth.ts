import { getMailboxHealth } from '../api/mailboxEndpoints';
import { useInterval } from '../data/useInterval';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';
import { useRealtimeEvent } from '../realtime/useRealtimeEvent';

const REFRESH_MS = 30_000;

/** Mail health, re-read on every `mailbox.changed` and every 30 s. */
export function useMailboxHealth() {
  const { connectionGeneration } = useRealtime();
  const health = useReloadableData(getMailboxHealth, connectionGeneration);
  useRealtimeEvent('mailbox.changed', health.reload);
  useInterval(health.reload, REFRESH_MS);
  return health;
}
