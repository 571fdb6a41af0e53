import { useQueues } from '../data/directoryQueries';
import { useMailboxList } from './mailboxQueries';

/** Every mailbox's settings (`mailbox.changed` keeps states current) and the queues mail can enter. */
export function useMailboxSettings() {
  const mailboxes = useMailboxList();
  const queues = useQueues();
  return { mailboxes, queues: queues.data?.queues ?? [] };
}
