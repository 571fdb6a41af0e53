// "We received your message": an automatic answer to a new email ticket, when its mailbox has them on.
// Never to a machine (auto-replies, lists, bounces, no-reply senders), and at most one an hour per sender
// whichever mailbox they wrote to, so two autoresponders cannot answer each other in a loop. An address mail
// cannot be delivered to (`name@yahoo.com.`) is not sent to; the acknowledgement is stored on the ticket as failed,
// with the reason, so it is accounted for like any failed send.

import { undeliverableReason } from '../../channels/email/deliverableAddress';
import { subjectToken, ticketNumberInSubject } from '../../channels/email/threadingHeaders';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { queueSend } from '../outbound/sendMessageTask';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { domainOf, replyThreading } from './replyThreading';

// Addresses that by convention read nothing: answering them is at best wasted, at worst a mail loop.
const UNATTENDED_LOCAL_PARTS = new Set([
  'mailer-daemon',
  'postmaster',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
]);

interface AckMailbox {
  address: string;
  autoAckEnabled: boolean;
  autoAckSubject: string;
  autoAckBody: string;
}

/**
 * Called by intake after a new email ticket is committed. Returns whether an acknowledgement was queued (one to an
 * undeliverable address is stored as failed instead, and this returns false).
 * `automated`: the caller found the mail to be machine-sent (auto-reply, bulk, list, mailer-daemon).
 */
export async function maybeAutoAcknowledge(
  ctx: AppContext,
  input: { mailboxId: string; ticketId: string; customerEmail: string; automated: boolean },
): Promise<boolean> {
  const sender = input.customerEmail.trim().toLowerCase();
  if (input.automated || isUnattended(sender)) return false;
  const [mailbox] = await ctx.sql<AckMailbox[]>`
    select address, auto_ack_enabled, auto_ack_subject, auto_ack_body from mailboxes where id = ${input.mailboxId}`;
  if (!mailbox?.autoAckEnabled) return false;

  const refusal = undeliverableReason(sender);
  const messageId = await ctx.sql.begin(async (tx) => {
    // One acknowledgement decision per sender at a time: a concurrent call waits here, then sees ours.
    await tx`select pg_advisory_xact_lock(hashtextextended(${`email-auto-ack:${sender}`}, 0))`;
    const [recent] =
      await tx`select 1 from email_auto_acks where sender = ${sender} and sent_at > now() - interval '1 hour'`;
    if (recent) return null;
    const [ticket] = await tx<{ number: string; subject: string; customerName: string | null }[]>`
      select t.number, t.subject, c.name as customer_name from tickets t join customers c on c.id = t.customer_id where t.id = ${input.ticketId}`;
    if (!ticket) return null;
    // Only a send counts toward the hourly limit.
    if (!refusal)
      await tx`insert into email_auto_acks (mailbox_id, sender, ticket_id) values (${input.mailboxId}, ${sender}, ${input.ticketId})`;

    const number = Number(ticket.number);
    const values = {
      ticketNumber: String(number),
      subject: ticket.subject,
      customerName: ticket.customerName?.trim() || sender,
    };
    let subject = fillTemplate(mailbox.autoAckSubject, values).replace(/\s+/g, ' ').trim();
    // The token threads the customer's answer even from a client that drops In-Reply-To; keep it if the template lost it.
    if (ticketNumberInSubject(subject) !== number) subject = `${subject} ${subjectToken(number)}`.trim();
    const { metadata } = await replyThreading(tx, input.ticketId, domainOf(mailbox.address));
    const failure = refusal ? `The address ${sender} cannot receive mail: ${refusal}.` : null;
    const [m] = await tx<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, author_user_id, status, mailbox_id, from_address, to_address, subject, body_text, metadata, error_code, error_message)
      values (${input.ticketId}, 'email', 'outbound', null, ${failure ? 'failed' : 'queued'}, ${input.mailboxId}, ${mailbox.address}, ${sender},
              ${subject}, ${fillTemplate(mailbox.autoAckBody, values)}, ${tx.json({ ...metadata, autoAck: true } as never)},
              ${failure ? UNDELIVERABLE_ADDRESS : null}, ${failure})
      returning id`;
    await writeAudit(tx, {
      actorUserId: null,
      action: 'message.auto_ack_queued',
      entityType: 'ticket',
      entityId: input.ticketId,
      data: { messageId: m.id, mailboxId: input.mailboxId },
    });
    if (failure)
      await writeAudit(tx, {
        actorUserId: null,
        action: 'message.failed',
        entityType: 'ticket',
        entityId: input.ticketId,
        data: { messageId: m.id, status: 'failed', code: UNDELIVERABLE_ADDRESS, reason: failure, via: 'send' },
      });
    return m.id;
  });
  if (!messageId) return false;
  if (!refusal) await queueSend(ctx, messageId);
  await publishTicketChanged(ctx, input.ticketId);
  return !refusal;
}

const UNDELIVERABLE_ADDRESS = 'undeliverable_address';

function isUnattended(address: string) {
  const local = address.slice(0, address.lastIndexOf('@')).split('+')[0];
  return UNATTENDED_LOCAL_PARTS.has(local);
}

/** `{{name}}` → its value; an unknown placeholder is left as written, so a typo shows rather than vanishes. */
function fillTemplate(template: string, values: Record<string, string>) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name] : whole,
  );
}
