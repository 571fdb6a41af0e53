import { UnrecoverableError } from 'bullmq';
import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { SendError, senderFor, type OutboundMessage } from './channelSenders';

export type SendMessageData = { messageId: string };

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
        update messages set status = 'sent', provider_id = ${sent.providerId}, updated_at = now(),
          metadata = metadata || ${ctx.sql.json({ transport: sent.transport })}
        where id = ${messageId}`;
    } catch (err) {
      const permanent = (err instanceof SendError && !err.retryable) || lastAttempt;
      await ctx.sql`
        update messages set status = ${permanent ? 'failed' : 'queued'}, updated_at = now(),
          error_code = ${err instanceof SendError ? err.code : 'send_error'}, error_message = ${(err as Error).message}
        where id = ${messageId}`;
      await publishTicketChanged(ctx, message.ticketId);
      if (permanent) throw new UnrecoverableError((err as Error).message);
      throw err;
    }
    await publishTicketChanged(ctx, message.ticketId);
    return { sent: true };
  },
};
