// What an email we send on a ticket needs from the customer's latest mail: the mailbox it reached (our
// reply leaves from there) and the headers that file our reply under the customer's thread.

import { newMessageId } from '../../channels/email/smtpSender';
import type { Sql, TransactionSql } from '../db/client';

/** RFC 5322 lets References grow without end; mail clients keep the newest ids, and so do we. */
const MAX_REFERENCES = 20;

export interface ReplyMailbox {
  id: string;
  address: string;
  maxAttachmentBytes: number;
}

export interface EmailThreadMetadata {
  /** Chosen before the send and kept on the row, so every attempt sends the same Message-ID. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
}

export interface ReplyThreading {
  /** The mailbox of the customer's latest mail; null when it came in some other way. */
  mailbox: ReplyMailbox | null;
  metadata: EmailThreadMetadata;
}

export async function replyThreading(
  tx: Sql | TransactionSql,
  ticketId: string,
  fallbackDomain: string,
): Promise<ReplyThreading> {
  const [latest] = await tx<
    {
      providerId: string | null;
      references: unknown;
      mailboxId: string | null;
      address: string | null;
      maxAttachmentBytes: number | null;
    }[]
  >`
    select m.provider_id, m.metadata -> 'references' as references, b.id as mailbox_id, b.address, b.max_attachment_bytes
    from messages m left join mailboxes b on b.id = m.mailbox_id
    where m.ticket_id = ${ticketId} and m.channel = 'email' and m.direction = 'inbound'
    order by m.created_at desc, m.id desc limit 1`;
  const mailbox = latest?.mailboxId
    ? { id: latest.mailboxId, address: latest.address!, maxAttachmentBytes: latest.maxAttachmentBytes! }
    : null;
  const metadata: EmailThreadMetadata = {
    messageId: newMessageId(mailbox ? domainOf(mailbox.address) : fallbackDomain),
  };
  if (latest?.providerId) {
    const earlier = Array.isArray(latest.references)
      ? latest.references.filter((id): id is string => typeof id === 'string')
      : [];
    metadata.inReplyTo = latest.providerId;
    metadata.references = [...earlier.filter((id) => id !== latest.providerId), latest.providerId].slice(
      -MAX_REFERENCES,
    );
  }
  return { mailbox, metadata };
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);
