// FILE_STORE=postgres: files as rows, so every process on the database reaches them and a backup of the database
// holds them. A file is a `files` row and its bytes `file_chunks` rows of CHUNK_BYTES each, written while the bytes
// arrive and are hashed; the row gets its key (the sha256) only once every byte is in, and when a file with that key
// exists already the new copy is dropped, so the same bytes are kept once.

import { Readable } from 'node:stream';
import type { Sql, TransactionSql } from '../db/client';
import type { FileKey, FileRange, FileStore, StoredFile } from './fileStore';
import { meterSource } from './meteredSource';

/** Big enough that a file takes few rows and round trips, small enough that a read holds little in memory. */
export const CHUNK_BYTES = 256 * 1024;

// A unique index refused the key: a concurrent write of the same bytes finished first.
const UNIQUE_VIOLATION = '23505';

type Db = Sql | TransactionSql;

export function createPostgresFileStore(sql: Sql): FileStore {
  return {
    kind: 'postgres',
    joinsTransactions: true,

    async put(source, { maxBytes, tx } = {}) {
      // In the caller's transaction, under a savepoint: a failure leaves no row behind, and the caller's transaction
      // goes on; success commits with the caller's rows.
      if (tx) return tx.savepoint(async (sp) => finish(sp, await writeChunks(sp, source, maxBytes, 'rolled back')));
      // On its own, the chunks commit as they come, so no connection is held while a slow client sends; the file
      // becomes visible in one short transaction at the end. A write that fails removes what it wrote; one cut
      // short by a crash leaves a keyless row that removeUnfinishedFiles clears.
      const written = await writeChunks(sql, source, maxBytes, 'deleted');
      return sql.begin((t) => finish(t, written));
    },

    async stat(key) {
      const [row] = await sql<{ sizeBytes: number }[]>`
        select size_bytes::float8 as size_bytes from files where key = ${key}`;
      return row ? { sizeBytes: row.sizeBytes } : null;
    },

    async exists(key) {
      return (await sql`select 1 from files where key = ${key}`).length > 0;
    },

    async open(key, range) {
      const [file] = await sql<{ id: string; sizeBytes: number; chunkBytes: number }[]>`
        select id, size_bytes::float8 as size_bytes, chunk_bytes from files where key = ${key}`;
      if (!file) return null;
      return {
        stream: Readable.from(readChunks(sql, key, file, range), { objectMode: false }),
        sizeBytes: file.sizeBytes,
      };
    },

    close: async () => undefined,
  };
}

interface WrittenFile extends StoredFile {
  id: string;
}

/**
 * A keyless `files` row and its chunks, as the bytes arrive. When anything fails they are removed: by the rollback
 * of the savepoint they were written in, or deleted here when they committed as they came.
 */
async function writeChunks(
  db: Db,
  source: Readable,
  maxBytes: number | undefined,
  onFailure: 'rolled back' | 'deleted',
): Promise<WrittenFile> {
  const metered = meterSource(source, { maxBytes, chunkBytes: CHUNK_BYTES });
  let id: string | null = null;
  try {
    [{ id }] = await db<{ id: string }[]>`insert into files (chunk_bytes) values (${CHUNK_BYTES}) returning id`;
    let seq = 0;
    for await (const chunk of metered.stream as AsyncIterable<Buffer>) {
      await db`insert into file_chunks (file_id, seq, data) values (${id}, ${seq++}, ${chunk})`;
    }
  } catch (err) {
    metered.release('failed');
    // Best effort: a row left behind has no key, so nobody reads it, and removeUnfinishedFiles clears it later.
    if (id !== null && onFailure === 'deleted') await db`delete from files where id = ${id}`.catch(() => undefined);
    throw err;
  }
  metered.release('stored');
  return { id, ...metered.result() };
}

/** Names the written row by its content, unless that content is stored already: then the new copy goes. */
async function finish(tx: TransactionSql, written: WrittenFile): Promise<StoredFile> {
  const stored = { key: written.key, sizeBytes: written.sizeBytes };
  const [existing] = await tx`select 1 from files where key = ${written.key}`;
  if (!existing) {
    try {
      await tx.savepoint(
        (sp) => sp`update files set key = ${written.key}, size_bytes = ${written.sizeBytes} where id = ${written.id}`,
      );
      return stored;
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    }
  }
  await tx`delete from files where id = ${written.id}`;
  return stored;
}

/** The chunks covering `range` (the whole file without one), each cut to the bytes asked for. */
async function* readChunks(
  sql: Sql,
  key: FileKey,
  file: { id: string; sizeBytes: number; chunkBytes: number },
  range: FileRange | undefined,
): AsyncGenerator<Buffer> {
  const start = range?.start ?? 0;
  const end = Math.min(range?.end ?? file.sizeBytes - 1, file.sizeBytes - 1);
  if (end < start) return;
  const { chunkBytes } = file;
  for (let seq = Math.floor(start / chunkBytes); seq <= Math.floor(end / chunkBytes); seq++) {
    const [chunk] = await sql<
      { data: Buffer }[]
    >`select data from file_chunks where file_id = ${file.id} and seq = ${seq}`;
    if (!chunk) throw new Error(`The stored file ${key} has lost its chunk ${seq}.`);
    const offset = seq * chunkBytes;
    yield chunk.data.subarray(Math.max(0, start - offset), Math.min(chunk.data.length, end - offset + 1));
  }
}

/** Removes the rows of writes that never finished (their process died): older than any write still going on. */
export async function removeUnfinishedFiles(sql: Sql, olderThanHours = 24): Promise<number> {
  const removed = await sql`
    delete from files where key is null and created_at < now() - make_interval(hours => ${olderThanHours})`;
  return removed.count;
}
