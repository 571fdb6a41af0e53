// An inbound mail's attachments into the file store. They were parsed whole, so their sha256 (the name they will
// have in the store) is known before anything is written: the mail's fingerprint and its attachment rows can name
// them up front, and the bytes go in with the rows that name them.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { InboundAttachment } from '../../channels/inboundContact';
import type { TransactionSql } from '../db/client';
import { storeLocation } from '../files/fileLocation';
import type { FileStore } from '../files/fileStore';

export interface MailFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface PreparedMailFiles {
  /** What the message's attachment rows say: names, types, sizes and store locations. */
  attachments: InboundAttachment[];
  /**
   * Writes the bytes in the intake's transaction, so the message and its files commit together (a crash between
   * them leaves neither). Absent when the store cannot join a transaction: the files are stored already then.
   */
  storeInTransaction?: (tx: TransactionSql) => Promise<void>;
}

/**
 * The mail's files, described for intake. With a store that joins transactions (PostgreSQL) the bytes are written
 * by intake's transaction; with another (S3) they are stored here first, so no committed row names a missing file
 * (a crash after this leaves at most an unnamed file, which is harmless).
 */
export async function prepareMailFiles(files: FileStore, mailFiles: MailFile[]): Promise<PreparedMailFiles> {
  const attachments = mailFiles.map((f) => ({
    filename: f.filename,
    contentType: f.contentType,
    sizeBytes: f.content.length,
    location: storeLocation(createHash('sha256').update(f.content).digest('hex')),
  }));
  const store = (tx?: TransactionSql) => storeEach(files, mailFiles, tx);
  if (files.joinsTransactions) return { attachments, storeInTransaction: store };
  await store();
  return { attachments };
}

async function storeEach(files: FileStore, mailFiles: MailFile[], tx: TransactionSql | undefined) {
  // One at a time: in a transaction the statements cannot overlap anyway, and a mail's files are few.
  for (const file of mailFiles) await files.put(Readable.from([file.content]), { tx });
}
