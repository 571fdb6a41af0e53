// The mail corpus of issue 14 (test/fixtures/email/corpus.json, written by generateCorpus.ts) appended to a real
// dovecot mailbox the product watches, then every expectation compared with what the product stored and shows:
// subject, sender, body, attachments (name, type, size, bytes), the automation flag, threading, and for bounces
// the reply they fail (or only note, for a delay) or the undeliverable list they land on.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus, CorpusEntry } from '../fixtures/email/corpusManifest';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';
import { LONG_WAIT_MS } from '../support/timeouts';

const folder = new URL('../fixtures/email/', import.meta.url);
const corpus = JSON.parse(fs.readFileSync(new URL('corpus.json', folder), 'utf8')) as Corpus;
const raw = (file: string) => fs.readFileSync(new URL(file, folder));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let db: TestDatabase;
let dovecot: Dovecot;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let mailboxId: string;
/** The ticket each stored corpus mail is on (by file), and each seeded reply's message id (by key). */
const ticketOf = new Map<string, string>();
const replyRow = new Map<string, string>();

interface StoredMail {
  id: string;
  ticketId: string;
  subject: string | null;
  bodyText: string;
  fromAddress: string;
  customerName: string | null;
  automated: string | null;
}

const storedMail = (providerId: string) => db.sql<StoredMail[]>`
  select m.id, m.ticket_id, m.subject, m.body_text, m.from_address, c.name as customer_name,
         m.metadata->>'automated' as automated
  from messages m join tickets t on t.id = m.ticket_id join customers c on c.id = t.customer_id
  where m.channel = 'email' and m.direction = 'inbound' and m.provider_id = ${providerId}`;

/** Waits until the product has accounted for the mail the way the manifest says it will. */
async function accountedFor(mail: CorpusEntry) {
  const read = {
    ticket: () => storedMail(mail.messageId),
    noted: () => db.sql`select 1 from messages where channel = 'note' and provider_id = ${mail.messageId}`,
    undeliverable: () => db.sql`select 1 from undeliverable_mails where report_id = ${mail.messageId}`,
  }[mail.outcome];
  await waitFor(read, (rows) => rows.length === 1, LONG_WAIT_MS);
}

