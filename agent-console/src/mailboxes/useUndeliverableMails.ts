import { listUndeliverableMails } from '../api/undeliverableMailEndpoints';
import { useInterval } from '../data/useInterval';
import { useReloadableData } from '../data/useReloadableData';
import { useRealtime } from '../realtime/realtimeContext';

const REFRESH_MS = 60_000;

/** Bounces that report no message of ours; re-read on reconnect and every minute (a bounce sends no event). */
export function useUndeliverableMails() {
  const { connectionGeneration } = useRealtime();
  const mails = useReloadableData(listUndeliverableMails, connectionGeneration);
  useInterval(mails.reload, REFRESH_MS);
  return mails;
}
