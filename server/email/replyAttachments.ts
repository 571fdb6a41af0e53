// Files an agent attaches to an email reply: checked against the mailbox's size limit before anything is
// written, then stored by content under the data folder like inbound ones; the sender reads them back from there.

import path from 'node:path';
import type { TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { storeAttachment } from './storeAttachments';

export interface ReplyAttachmentInput {
  filename: string;
  contentType: string;
  contentBase64: string;
}

export interface DecodedAttachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** The limit of a reply with no mailbox to read one from: the mailboxes' default. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Where stored files live, relative to DATA_DIR: what `message_attachments.location` holds. */
const ATTACHMENT_LOCATION = /^attachments\/[0-9a-f]{64}$/;

const tooLarge = (message: string) => new HttpError(400, 'invalid_input', message, [{ path: 'attachments', message }]);

/** Decodes the attachments and refuses them (400 naming `attachments`) when together they exceed `maxBytes`. */
export function decodeReplyAttachments(inputs: ReplyAttachmentInput[], maxBytes: number): DecodedAttachment[] {
  const decoded = inputs.map(({ filename, contentType, contentBase64 }) => ({
    filename,
    contentType,
    bytes: Buffer.from(contentBase64, 'base64'),
  }));
  const total = decoded.reduce((sum, a) => sum + a.bytes.length, 0);
  if (total > maxBytes) {
    throw tooLarge(
      `the attachments come to ${total} bytes; this mailbox sends at most ${maxBytes} bytes of attachments per message`,
    );
  }
  return decoded;
}

/** Stores each file by content under the data folder (see storeAttachments.ts) and records it on the message. */
export async function storeReplyAttachments(
  tx: TransactionSql,
  dataDir: string,
  messageId: string,
  attachments: DecodedAttachment[],
) {
  for (const a of attachments) {
    const stored = await storeAttachment(dataDir, {
      filename: a.filename,
      contentType: a.contentType,
      content: a.bytes,
    });
    await tx`insert into message_attachments (message_id, filename, content_type, size_bytes, location)
             values (${messageId}, ${stored.filename}, ${stored.contentType}, ${stored.sizeBytes}, ${stored.location})`;
  }
}

/** The file of a stored attachment, or null when the location is not one of ours (a provider's URL, say). */
export function attachmentPath(dataDir: string, location: string): string | null {
  return ATTACHMENT_LOCATION.test(location) ? path.join(dataDir, location) : null;
}
