import type { SessionUser } from '../auth/sessions';
import { requireVisibleTicket } from '../auth/ticketAccess';
import type { AppContext } from '../context';
import { HttpError, notFound } from '../http/httpError';
import { findMessageView } from '../messages/messageQueries';
import { refuseOptedOutNumber } from '../sms/smsOptOut';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { isUndelivered } from './deliveryStatus';
import { requeueForRetry } from './outboundMessages';
import { queueSend } from './sendMessageTask';

/**
 * An agent sends a failed or undelivered reply again, on a ticket they may reply on. It is queued as a new
 * round: an email keeps its Message-ID (a copy that did arrive and this one are one mail to the customer), an
 * SMS is a new text. The history records who asked.
 */
export async function retrySend(
  ctx: AppContext,
  viewer: Pick<SessionUser, 'userId' | 'role'>,
  ticketId: string,
  messageId: string,
) {
  await requireVisibleTicket(ctx.sql, viewer, ticketId);
  const round = await ctx.sql.begin(async (tx) => {
    const [message] = await tx<{ channel: string; status: string; toAddress: string | null }[]>`
      select channel, status, to_address from messages
      where id = ${messageId} and ticket_id = ${ticketId} and direction = 'outbound' for update`;
    if (!message) throw notFound('Message');
    if (!isUndelivered(message.status)) {
      throw new HttpError(
        409,
        'not_retryable',
        `Only a failed or undelivered message can be sent again; this one is ${message.status}.`,
      );
    }
    if (message.channel === 'sms' && message.toAddress) await refuseOptedOutNumber(tx, message.toAddress);
    return requeueForRetry(tx, messageId, viewer.userId);
  });
  await queueSend(ctx, messageId, round!);
  await publishTicketChanged(ctx, ticketId);
  return findMessageView(ctx.sql, messageId);
}
