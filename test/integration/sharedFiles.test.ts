import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { startS3Server, type S3TestServer } from '../support/s3Server';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { sealedForTests } from '../support/testSecrets';
import { testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// A deployment on two machines: the web process on one, the worker on another, each with a DATA_DIR of its own and
// nothing shared but PostgreSQL, Redis and the file store. The worker takes the customer's mail in and sends the
// agent's reply; the web process serves the download and takes the upload. Run with each file store.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A customer's mail with one binary attachment, as their client would send it. */
function aMailWithAttachment(file: Buffer, filename: string) {
  const messageId = `<${randomBytes(8).toString('hex')}@mail.customer.example>`;
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  const raw = [
    `Message-ID: ${messageId}`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    'From: Paula Example <paula@customer.example>',
    'To: support@example.com',
    'Subject: The signed contract',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Here is the signed contract.',
    `--${boundary}`,
    `Content-Type: application/pdf; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    ...(file.toString('base64').match(/.{1,76}/g) ?? []),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { messageId, raw: Buffer.from(raw) };
}

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.stop();
});

describe.each([
  ['postgres', () => ({ FILE_STORE: 'postgres' })],
  ['s3', () => s3.env],
])('web and worker on separate machines, files in %s', (store, storeEnv) => {
  let db: TestDatabase;
  let dovecot: Dovecot;
  let sink: SmtpSink;
  let web: ServerProcess;
  let worker: ServerProcess;
  let agent: TestClient;
  const dataDirs: string[] = [];
  const aDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `switchboard-shared-${store}-`));
    dataDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    [dovecot, sink] = await Promise.all([startDovecot(), startSmtpSink()]);
    const queue = await aQueue(db.sql, { entryForChannels: ['email'] });
    await db.sql`
      insert into mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted,
                             smtp_host, smtp_port, smtp_tls, queue_id)
      values ('Support', 'support@example.com', ${dovecot.host}, ${dovecot.port}, false, ${dovecot.user},
              ${sealedForTests(dovecot.password)}, ${sink.host}, ${sink.port}, false, ${queue})`;
    // One deployment: the same database, Redis prefix, secrets key and file store; a DATA_DIR each.
    const shared = {
      ...testEnv(db.url, storeEnv()),
      REDIS_PREFIX: `${inject('redisPrefix')}-shared-${randomBytes(3).toString('hex')}`,
    };
    [web, worker] = await Promise.all([
      spawnServer({ ...shared, SERVICES: 'web,realtime', DATA_DIR: aDataDir() }),
      spawnServer({ ...shared, SERVICES: 'worker', DATA_DIR: aDataDir() }),
    ]);
    const user = await aUser(db.sql, 'admin');
    agent = await new TestClient(web.url).signIn(user.email, user.password);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([web?.stop(), worker?.stop()]);
    await Promise.all([dovecot?.stop(), sink?.stop()]);
    await db?.drop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** What each process keeps on its own disk: no file of ours. */
  const filesOnDisk = () => dataDirs.filter((dir) => fs.existsSync(path.join(dir, 'attachments')));

  it('when the worker takes in a mail with an attachment, then the web process serves its download', async () => {
    const file = randomBytes(700 * 1024);
    const mail = aMailWithAttachment(file, 'contract.pdf');
    await dovecot.appendRaw(mail.raw);
    const [attachment] = await waitFor(
      () => db.sql<{ id: string; location: string }[]>`
        select a.id, a.location from message_attachments a join messages m on m.id = a.message_id
        where m.provider_id = ${mail.messageId}`,
      (rows) => rows.length > 0,
    );
    expect(attachment.location).toBe(`files:${sha256(file)}`);

    const res = await fetch(`${web.url}/api/attachments/${attachment.id}`, { headers: { cookie: agent.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('contract.pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
    const part = await fetch(`${web.url}/api/attachments/${attachment.id}`, {
      headers: { cookie: agent.cookie!, range: 'bytes=262100-262199' },
    });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(262100, 262200))).toBe(true);
    expect(filesOnDisk()).toEqual([]);
    if (store === 's3') expect(await s3.objectKeys()).toContain(`files/${sha256(file)}`);
  });

  it('when an agent uploads a file through the web process and replies with it, then the worker sends it to the SMTP server', async () => {
    const [ticket] = await waitFor(
      () => db.sql<{ ticketId: string }[]>`
        select ticket_id from messages where channel = 'email' and direction = 'inbound' limit 1`,
      (rows) => rows.length > 0,
    );
    const file = randomBytes(1024 * 1024 + 17);
    const uploaded = await fetch(`${web.url}/api/uploads?filename=${encodeURIComponent('quote.pdf')}`, {
      method: 'POST',
      headers: { cookie: agent.cookie!, 'content-type': 'application/pdf' },
      body: new Uint8Array(file),
    });
    expect(uploaded.status).toBe(201);
    const { upload } = (await uploaded.json()) as { upload: { id: string } };
    const reply = await agent.post(`/api/tickets/${ticket.ticketId}/replies`, {
      text: 'Here is our quote.',
      attachments: [{ uploadId: upload.id }],
    });
    expect(reply.status).toBe(201);

    const [sent] = await sink.waitFor(1);
    expect(sent.parsed.attachments).toHaveLength(1);
    expect(sent.parsed.attachments[0]).toMatchObject({ filename: 'quote.pdf', contentType: 'application/pdf' });
    expect(sent.parsed.attachments[0].content.equals(file)).toBe(true);
    await waitFor(
      () => db.sql<{ status: string }[]>`select status from messages where id = ${reply.body.message.id}`,
      ([m]) => m.status === 'sent',
    );
    expect(filesOnDisk()).toEqual([]);
  });
});
