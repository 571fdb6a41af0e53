// The undeliverable mail list: bounces whose original is not one of our messages, kept for admins so that no
// bounce is marked read and forgotten. SQL for them lives here.

import type { Bounce } from '../../channels/email/bounce';
import type { Sql, TransactionSql } from '../db/client';

export interface UndeliverableMailInput {
  mailboxId: string;
  reportId: string;
  bounce: Bounce;
  fromAddress: string | null;
  subject: string | null;
  bodyText: string;
  raw: Buffer;
}

export interface UndeliverableMailRow {
  id: string;
  mailboxId: string;
  mailboxName: string;
  /** The bounce's own Message-ID. */
  reportId: string;
  kind: Bounce['kind'];
  format: Bounce['format'];
  fromAddress: string | null;
  subject: string | null;
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
  originalMessageId: string | null;
  bodyText: string;
  sizeBytes: number;
  receivedAt: Date;
}

// The list shows the start of each bounce's text; the raw mail has the rest.
const BODY_PREVIEW_CHARS = 2000;

/** Keeps a bounce nobody else accounts for; the same bounce read again changes nothing. Returns whether it was new. */
export async function keepUndeliverableMail(sql: TransactionSql, mail: UndeliverableMailInput) {
  const { bounce } = mail;
  const rows = await sql`
    insert into undeliverable_mails (mailbox_id, report_id, kind, format, from_address, subject, recipient, status,
                                     diagnostic, original_message_id, body_text, raw)
    values (${mail.mailboxId}, ${mail.reportId}, ${bounce.kind}, ${bounce.format}, ${mail.fromAddress}, ${mail.subject},
            ${bounce.recipient}, ${bounce.status}, ${bounce.diagnostic}, ${bounce.originalMessageId},
            ${mail.bodyText}, ${mail.raw})
    on conflict (mailbox_id, report_id) do nothing
    returning id`;
  return rows.length > 0;
}

/** Newest first, without the bytes; of one mailbox when given. */
export const listUndeliverableMails = (sql: Sql, { mailboxId, limit }: { mailboxId?: string; limit: number }) =>
  sql<UndeliverableMailRow[]>`
    select u.id, u.mailbox_id, m.name as mailbox_name, u.report_id, u.kind, u.format, u.from_address, u.subject, u.recipient,
           u.status, u.diagnostic, u.original_message_id, left(u.body_text, ${BODY_PREVIEW_CHARS}) as body_text,
           octet_length(u.raw) as size_bytes, u.received_at
    from undeliverable_mails u join mailboxes m on m.id = u.mailbox_id
    ${mailboxId ? sql`where u.mailbox_id = ${mailboxId}` : sql``}
    order by u.received_at desc, u.id
    limit ${limit}`;

export async function findUndeliverableRaw(sql: Sql, id: string): Promise<Buffer | null> {
  const [row] = await sql<{ raw: Buffer }[]>`select raw from undeliverable_mails where id = ${id}`;
  return row?.raw ?? null;
}
