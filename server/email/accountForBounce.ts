// Every bounce is accounted for (issue 14). A bounce for a message we sent lands on that message's ticket: a
// failure marks the reply failed with the remote server's words, a delay only notes it (the server is still
// trying, the reply may yet arrive), a success report notes it. A bounce that names no message of ours goes on
// the undeliverable mail list for admins. None opens a ticket, and none is dropped.

import type { Bounce } from '../../channels/email/bounce';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { advanceMessage } from '../outbound/outboundMessages';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { keepUndeliverableMail } from './undeliverableMails';

export interface BounceMail {
  mailboxId: string;
  /** The bounce's own provider id (Message-ID, or the hash of its bytes): a note per report, once. */
  reportId: string;
  bounce: Bounce;
  fromAddress: string | null;
  subject: string | null;
  text: string;
  raw: Buffer;
}

/** The ticket the bounce was noted on, or null when it went to the undeliverable list. */
export async function accountForBounce(ctx: AppContext, mail: BounceMail): Promise<string | null> {
  const { bounce } = mail;
  const ticketId = await ctx.sql.begin(async (tx) => {
    const ids = bounce.quotedMessageIds.length
      ? bounce.quotedMessageIds
      : bounce.originalMessageId
        ? [bounce.originalMessageId]
        : [];
    // The returned copy's id comes first; a plain bounce may quote other ids (of the mail we answered) after it.
    const [original] = ids.length
      ? await tx<{ id: string; ticketId: string }[]>`
          select id, ticket_id from messages
          where channel = 'email' and direction = 'outbound' and provider_id = any(${ids})
          order by array_position(${ids}::text[], provider_id) limit 1 for update`
      : [];
    if (!original) {
      await keepUndeliverableMail(tx, {
        mailboxId: mail.mailboxId,
        reportId: mail.reportId,
        bounce,
        fromAddress: mail.fromAddress,
        subject: mail.subject,
        bodyText: mail.text,
        raw: mail.raw,
      });
      return null;
    }
    return (await noteOnTicket(tx, original, mail.reportId, bounce)) ? original.ticketId : null;
  });
  if (ticketId) await publishTicketChanged(ctx, ticketId);
  return ticketId;
}

/** The note (keyed by the report's id, so once per report) and, for a failure or a success, the reply's status. */
async function noteOnTicket(
  tx: TransactionSql,
  original: { id: string; ticketId: string },
  reportId: string,
  bounce: Bounce,
): Promise<boolean> {
  const recipient = bounce.recipient ?? 'the customer';
  const reason =
    bounce.diagnostic ??
    `${bounce.kind === 'delayed' ? 'Delivery delayed' : 'Delivery failed'}${bounce.status ? ` (${bounce.status})` : ''}`;
  const text = {
    failed: `Delivery to ${recipient} failed: ${reason}`,
    delayed: `Delivery to ${recipient} is delayed: ${reason}. The sending server is still trying; the reply is not failed.`,
    delivered: `Delivery to ${recipient} was reported as done${bounce.status ? ` (${bounce.status})` : ''}.`,
  }[bounce.kind];
  const [note] = await tx`
    insert into messages (ticket_id, channel, direction, provider_id, status, body_text, metadata)
    values (${original.ticketId}, 'note', 'internal', ${reportId}, 'received', ${text}, ${tx.json({ bounce } as never)})
    on conflict (channel, provider_id) do nothing returning id`;
  if (!note) return false;
  // Forward only, like every other report on a send; the history says it bounced and why. A delay changes nothing.
  if (bounce.kind === 'failed')
    await advanceMessage(
      tx,
      { messageId: original.id },
      { status: 'failed', errorCode: bounce.status ?? 'bounce', errorMessage: reason, via: 'bounce' },
    );
  if (bounce.kind === 'delivered')
    await advanceMessage(tx, { messageId: original.id }, { status: 'delivered', via: 'bounce' });
  return true;
}
