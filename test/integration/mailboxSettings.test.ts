import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInboundEmail } from '../../server/email/processInboundEmail';
import { aQueue, aSkill, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
  const user = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(user.email, user.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const settings = {
  name: 'Support',
  address: 'Support@Example.com',
  imapHost: 'imap.example.com',
  imapUser: 'support',
  imapPassword: 'imap-secret',
  smtpHost: 'smtp.example.com',
  smtpPort: 587,
  smtpPassword: 'smtp-secret',
  active: false,
};

describe('mailbox settings', () => {
  it('when an admin adds a mailbox, then it is stored and listed without its passwords', async () => {
    const res = await admin.post('/api/admin/mailboxes', settings);
    expect(res.status).toBe(201);
    const [listed] = (await admin.get('/api/admin/mailboxes')).body.mailboxes;
    expect(listed).toMatchObject({
      name: 'Support',
      address: 'support@example.com',
      imapPort: 993,
      imapTls: true,
      folder: 'INBOX',
      hasImapPassword: true,
      hasSmtpPassword: true,
    });
    expect(JSON.stringify(listed)).not.toMatch(/secret/);
    expect((await admin.post('/api/admin/mailboxes', settings)).status).toBe(409);
  });

  it('when settings are wrong, then it answers 400 naming the field and stores nothing', async () => {
    const res = await admin.post('/api/admin/mailboxes', {
      ...settings,
      name: 'Other',
      address: 'other@example.com',
      imapPort: 70000,
      imapHost: 'bad host!',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['imapHost', 'imapPort']);
    expect(await db.sql`select 1 from mailboxes where address = 'other@example.com'`).toHaveLength(0);
  });

  it('when the folder changes, then the sync position restarts; a change without passwords keeps them', async () => {
    const [{ id }] = await db.sql`select id from mailboxes where address = 'support@example.com'`;
    await db.sql`update mailboxes set uid_validity = 42, last_uid = 17 where id = ${id}`;
    const passwords = () =>
      db.sql`select imap_password_encrypted, smtp_password_encrypted from mailboxes where id = ${id}`.then((r) => r[0]);
    const before = await passwords();
    expect((await admin.patch(`/api/admin/mailboxes/${id}`, { folder: 'Support' })).status).toBe(200);
    expect((await db.sql`select uid_validity, last_uid from mailboxes where id = ${id}`)[0]).toEqual({
      uidValidity: null,
      lastUid: '0',
    });
    expect(await passwords()).toEqual(before);
    expect(server.ctx.secrets.open(before.imapPasswordEncrypted)).toBe('imap-secret');
    expect(server.ctx.secrets.open(before.smtpPasswordEncrypted)).toBe('smtp-secret');
    const audit = await db.sql`select data from audit_log where entity_id = ${id} and action = 'mailbox.updated'`;
    expect(audit[0].data).toEqual({ folder: 'Support', passwordsChanged: false });
  });

  it('when a supervisor checks mail health, then each mailbox’s state is listed; agents may not', async () => {
    const supervisor = await aUser(db.sql, 'supervisor');
    const client = await new TestClient(server.url).signIn(supervisor.email, supervisor.password);
    const health = await client.get('/api/mailboxes/health');
    expect(health.body.mailboxes).toEqual([
      expect.objectContaining({ name: 'Support', state: expect.any(String), lastError: null }),
    ]);
    const agent = await aUser(db.sql, 'agent');
    expect(
      (await (await new TestClient(server.url).signIn(agent.email, agent.password)).get('/api/mailboxes/health'))
        .status,
    ).toBe(403);
  });
});

describe('attachments', () => {
  it('when a mail with attachments arrives, then each is stored once by content and downloadable by those who may see the ticket', async () => {
    const skill = await aSkill(db.sql);
    const queueId = await aQueue(db.sql, { skills: [skill] });
    const [{ id: mailboxId }] = await db.sql`select id from mailboxes limit 1`;
    const raw = fs.readFileSync(new URL('../fixtures/email/attachments.eml', import.meta.url));
    const result = await processInboundEmail(
      server.ctx,
      { id: mailboxId, queueId, maxAttachmentBytes: 10 * 1024 * 1024 },
      raw,
    );
    expect(result.kind).toBe('contact');
    const rows = await db.sql<{ id: string; filename: string; location: string; sizeBytes: string }[]>`
      select a.id, a.filename, a.location, a.size_bytes from message_attachments a join messages m on m.id = a.message_id
      where m.provider_id = '<att.9001@mail.customer.example>' order by a.filename`;
    const expected = (await simpleParser(raw)).attachments.sort((a, b) =>
      (a.filename ?? '').localeCompare(b.filename ?? ''),
    );
    expect(rows.map((r) => r.filename)).toEqual(expected.map((a) => a.filename));
    for (const [i, row] of rows.entries()) {
      expect(row.location).toMatch(/^files:[0-9a-f]{64}$/);
      const res = await fetch(`${server.url}/api/attachments/${row.id}`, { headers: { cookie: admin.cookie! } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('attachment');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(expected[i].content)).toBe(true);
    }
    const outsider = await aUser(db.sql, 'agent');
    const outsiderClient = await new TestClient(server.url).signIn(outsider.email, outsider.password);
    expect((await outsiderClient.get(`/api/attachments/${rows[0].id}`)).status).toBe(404);
    // Delivered again: nothing new is stored.
    const filesBefore = await db.sql`select id, key from files order by id`;
    await processInboundEmail(server.ctx, { id: mailboxId, queueId, maxAttachmentBytes: 10 * 1024 * 1024 }, raw);
    expect(await db.sql`select id, key from files order by id`).toEqual(filesBefore);
    const keys = rows.map((r) => r.location.slice('files:'.length));
    expect(await db.sql`select count(*)::int as n from files where key = any(${keys})`).toEqual([
      { n: new Set(keys).size },
    ]);
  });

  it('when an attachment row points outside the data folder, then it is not served', async () => {
    const [{ id: messageId }] = await db.sql`select id from messages limit 1`;
    const [{ id }] =
      await db.sql`insert into message_attachments (message_id, filename, content_type, size_bytes, location) values (${messageId}, 'passwd', 'text/plain', 1, '../../../../etc/passwd') returning id`;
    expect((await admin.get(`/api/attachments/${id}`)).status).toBe(404);
  });
});