async function appendAll(phase: 1 | 2) {
  const mails = corpus.mails.filter((m) => m.phase === phase);
  for (const mail of mails) await dovecot.appendRaw(raw(mail.file));
  for (const mail of mails) await accountedFor(mail);
  for (const mail of mails.filter((m) => m.outcome === 'ticket'))
    ticketOf.set(mail.file, (await storedMail(mail.messageId))[0].ticketId);
}

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  const env = testEnv(db.url);
  server = await startTestServer(env);
  const queueId = await aQueue(db.sql, { entryForChannels: ['email'] });
  const user = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(user.email, user.password);
  const created = await admin.post('/api/admin/mailboxes', {
    name: 'Support',
    address: 'support@example.com',
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapTls: false,
    imapUser: dovecot.user,
    imapPassword: dovecot.password,
    queueId,
  });
  expect(created.status).toBe(201);
  mailboxId = created.body.id;
  // Started again, the worker syncs the new mailbox at once rather than at its next look for mailboxes.
  await server.stop();
  server = await startTestServer(env);
  admin = await new TestClient(server.url).signIn(user.email, user.password);

  await appendAll(1);
  // The replies "we sent" that the second half of the corpus answers or bounces.
  for (const reply of corpus.sentReplies) {
    const [row] = await db.sql<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, mailbox_id, provider_id, from_address, to_address, subject, body_text)
      values (${ticketOf.get(reply.ticketOf)!}, 'email', 'outbound', 'sent', ${mailboxId}, ${reply.providerId},
              'support@example.com', ${reply.to}, 'Re: your request', 'Our answer')
      returning id`;
    replyRow.set(reply.key, row.id);
  }
  await appendAll(2);
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await dovecot?.stop();
  await db?.drop();
});

/** An attachment's bytes as an agent downloads them. */
async function download(id: string) {
  const res = await fetch(`${server.url}/api/attachments/${id}`, { headers: { cookie: admin.cookie! } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const ticketExpected = corpus.mails.filter((m) => m.outcome === 'ticket');
const bounces = corpus.mails.filter((m) => m.outcome !== 'ticket');

describe('the mail corpus through a real mailbox', () => {
  it('holds at least 40 real-world-shaped mails', () => {
    expect(corpus.mails.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ticketExpected.map((m) => [m.file, m] as const))('%s: stored as the customer wrote it', async (_, mail) => {
    const [stored] = await storedMail(mail.messageId);
    expect(stored.subject).toBe(mail.subject);
    expect(stored.fromAddress.toLowerCase()).toBe(mail.sender!.address);
    expect(stored.customerName).toBe(mail.sender!.name);
    for (const text of mail.body ?? []) expect(stored.bodyText).toContain(text);
    for (const text of mail.bodyExcludes ?? []) expect(stored.bodyText).not.toContain(text);
    if (mail.automated === null) expect(stored.automated).toBeNull();
    else expect(stored.automated).toContain(mail.automated);

    const files = await db.sql<{ id: string; filename: string; contentType: string; sizeBytes: string }[]>`
      select id, filename, content_type, size_bytes from message_attachments where message_id = ${stored.id} order by created_at, id`;
    const downloaded = await Promise.all(
      files.map(async (f) => ({
        filename: f.filename,
        contentType: f.contentType,
        sizeBytes: Number(f.sizeBytes),
        sha256: sha256(await download(f.id)),
      })),
    );
    expect(downloaded).toEqual(mail.attachments ?? []);

    if (mail.threadsWith) {
      const expected = mail.threadsWith.startsWith('reply:')
        ? ticketOf.get(corpus.sentReplies.find((r) => `reply:${r.key}` === mail.threadsWith)!.ticketOf)
        : ticketOf.get(mail.threadsWith);
      expect(stored.ticketId).toBe(expected);
    }
  });

  it('when mails do not say they answer anything, then each opens a ticket of its own', async () => {
    const firsts = ticketExpected.filter((m) => !m.threadsWith);
    expect(new Set(firsts.map((m) => ticketOf.get(m.file))).size).toBe(firsts.length);
  });

  it.each(bounces.filter((m) => m.bounce).map((m) => [m.file, m] as const))(
    '%s: noted on the ticket of the reply it reports',
    async (_, mail) => {
      const { bounce } = mail;
      const reply = corpus.sentReplies.find((r) => r.key === bounce!.reply)!;
      const ticketId = ticketOf.get(reply.ticketOf)!;
      const [note] = await db.sql<{ ticketId: string; bodyText: string }[]>`
        select ticket_id, body_text from messages where channel = 'note' and provider_id = ${mail.messageId}`;
      expect(note.ticketId).toBe(ticketId);
      expect(note.bodyText).toContain(bounce!.note);
      const [row] = await db.sql<{ status: string; errorMessage: string | null }[]>`
        select status, error_message from messages where id = ${replyRow.get(reply.key)!}`;
      expect(row.status).toBe(bounce!.replyStatus);
      if (bounce!.kind === 'failed') expect(row.errorMessage).toBeTruthy();
      else expect(row.errorMessage).toBeNull();
      // No ticket for the mailer daemon.
      expect(await storedMail(mail.messageId)).toEqual([]);
    },
  );

  it('when a bounce reports no message of ours, then it is on the undeliverable list admins read, and opens no ticket', async () => {
    const res = await admin.get(`/api/admin/undeliverable-mails?mailboxId=${mailboxId}`);
    expect(res.status).toBe(200);
    const listed = res.body.undeliverableMails as { reportId: string; [key: string]: unknown }[];
    const expected = bounces.filter((m) => m.undeliverable);
    expect(listed.map((u) => u.reportId).sort()).toEqual(expected.map((m) => m.messageId).sort());
    for (const mail of expected) {
      expect(listed.find((u) => u.reportId === mail.messageId)).toMatchObject({
        ...mail.undeliverable,
        mailboxName: 'Support',
      });
      expect(await storedMail(mail.messageId)).toEqual([]);
    }
  });

  it('when the admin downloads a listed bounce, then it is the bytes that arrived; an agent may not read the list', async () => {
    const [row] = (await admin.get('/api/admin/undeliverable-mails')).body.undeliverableMails as {
      id: string;
      reportId: string;
    }[];
    const file = corpus.mails.find((m) => m.messageId === row.reportId)!.file;
    const res = await fetch(`${server.url}/api/admin/undeliverable-mails/${row.id}/raw`, {
      headers: { cookie: admin.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^message\/rfc822/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(raw(file));
    const agent = await aUser(db.sql, 'agent');
    const asAgent = await new TestClient(server.url).signIn(agent.email, agent.password);
    expect((await asAgent.get('/api/admin/undeliverable-mails')).status).toBe(403);
    expect((await admin.get('/api/admin/undeliverable-mails?limit=0')).status).toBe(400);
  });

  it('when every mail is in, then no subject, name or body anywhere holds a replacement character', async () => {
    const broken = await db.sql`
      select m.provider_id from messages m join tickets t on t.id = m.ticket_id join customers c on c.id = t.customer_id
      where m.channel = 'email' and (m.subject like '%' || chr(65533) || '%' or m.body_text like '%' || chr(65533) || '%'
                                     or c.name like '%' || chr(65533) || '%')`;
    expect(broken).toEqual([]);
    const names = await db.sql`select filename from message_attachments where filename like '%' || chr(65533) || '%'`;
    expect(names).toEqual([]);
  });
});
