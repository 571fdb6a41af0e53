// Failed mails: mail a mailbox could not store, set aside with its bytes so the sync can move past it and an admin
// can retry or dismiss it. SQL for them lives here.

import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { storableText } from '../../channels/textSafety';
import type { Sql } from '../db/client';

export interface FailedMailPlace {
  mailboxId: string;
  folder: string;
  uidValidity: string;
  uid: number;
}

export interface FailedMailRow {
  id: string;
  mailboxId: string;
  mailboxName: string;
  folder: string;
  uidValidity: string;
  uid: string;
  fromHeader: string | null;
  subject: string | null;
  error: string;
  attempts: number;
  sizeBytes: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

const MAX_ERROR_LENGTH = 2000;
const MAX_SUMMARY_LENGTH = 300;
// The header block is all the summary reads; a mail with more header than this is summarised from its start.
const MAX_HEADER_BYTES = 64 * 1024;

/**
 * Keeps a mail that could not be stored. The same bytes failing again in the same mailbox (the folder read anew
 * after a UIDVALIDITY change, or a second copy) update the one row rather than add another.
 */
export async function parkFailedMail(sql: Sql, place: FailedMailPlace, raw: Buffer, error: string) {
  const { fromHeader, subject } = await headerSummary(raw);
  const [row] = await sql<{ id: string }[]>`
    insert into failed_mails (mailbox_id, folder, uid_validity, uid, raw, raw_sha256, from_header, subject, error)
    values (${place.mailboxId}, ${place.folder}, ${place.uidValidity}, ${place.uid}, ${raw},
            ${createHash('sha256').update(raw).digest('hex')}, ${fromHeader}, ${subject}, ${errorText(error)})
    on conflict (mailbox_id, raw_sha256) do update
      set folder = excluded.folder, uid_validity = excluded.uid_validity, uid = excluded.uid, error = excluded.error,
          attempts = failed_mails.attempts + 1, last_failed_at = now()
    returning id`;
  return row.id;
}

/** Failed mails, oldest first, without their bytes; of one mailbox when given. */
export const listFailedMails = (sql: Sql, mailboxId?: string) => sql<FailedMailRow[]>`
  select f.id, f.mailbox_id, m.name as mailbox_name, f.folder, f.uid_validity, f.uid, f.from_header, f.subject,
         f.error, f.attempts, octet_length(f.raw) as size_bytes, f.first_failed_at, f.last_failed_at
  from failed_mails f join mailboxes m on m.id = f.mailbox_id
  ${mailboxId ? sql`where f.mailbox_id = ${mailboxId}` : sql``}
  order by f.first_failed_at, f.id`;

export async function findFailedMail(sql: Sql, id: string) {
  const [row] = await sql<{ id: string; mailboxId: string; raw: Buffer; subject: string | null }[]>`
    select id, mailbox_id, raw, subject from failed_mails where id = ${id}`;
  return row ?? null;
}

/** A retry that failed again: its new error, one more attempt. */
export async function recordFailedRetry(sql: Sql, id: string, error: string) {
  await sql`update failed_mails set error = ${errorText(error)}, attempts = attempts + 1, last_failed_at = now() where id = ${id}`;
}

function errorText(error: string) {
  return storableText(error).slice(0, MAX_ERROR_LENGTH);
}

/**
 * From and Subject for the list, read from the header block alone: the body may be what broke intake. Decoded
 * (RFC 2047) where that works, else as written.
 */
async function headerSummary(raw: Buffer): Promise<{ fromHeader: string | null; subject: string | null }> {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i !== -1);
  const head = raw.subarray(0, Math.min(ends.length ? Math.min(...ends) : raw.length, MAX_HEADER_BYTES));
  const short = (text: string | undefined | null) =>
    text?.trim() ? storableText(text.trim()).slice(0, MAX_SUMMARY_LENGTH) : null;
  try {
    const mail = await simpleParser(Buffer.concat([head, Buffer.from('\r\n\r\n')]));
    return { fromHeader: short(mail.from?.text), subject: short(mail.subject) };
  } catch {
    const text = head.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
    const value = (name: string) => text.match(new RegExp(`^${name}:(.*)$`, 'im'))?.[1];
    return { fromHeader: short(value('from')), subject: short(value('subject')) };
  }
}
