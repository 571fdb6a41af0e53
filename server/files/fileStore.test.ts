import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3TestServer } from '../../test/support/s3Server';
import { createTestDatabase, type TestDatabase } from '../../test/support/testDatabase';
import { FileTooLargeError, type FileRange, type FileStore } from './fileStore';
import { CHUNK_BYTES, createPostgresFileStore } from './postgresFileStore';
import { createS3FileStore } from './s3FileStore';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Bytes as a client sends them: in uneven pieces. */
const inPieces = (bytes: Buffer, size = 70_001) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)),
  );

async function readAll(store: FileStore, key: string, range?: FileRange) {
  const opened = await store.open(key, range);
  if (!opened) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), sizeBytes: opened.sizeBytes };
}

interface Backend {
  store: FileStore;
  /** Everything the backend holds, to compare before and after a write that must leave nothing. */
  holdings(): Promise<unknown>;
}

let db: TestDatabase;
let s3: S3TestServer;
const backends: Record<'postgres' | 's3', Backend> = {} as never;

beforeAll(async () => {
  db = await createTestDatabase();
  s3 = await startS3Server();
  backends.postgres = {
    store: createPostgresFileStore(db.sql),
    holdings: async () => ({
      files: await db.sql`select id, key, size_bytes from files order by id`,
      chunks: (await db.sql`select count(*)::int as n from file_chunks`)[0].n,
    }),
  };
  backends.s3 = { store: createS3FileStore(s3.settings), holdings: () => s3.objectKeys() };
});
afterAll(async () => {
  await backends.s3?.store.close();
  await s3?.stop();
  await db?.drop();
});

describe.each(['postgres', 's3'] as const)('the %s file store', (kind) => {
  const backend = () => backends[kind];

  it('when a file streams in uneven pieces, then it is named by its sha256, and reads back whole with its size', async () => {
    const { store } = backend();
    const bytes = randomBytes(3 * CHUNK_BYTES + 12_345);
    const stored = await store.put(inPieces(bytes), { maxBytes: 10_000_000 });
    expect(stored).toEqual({ key: sha256(bytes), sizeBytes: bytes.length });
    expect(await store.stat(stored.key)).toEqual({ sizeBytes: bytes.length });
    expect(await store.exists(stored.key)).toBe(true);
    const read = await readAll(store, stored.key);
    expect(read?.sizeBytes).toBe(bytes.length);
    expect(read?.bytes.equals(bytes)).toBe(true);
  });

  it('when a range is asked for, then exactly those bytes come, across chunk boundaries and to the last byte', async () => {
    const { store } = backend();
    const bytes = randomBytes(2 * CHUNK_BYTES + 500);
    const { key } = await store.put(inPieces(bytes));
    for (const range of [
      { start: 0, end: 1 },
      { start: CHUNK_BYTES - 10, end: CHUNK_BYTES + 9 },
      { start: 100, end: 2 * CHUNK_BYTES + 100 },
      { start: 2 * CHUNK_BYTES + 10, end: bytes.length - 1 },
    ]) {
      const read = await readAll(store, key, range);
      expect(read?.sizeBytes, JSON.stringify(range)).toBe(bytes.length);
      expect(read?.bytes.equals(bytes.subarray(range.start, range.end + 1)), JSON.stringify(range)).toBe(true);
    }
  });

  it('when the same bytes are stored twice, then they are kept once under one name', async () => {
    const { store, holdings } = backend();
    const bytes = randomBytes(CHUNK_BYTES + 1);
    const first = await store.put(inPieces(bytes));
    const before = await holdings();
    const second = await store.put(inPieces(bytes, 4096));
    expect(second).toEqual(first);
    expect(await holdings()).toEqual(before);
  });

  it('when an empty file is stored, then it reads back empty', async () => {
    const { store } = backend();
    const { key, sizeBytes } = await store.put(Readable.from([Buffer.alloc(0)]));
    expect([key, sizeBytes]).toEqual([sha256(Buffer.alloc(0)), 0]);
    expect((await readAll(store, key))?.bytes.length).toBe(0);
  });

  it('when a stream passes the limit, then it is refused at once, nothing is kept, and the source is left open', async () => {
    const { store, holdings } = backend();
    const before = await holdings();
    // Like an HTTP request: destroying it would cut the connection before the refusal could be sent.
    const source = new PassThrough();
    const storing = store.put(source, { maxBytes: CHUNK_BYTES + 1000 });
    source.write(randomBytes(CHUNK_BYTES));
    source.write(randomBytes(CHUNK_BYTES));
    await expect(storing).rejects.toBeInstanceOf(FileTooLargeError);
    expect(source.destroyed).toBe(false);
    expect(await holdings()).toEqual(before);
  });

  it('when the source fails part way (the client went away), then nothing of it is kept', async () => {
    const { store, holdings } = backend();
    const before = await holdings();
    const source = new PassThrough();
    const storing = store.put(source);
    source.write(randomBytes(CHUNK_BYTES + 600));
    await new Promise((r) => setTimeout(r, 50));
    source.destroy(new Error('aborted'));
    await expect(storing).rejects.toThrow('aborted');
    expect(await holdings()).toEqual(before);
  });

  it('when a name is not stored, then stat and open say so', async () => {
    const { store } = backend();
    const key = sha256(randomBytes(8));
    expect(await store.stat(key)).toBeNull();
    expect(await store.exists(key)).toBe(false);
    expect(await store.open(key)).toBeNull();
  });
});

