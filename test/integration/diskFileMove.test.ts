import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { moveDiskFiles } from '../../server/files/moveDiskFiles';
import { aCustomer, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// An upgrade from a version that kept files under DATA_DIR/attachments/<sha256>, with rows naming them
// `attachments/<sha256>`: the first start moves them into the file store, and they download as before.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let db: TestDatabase;
let dataDir: string;
let server: Awaited<ReturnType<typeof startTestServer>> | null = null;
let admin: TestClient;
let messageId: string;
let adminUser: { id: string; email: string; password: string };

/** A file as the older version left it: on disk under its hash, and a row naming it. */
function onDisk(bytes: Buffer, name = sha256(bytes)) {
  fs.mkdirSync(path.join(dataDir, 'attachments'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'attachments', name), bytes);
  return `attachments/${name}`;
}
async function anAttachmentRow(location: string, filename = 'file.bin') {
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into message_attachments (message_id, filename, content_type, size_bytes, location)
    values (${messageId}, ${filename}, 'application/octet-stream', 1, ${location}) returning id`;
  return id;
}
const locationOf = async (id: string) =>
  (await db.sql<{ location: string }[]>`select location from message_attachments where id = ${id}`)[0].location;
const download = async (id: string) => {
  const res = await fetch(`${server!.url}/api/attachments/${id}`, { headers: { cookie: admin.cookie! } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
};

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-old-data-'));
  const ticket = await aTicket(db.sql, { customerId: await aCustomer(db.sql), channel: 'email' });
  [{ id: messageId }] = await db.sql`
    insert into messages (ticket_id, channel, direction, status, body_text) values (${ticket}, 'email', 'inbound', 'received', 'Files') returning id`;
  adminUser = await aUser(db.sql, 'admin');
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('files an older version kept under DATA_DIR', () => {
  it('when the new version starts, then they are moved into the store, their rows rewritten, the disk emptied, and they download', async () => {
    const pdf = randomBytes(600 * 1024);
    const image = randomBytes(2000);
    const first = await anAttachmentRow(onDisk(pdf), 'contract.pdf');
    // The same bytes attached twice: one file, both rows rewritten.
    const second = await anAttachmentRow(onDisk(pdf), 'contract-again.pdf');
    const imageRow = await anAttachmentRow(onDisk(image), 'photo.png');
    const uploaded = randomBytes(5000);
    const [upload] = await db.sql<{ id: string }[]>`
      insert into uploads (uploader_id, filename, content_type, size_bytes, location)
      values (${adminUser.id}, 'quote.pdf', 'application/pdf', ${uploaded.length}, ${onDisk(uploaded)}) returning id`;
    // A row whose file this machine does not hold (another machine's, or lost): logged and left as it is.
    const elsewhere = `attachments/${sha256(randomBytes(10))}`;
    const missingRow = await anAttachmentRow(elsewhere);

    server = await startTestServer(testEnv(db.url, { DATA_DIR: dataDir }));
    admin = await new TestClient(server.url).signIn(adminUser.email, adminUser.password);

    await waitFor(
      async () => [await locationOf(first), await locationOf(imageRow)],
      (locations) => locations.every((l) => l.startsWith('files:')),
    );
    expect(await locationOf(first)).toBe(`files:${sha256(pdf)}`);
    expect(await locationOf(second)).toBe(`files:${sha256(pdf)}`);
    expect(await locationOf(imageRow)).toBe(`files:${sha256(image)}`);
    await waitFor(
      () => db.sql<{ location: string }[]>`select location from uploads where id = ${upload.id}`,
      ([u]) => u.location === `files:${sha256(uploaded)}`,
    );
    await waitFor(
      async () => fs.readdirSync(path.join(dataDir, 'attachments')),
      (left) => left.length === 0,
    );
    expect(await locationOf(missingRow)).toBe(elsewhere);

    const got = await download(first);
    expect(got.status).toBe(200);
    expect(got.body.equals(pdf)).toBe(true);
    expect((await download(imageRow)).body.equals(image)).toBe(true);
    expect((await download(missingRow)).status).toBe(404);
  });

  it('when the move runs again, or was cut short after storing a file, then it finishes what is left and changes nothing else', async () => {
    const ctx = server!.ctx;
    const log = createLogger('silent');
    // Cut short: the file went into the store, the process died before its rows were rewritten.
    const bytes = randomBytes(3000);
    const row = await anAttachmentRow(onDisk(bytes));
    await ctx.files.put(Readable.from([bytes]));
    const report = await moveDiskFiles({ sql: ctx.sql, files: ctx.files, dataDir, log });
    expect(report).toEqual({ moved: 1, missing: 1, failed: 0 });
    expect(await locationOf(row)).toBe(`files:${sha256(bytes)}`);
    expect(fs.existsSync(path.join(dataDir, 'attachments', sha256(bytes)))).toBe(false);

    const filesBefore = await db.sql`select id, key from files order by id`;
    expect(await moveDiskFiles({ sql: ctx.sql, files: ctx.files, dataDir, log })).toEqual({
      moved: 0,
      missing: 1,
      failed: 0,
    });
    expect(await db.sql`select id, key from files order by id`).toEqual(filesBefore);
  });

  it('when a file on disk does not hold the bytes its name says, then it is left where it is and still downloads from there', async () => {
    const ctx = server!.ctx;
    const bytes = randomBytes(1000);
    const wrongName = sha256(randomBytes(10));
    const row = await anAttachmentRow(onDisk(bytes, wrongName));
    const report = await moveDiskFiles({ sql: ctx.sql, files: ctx.files, dataDir, log: createLogger('silent') });
    expect(report).toEqual({ moved: 0, missing: 1, failed: 1 });
    expect(await locationOf(row)).toBe(`attachments/${wrongName}`);
    expect(fs.existsSync(path.join(dataDir, 'attachments', wrongName))).toBe(true);
    // Until it is moved, a location of the older version is read from this machine's DATA_DIR.
    const got = await download(row);
    expect(got.status).toBe(200);
    expect(got.body.equals(bytes)).toBe(true);
  });
});
