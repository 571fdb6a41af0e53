import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createMailbox,
  dismissFailedMail,
  getMailboxHealth,
  listFailedMails,
  listMailboxes,
  retryFailedMail,
  updateMailbox,
  type MailboxInput,
} from '../api/mailboxEndpoints';
import { listUndeliverableMails } from '../api/undeliverableMailEndpoints';
import { queryKeys } from '../data/queryKeys';

// `mailbox.changed` invalidates every query here (their keys share the `mailboxes` prefix).

/** Every mailbox's settings and state. */
export const useMailboxList = () => useQuery({ queryKey: queryKeys.mailboxSettings, queryFn: listMailboxes });

// A mailbox that is merely slow sends no event: its health is re-read now and then as well.
const HEALTH_REFRESH_MS = 30_000;

/** Mail health for the supervisor monitor. */
export const useMailboxHealth = () =>
  useQuery({ queryKey: queryKeys.mailboxHealth, queryFn: getMailboxHealth, refetchInterval: HEALTH_REFRESH_MS });

/** The mails no mailbox could store. */
export const useFailedMails = () => useQuery({ queryKey: queryKeys.failedMails, queryFn: listFailedMails });

// A bounce that matches none of our messages sends no event.
const UNDELIVERABLE_REFRESH_MS = 60_000;

/** Bounces that report no message of ours. */
export const useUndeliverableMails = () =>
  useQuery({
    queryKey: queryKeys.undeliverableMails,
    queryFn: listUndeliverableMails,
    refetchInterval: UNDELIVERABLE_REFRESH_MS,
  });

/** Adds a mailbox (no id) or changes one. */
export function useSaveMailbox(mailboxId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MailboxInput) => (mailboxId ? updateMailbox(mailboxId, input) : createMailbox(input)),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.mailboxes }),
  });
}

/**
 * Retries storing a failed mail, or dismisses it. Either way the list is read again: a retry that worked or a
 * dismissal takes the row away, a retry that failed again changed its error and attempts.
 */
export function useFailedMailAction(mailId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'retry' | 'dismiss') => {
      await (action === 'retry' ? retryFailedMail(mailId) : dismissFailedMail(mailId));
    },
    onSuccess: () =>
      client.setQueryData<Awaited<ReturnType<typeof listFailedMails>>>(queryKeys.failedMails, (data) =>
        data ? { failedMails: data.failedMails.filter((mail) => mail.id !== mailId) } : data,
      ),
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.mailboxes }),
  });
}