describe('the postgres file store in a transaction', () => {
  const store = () => backends.postgres.store;

  it('when the transaction that stored a file rolls back, then the file is gone with it', async () => {
    const bytes = randomBytes(CHUNK_BYTES + 7);
    const before = await backends.postgres.holdings();
    await expect(
      db.sql.begin(async (tx) => {
        const { key } = await store().put(inPieces(bytes), { tx });
        expect((await tx`select 1 from files where key = ${key}`).length).toBe(1);
        throw new Error('the message could not be stored');
      }),
    ).rejects.toThrow('the message could not be stored');
    expect(await store().exists(sha256(bytes))).toBe(false);
    expect(await backends.postgres.holdings()).toEqual(before);
  });

  it('when a file fails inside a transaction, then nothing of it stays and the transaction goes on to commit the rest', async () => {
    const kept = randomBytes(100);
    const source = new PassThrough();
    const committed = await db.sql.begin(async (tx) => {
      const storing = store().put(source, { tx, maxBytes: 10 });
      source.end(randomBytes(11));
      await expect(storing).rejects.toBeInstanceOf(FileTooLargeError);
      return store().put(Readable.from([kept]), { tx });
    });
    expect((await readAll(store(), committed.key))?.bytes.equals(kept)).toBe(true);
    expect(await db.sql`select 1 from files where key is null`).toEqual([]);
  });

  it('when the same bytes are stored at once by two writers, then one file is kept and both are told its name', async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES);
    const results = await Promise.all([store().put(inPieces(bytes)), store().put(inPieces(bytes, 9999))]);
    expect(results[0]).toEqual(results[1]);
    expect(await db.sql`select count(*)::int as n from files where key = ${sha256(bytes)}`).toEqual([{ n: 1 }]);
    expect(await db.sql`select 1 from files where key is null`).toEqual([]);
    expect(
      await db.sql`
      select count(*)::int as n from file_chunks c join files f on f.id = c.file_id where f.key = ${sha256(bytes)}`,
    ).toEqual([{ n: 3 }]);
  });
});

describe('the s3 file store with files bigger than one part (multipart)', () => {
  it('when a file of several parts streams in, then it reads back whole and no temporary object stays', async () => {
    const { store } = backends.s3;
    const bytes = randomBytes(11 * 1024 * 1024 + 3);
    const { key } = await store.put(inPieces(bytes, 1024 * 1024));
    expect((await readAll(store, key))?.bytes.equals(bytes)).toBe(true);
    expect((await s3.objectKeys()).filter((k) => !k.startsWith('files/'))).toEqual([]);
  });

  it('when a file passes the limit after its first parts went up, then no object is kept', async () => {
    const { store } = backends.s3;
    const before = await s3.objectKeys();
    const source = new PassThrough();
    const storing = store.put(source, { maxBytes: 8 * 1024 * 1024 });
    for (let i = 0; i < 12 && !source.destroyed; i++) source.write(randomBytes(1024 * 1024));
    await expect(storing).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await s3.objectKeys()).toEqual(before);
  });

  it('when the S3 server cannot be reached, then storing fails as the store being unavailable, naming no credentials', async () => {
    const unreachable = createS3FileStore({ ...s3.settings, endpoint: 'http://127.0.0.1:9' });
    try {
      const failure = await unreachable.put(Readable.from([Buffer.from('x')])).catch((err: unknown) => err as Error);
      expect(failure).toMatchObject({
        code: 'FILE_STORE_UNAVAILABLE',
        message: expect.stringMatching(/S3 file store/),
      });
      expect((failure as Error).message).not.toContain('S3RVER');
    } finally {
      await unreachable.close();
    }
  });
});
