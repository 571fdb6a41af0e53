// The simulated customers' side of the email simulator: every mail they sent and every mail we sent them, kept
// as the RFC 822 bytes and read back with mailparser, as their mail client would show it.

import { simpleParser } from 'mailparser';
import { repliedToIds } from '../../channels/email/threadingHeaders';
import type { Sql } from '../db/client';
import type { SimulatedEmail } from '../http/apiTypes';

export interface SimulatedMailInput {
  mailboxId: string;
  direction: SimulatedEmail['direction'];
  customerAddress: string;
  raw: Buffer;
}

/** Stores one mail; a second copy with the same Message-ID (a resent reply) is dropped, as a mail client folds it. */
export async function recordSimulatedMail(
  sql: Sql,
  { mailboxId, direction, customerAddress, raw }: SimulatedMailInput,
): Promise<void> {
  const mail = await simpleParser(raw);
  const attachments = mail.attachments.map((a) => ({
    filename: a.filename ?? 'attachment',
    contentType: a.contentType,
    sizeBytes: a.size,
  }));
  await sql`
    insert into simulator_emails (mailbox_id, customer_address, direction, message_id, in_reply_to, "references",
                                  from_header, to_header, subject, body_text, attachments, raw)
    values (${mailboxId}, ${customerAddress.toLowerCase()}, ${direction}, ${mail.messageId ?? ''}, ${mail.inReplyTo ?? null},
            ${repliedToIds({ references: mail.references })}, ${mail.from?.text ?? ''}, ${addressText(mail.to)}, ${mail.subject ?? ''},
            ${mail.text ?? ''}, ${sql.json(attachments)}, ${raw})
    on conflict (direction, message_id) do nothing`;
}

/** One mail we sent the customer, for their reply to thread under. */
export async function findOutboxMail(sql: Sql, id: string, customerAddress: string) {
  const [row] = await sql<{ messageId: string; references: string[]; subject: string }[]>`
    select message_id, "references", subject from simulator_emails
    where id = ${id} and direction = 'to_customer' and customer_address = ${customerAddress.toLowerCase()}`;
  return row ?? null;
}

/** A simulated customer's mailbox: both directions, oldest first (newest last). */
export async function listSimulatedConversation(sql: Sql, customerAddress: string): Promise<SimulatedEmail[]> {
  const rows = await sql<
    (Omit<SimulatedEmail, 'at' | 'from' | 'to' | 'text'> & {
      fromHeader: string;
      toHeader: string;
      bodyText: string;
      createdAt: Date;
    })[]
  >`
    select id, direction, message_id, in_reply_to, "references", from_header, to_header, subject, body_text, attachments, created_at
    from simulator_emails where customer_address = ${customerAddress.toLowerCase()} order by created_at, message_id`;
  return rows.map((r) => ({
    id: r.id,
    direction: r.direction,
    messageId: r.messageId,
    inReplyTo: r.inReplyTo,
    references: r.references,
    from: r.fromHeader,
    to: r.toHeader,
    subject: r.subject,
    text: r.bodyText,
    attachments: r.attachments,
    at: r.createdAt.toISOString(),
  }));
}

function addressText(field: { text: string } | { text: string }[] | undefined) {
  return (Array.isArray(field) ? field : field ? [field] : []).map((a) => a.text).join(', ');
}
