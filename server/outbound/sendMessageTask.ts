import { UnrecoverableError } from 'bullmq';
import type { SendResult } from '../../channels/outbound';
import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { setSmsOptOut } from '../sms/smsOptOut';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { senderFor } from './channelSenders';
import { claimForSending, noteUnconfirmed, recordDelivery, returnToQueue } from './outboundMessages';
import { classifySendFailure } from './sendFailure';

export type SendMessageData = { messageId: string };

/** One job per send of a message: the first is `send-<id>`, each later round (a resend, a retry) gets its own. */
export const sendJobId = (messageId: string, round: number) =>
  round === 0 ? `send-${messageId}` : `send-${messageId}-${round}`;

/** Queues the send of a stored outbound message; the job id names the message and round, so it is never queued twice. */
export async function queueSend(ctx: Pick<AppContext, 'queues'>, messageId: string, round = 0) {
  await ctx.queues.messaging.add('send-message', { messageId }, { jobId: sendJobId(messageId, round) });
}

/**
 * Sends a `queued` message through its channel. A rerun on a message that is no longer queued does nothing,
 * so retries never send twice. Transient failures retry with backoff; permanent ones mark the message failed.
 * A send whose outcome is unknown stays `sending`: the outbound reconciler settles it, as it does the sends of
 * a process that died mid-way.
 */
export const sendMessageTask: Task<SendMessageData> = {
  queue: 'messaging',
  name: 'send-message',
  async perform(ctx, { messageId }, { lastAttempt }) {
    const message = await claimForSending(ctx.sql, messageId);
    if (!message) return { skipped: true };
    await publishTicketChanged(ctx, message.ticketId);
    let sent: SendResult;
    try {
      sent = await senderFor(ctx.channelSenders, message.channel).send(message);
    } catch (err) {
      const failure = classifySendFailure(err, lastAttempt);
      if (failure.outcome === 'unconfirmed') {
        // The provider may have taken it: sending again could send twice.
        await noteUnconfirmed(ctx.sql, messageId, failure);
        await publishTicketChanged(ctx, message.ticketId);
        return { unconfirmed: true };
      }
      if (failure.outcome === 'retry') {
        await returnToQueue(ctx.sql, messageId, failure);
        await publishTicketChanged(ctx, message.ticketId);
        throw err;
      }
      await recordDelivery(
        ctx,
        { messageId },
        { status: 'failed', errorCode: failure.code, errorMessage: failure.message, via: 'send' },
      );
      if (failure.recipientOptedOut && message.channel === 'sms' && message.to)
        await setSmsOptOut(ctx.sql, message.to, true);
      throw new UnrecoverableError(failure.message);
    }
    // Forward only: the provider's `delivered` callback may already have come, and it stays.
    await recordDelivery(
      ctx,
      { messageId },
      { status: 'sent', providerId: sent.providerId, transport: sent.transport, via: 'send' },
    );
    return { sent: true };
  },
};
