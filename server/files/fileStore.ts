// Files every process of a deployment can reach: attachments, uploads, recording copies, and whatever later features
// keep (knowledge-base images, survey audio). Named by the sha256 of their bytes, so the same bytes are kept once
// however often they are stored, and a name always means the same content. Two backends behind this one interface,
// chosen by FILE_STORE: PostgreSQL (the default) and S3-compatible object storage.

import type { Readable } from 'node:stream';
import type { TransactionSql } from '../db/client';

/** A stored file's name: the sha256 of its bytes, 64 lowercase hex digits. */
export type FileKey = string;

export const FILE_KEY = /^[0-9a-f]{64}$/;

/** Inclusive byte offsets, as a Range header counts them. */
export interface FileRange {
  start: number;
  end: number;
}

export interface StoredFile {
  key: FileKey;
  sizeBytes: number;
}

export interface PutOptions {
  /** Past this many bytes the write stops at once with FileTooLargeError, and nothing of it is kept. */
  maxBytes?: number;
  /**
   * The transaction of the row that will name the file. A store that can join it (PostgreSQL) writes the file in it,
   * so the row and its file commit or vanish together; another (S3) has the file stored before the row commits.
   */
  tx?: TransactionSql;
}

export interface OpenedFile {
  /** The bytes asked for: the whole file, or the range. */
  stream: Readable;
  /** The whole file's size, whatever range was asked for. */
  sizeBytes: number;
}

export interface FileStore {
  readonly kind: 'postgres' | 's3';
  /** True when `put` with a transaction writes in it (see PutOptions.tx). */
  readonly joinsTransactions: boolean;
  /**
   * Streams `source` into the store while hashing it, never holding it whole in memory. A source that fails, or
   * passes `maxBytes`, leaves nothing behind; the source is not destroyed (an HTTP request can still be answered).
   */
  put(source: Readable, options?: PutOptions): Promise<StoredFile>;
  /** The file's size, or null when the store has no file of that name. */
  stat(key: FileKey): Promise<{ sizeBytes: number } | null>;
  exists(key: FileKey): Promise<boolean>;
  /** The file's bytes (a range of them, within its size), or null when the store has no such file. */
  open(key: FileKey, range?: FileRange): Promise<OpenedFile | null>;
  /** Lets go of connections the store holds of its own (the S3 client's sockets). */
  close(): Promise<void>;
}

/** A file went past the size it was allowed while it was being stored; nothing of it was kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
  }
}

/**
 * The store could not be reached or refused to work (S3 down, wrong bucket or credentials). Nothing about the file
 * is wrong, so whoever stores it should try again later rather than give the file up.
 */
export class FileStoreUnavailableError extends Error {
  readonly code = 'FILE_STORE_UNAVAILABLE';
}
