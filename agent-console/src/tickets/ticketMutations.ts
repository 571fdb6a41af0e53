import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MessageView, TicketDetailResponse, TicketSummary } from '../../../server/http/apiTypes';
import {
  addNote,
  sendReply,
  transferTicket,
  updateTicket,
  type ReplyExtras,
  type TicketChanges,
  type TransferTarget,
} from '../api/ticketEndpoints';
import { queryKeys } from '../data/queryKeys';
import { mergeMessages } from './mergeMessages';
import { retryMessage } from './retryMessage';

/**
 * Shows the server's answer at once, then re-reads the ticket (its history gained an entry) and the inbox (it may
 * have left it). The re-read also cancels any read begun before the change, so an older answer never wins.
 */
function settleTicket(
  client: QueryClient,
  ticketId: string,
  change: (detail: TicketDetailResponse) => TicketDetailResponse,
) {
  client.setQueryData<TicketDetailResponse>(queryKeys.ticket(ticketId), (detail) => detail && change(detail));
  void client.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) });
  void client.invalidateQueries({ queryKey: queryKeys.inbox });
}

const withTicket = (ticket: TicketSummary) => (detail: TicketDetailResponse) => ({ ...detail, ticket });
// The answer is the message as it is now (a retried one is queued again), so it replaces the copy we hold.
const withMessage = (message: MessageView) => (detail: TicketDetailResponse) => ({
  ...detail,
  messages: mergeMessages(
    detail.messages.map((known) => (known.id === message.id ? message : known)),
    [message],
  ),
});

/** Status, priority, type or subject. */
export function useUpdateTicket(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: TicketChanges) => updateTicket(ticketId, changes),
    onSuccess: ({ ticket }) => settleTicket(client, ticketId, withTicket(ticket)),
  });
}

export function useTransferTicket(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: TransferTarget) => transferTicket(ticketId, target),
    onSuccess: ({ ticket }) => settleTicket(client, ticketId, withTicket(ticket)),
  });
}

export type MessageKind = 'reply' | 'note';

/** A reply to the customer (through the ticket's channel) or an internal note. */
export function useSendMessage(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, text, extras }: { kind: MessageKind; text: string; extras?: ReplyExtras }) =>
      kind === 'reply' ? sendReply(ticketId, text, extras) : addNote(ticketId, text),
    onSuccess: ({ message }) => settleTicket(client, ticketId, withMessage(message)),
  });
}

/** Sends a failed or undelivered message again: queued anew. */
export function useRetryMessage(message: MessageView) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => retryMessage(message.ticketId, message.id),
    onSuccess: ({ message: queued }) => settleTicket(client, message.ticketId, withMessage(queued)),
  });
}
