import { UnrecoverableError } from 'bullmq';
import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { setSmsOptOut } from '../sms/smsOptOut';
import { publishTicketChanged } from '../tickets/ticketEvents';
import type { OutboundMessage } from '../../channels/outbound';
import { senderFor } from './channelSenders';
import { classifySendFailure } from './sendFailure';

export type SendMessageData = { messageId: string };

// How long to wait for a status callback before asking the provider whether an unconfirmed send went out.
const CONFIRM_AFTER_MS = 60_000;

/** Queues the send of a stored outbound message; the job id is the message's, so it is never queued twice. */
export async function queueSend(ctx: Pick<AppContext, 'queues'>, messageId: string) {
  await ctx.queues.messaging.add('send-message', { messageId }, { jobId: `send-${messageId}` });
}

/**
 * Sends a `queued` message through its channel. A rerun on a message that is no longer queued does nothing,
 * so retries never send twice. Transient failures retry with backoff; permanent ones mark the message failed.
 */
export const sendMessageTask: Task<SendMessageData> = {
  queue: 'messaging',
  name: 'send-message',
  async perform(ctx, { messageId }, { lastAttempt }) {
    const [message] = await ctx.sql<(OutboundMessage & { ticketId: string })[]>`
      update messages set status = 'sending', updated_at = now()
      where id = ${messageId} and status = 'queued' and direction = 'outbound'
      returning id, ticket_id, channel, to_address as to, from_address as from, subject, body_text as text`;
    if (!message) return { skipped: true };
    try {
      const sent = await senderFor(ctx.channelSenders, message.channel).send(message);
      await ctx.sql`
        update messages set status = 'sent', provider_id = ${sent.providerId}, updated_at = now(), error_code = null, error_message = null,
          metadata = metadata || ${ctx.sql.json({ transport: sent.transport })}
        where id = ${messageId}`;
    } catch (err) {
      const failure = classifySendFailure(err, lastAttempt);
      if (failure.outcome === 'unconfirmed') {
        // The provider may have taken it: sending again could send twice. Keep it `sending`; its status callback
        // (which carries our message id) or the check below settles it.
        await ctx.sql`update messages set error_code = ${failure.code}, error_message = ${failure.message}, updated_at = now() where id = ${messageId}`;
        await ctx.queues.messaging.add('confirm-send', { messageId }, { jobId: `confirm-send-${messageId}`, delay: CONFIRM_AFTER_MS });
        return { unconfirmed: true };
      }
      await ctx.sql`
        update messages set status = ${failure.outcome === 'failed' ? 'failed' : 'queued'}, updated_at = now(),
          error_code = ${failure.code}, error_message = ${failure.message}
        where id = ${messageId}`;
      if (failure.recipientOptedOut && message.channel === 'sms' && message.to) await setSmsOptOut(ctx.sql, message.to, true);
      await publishTicketChanged(ctx, message.ticketId);
      if (failure.outcome === 'failed') throw new UnrecoverableError(failure.message);
      throw err;
    }
    await publishTicketChanged(ctx, message.ticketId);
    return { sent: true };
  },
};

/**
 * A send whose outcome is unknown (the connection dropped after the request went out) and that no status
 * callback has settled: ask the provider whether it has the message. If it does, adopt its id; if not,
 * nothing went out and it is queued again.
 */
export const confirmSendTask: Task<SendMessageData> = {
  queue: 'messaging',
  name: 'confirm-send',
  async perform(ctx, { messageId }) {
    const [message] = await ctx.sql<(OutboundMessage & { ticketId: string; updatedAt: Date })[]>`
      select id, ticket_id, channel, to_address as to, from_address as from, subject, body_text as text, updated_at
      from messages where id = ${messageId} and status = 'sending' and provider_id is null`;
    if (!message) return { settled: true };
    const sender = senderFor(ctx.channelSenders, message.channel);
    const since = new Date(message.updatedAt.getTime() - 10 * 60_000);
    const providerId = sender.findSent ? await sender.findSent(message, since) : null;
    if (providerId) {
      await ctx.sql`update messages set status = 'sent', provider_id = ${providerId}, error_code = null, error_message = null, updated_at = now() where id = ${messageId} and status = 'sending'`;
    } else {
      await ctx.sql`update messages set status = 'queued', updated_at = now() where id = ${messageId} and status = 'sending'`;
      await ctx.queues.messaging.add('send-message', { messageId }, { jobId: `send-${messageId}-again-${Date.now()}` });
    }
    await publishTicketChanged(ctx, message.ticketId);
    return { adopted: providerId !== null };
  },
};
