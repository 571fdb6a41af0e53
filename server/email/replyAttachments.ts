// Files an agent attaches to an email reply. Each was uploaded first (POST /api/uploads, streamed into the store
// by content, see uploads.ts); the reply names them by upload id. They are checked against the mailbox's size
// limit before anything is written, and the sender reads them back from the store.

import type { TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';

/** How a reply names a file: one of the replying agent's own uploads. */
export interface ReplyAttachmentInput {
  uploadId: string;
}

export interface ReplyAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  location: string;
}

/** The limit of a reply with no mailbox to read one from: the mailboxes' default. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const refused = (field: string, message: string) =>
  new HttpError(400, 'invalid_input', message, [{ path: field, message }]);

/**
 * The uploads a reply names, in its order. Each must be the agent's own upload (another's is answered as if it did
 * not exist: 400 naming `attachments.<i>.uploadId`), and together they must fit `maxBytes` (400 naming `attachments`).
 */
export async function claimReplyAttachments(
  tx: TransactionSql,
  uploaderId: string,
  inputs: ReplyAttachmentInput[],
  maxBytes: number,
): Promise<ReplyAttachment[]> {
  if (!inputs.length) return [];
  const ids = inputs.map((a) => a.uploadId);
  const rows = await tx<(ReplyAttachment & { id: string })[]>`
    select id, filename, content_type, size_bytes::float8 as size_bytes, location
    from uploads where id = any(${ids}::uuid[]) and uploader_id = ${uploaderId}`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const files = ids.map((id, i) => {
    const row = byId.get(id);
    if (!row) throw refused(`attachments.${i}.uploadId`, 'is not one of your uploads');
    return row;
  });
  const total = files.reduce((sum, a) => sum + a.sizeBytes, 0);
  if (total > maxBytes) {
    throw refused(
      'attachments',
      `the attachments come to ${total} bytes; this mailbox sends at most ${maxBytes} bytes of attachments per message`,
    );
  }
  return files;
}

/** Records the files on the message; the bytes are already in the store, under the upload's location. */
export async function storeReplyAttachments(tx: TransactionSql, messageId: string, attachments: ReplyAttachment[]) {
  for (const a of attachments) {
    await tx`insert into message_attachments (message_id, filename, content_type, size_bytes, location)
             values (${messageId}, ${a.filename}, ${a.contentType}, ${a.sizeBytes}, ${a.location})`;
  }
}
