import { parseInboundEmail } from '../../channels/email/parseInboundEmail';
import type { AppContext } from '../context';
import { intakeContact } from '../intake/intakeContact';
import { advanceMessage } from '../outbound/outboundMessages';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { storeAttachment } from './storeAttachments';

export interface MailboxForIntake {
  id: string;
  queueId: string | null;
  maxAttachmentBytes: number;
}

export type ProcessedEmail =
  | { kind: 'contact'; ticketId: string; newTicket: boolean; automated: boolean; sender: string }
  | { kind: 'bounce'; ticketId: string | null };

/**
 * One raw mail from a mailbox: a bounce marks the reply it reports as failed on its ticket (no new ticket);
 * anything else goes to intake with its attachments stored. Idempotent by Message-ID, so a re-fetch is harmless.
 */
export async function processInboundEmail(
  ctx: AppContext,
  mailbox: MailboxForIntake,
  raw: Buffer,
): Promise<ProcessedEmail> {
  const parsed = await parseInboundEmail(raw, { maxAttachmentBytes: mailbox.maxAttachmentBytes });
  if (parsed.bounce)
    return { kind: 'bounce', ticketId: await recordBounce(ctx, parsed.contact.providerId, parsed.bounce) };
  const attachments = await Promise.all(parsed.attachments.map((a) => storeAttachment(ctx.config.DATA_DIR, a)));
  const contact = {
    ...parsed.contact,
    attachments,
    queueId: mailbox.queueId ?? undefined,
    metadata: {
      ...parsed.contact.metadata,
      automated: parsed.automation.automated ? parsed.automation.reason : null,
      rejectedAttachments: parsed.rejectedAttachments,
    },
  };
  const result = await intakeContact(ctx, contact, { mailboxId: mailbox.id });
  return {
    kind: 'contact',
    ticketId: result.ticketId,
    newTicket: result.newTicket && result.created,
    automated: parsed.automation.automated,
    sender: contact.from.value,
  };
}

/**
 * A delivery failure report: the outbound message it names becomes `failed` with the remote server's words, and a
 * note on its ticket says so — once per report (the note is keyed by the report's Message-ID).
 */
async function recordBounce(
  ctx: AppContext,
  reportId: string,
  bounce: {
    originalMessageId: string | null;
    recipient: string | null;
    status: string | null;
    diagnostic: string | null;
  },
) {
  if (!bounce.originalMessageId) return null;
  const ticketId = await ctx.sql.begin(async (tx) => {
    const [original] = await tx<{ id: string; ticketId: string }[]>`
      select id, ticket_id from messages where channel = 'email' and direction = 'outbound' and provider_id = ${bounce.originalMessageId} for update`;
    if (!original) return null;
    const reason = bounce.diagnostic ?? `Delivery failed${bounce.status ? ` (${bounce.status})` : ''}`;
    const [note] = await tx`
      insert into messages (ticket_id, channel, direction, provider_id, status, body_text, metadata)
      values (${original.ticketId}, 'note', 'internal', ${reportId}, 'received',
              ${`Delivery to ${bounce.recipient ?? 'the customer'} failed: ${reason}`}, ${tx.json({ bounce } as never)})
      on conflict (channel, provider_id) do nothing returning id`;
    if (!note) return null;
    // Forward only, like every other report on a send; the history says it bounced and why.
    await advanceMessage(
      tx,
      { messageId: original.id },
      { status: 'failed', errorCode: bounce.status ?? 'bounce', errorMessage: reason, via: 'bounce' },
    );
    return original.ticketId;
  });
  if (ticketId) await publishTicketChanged(ctx, ticketId);
  return ticketId;
}
