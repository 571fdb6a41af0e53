import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maybeAutoAcknowledge } from '../../server/email/autoAcknowledge';
import { startMailboxSyncs } from '../../server/email/mailboxSync';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { imapLogins, imapSessions, watchImapSessions } from '../support/mail/imapSessions';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// The server serves the API only; the mailbox sync a worker runs is started here, with a short backoff, so twenty
// failed connections take seconds rather than the production schedule's minutes.
let db: TestDatabase;
let dovecot: Dovecot;
let env: Record<string, string>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let syncs: ReturnType<typeof startMailboxSyncs> | null = null;
let mailboxId: string;
let queueId: string;

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));
const startSyncs = () =>
  (syncs = startMailboxSyncs(server.ctx, maybeAutoAcknowledge, {
    leaseCheckMs: 200,
    firstBackoffMs: 50,
    maxBackoffMs: 200,
  }));
const stopSyncs = async () => {
  await syncs?.close();
  syncs = null;
};

async function addMailbox(name: string, imapUser: string, folder = 'INBOX') {
  const res = await admin.post('/api/admin/mailboxes', {
    name,
    address: `${name.toLowerCase()}@example.com`,
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapTls: false,
    imapUser,
    imapPassword: dovecot.password,
    folder,
    queueId,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  env = testEnv(db.url, { SERVICES: 'web' });
  server = await startTestServer(env);
  const user = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(user.email, user.password);
  queueId = await aQueue(db.sql, { entryForChannels: ['email'] });
  mailboxId = await addMailbox('Support', dovecot.user);
  startSyncs();
}, 60_000);
afterAll(async () => {
  await stopSyncs();
  await server?.stop();
  await dovecot?.stop();
  await db?.drop();
});

/** A customer's ordinary mail. */
function goodMail(subject: string) {
  const messageId = `<${randomBytes(8).toString('hex')}@mail.customer.example>`;
  const raw = Buffer.from(
    [
      `Message-ID: ${messageId}`,
      'Date: Tue, 24 Nov 2026 10:00:00 +0000',
      'From: Paula Example <paula@customer.example>',
      'To: support@example.com',
      `Subject: ${subject}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      `About: ${subject}`,
    ].join('\r\n'),
  );
  return { messageId, raw };
}

/** A mail no database can take as it is: its Message-ID is far larger than an index entry may be. */
function poisonMail(tag: string) {
  return Buffer.from(
    fixture('poison-message-id-too-long.eml')
      .toString('latin1')
      .replace('@bulk.spam.example>', `.${tag}@bulk.spam.example>`)
      .replace('Subject: Limited offer', `Subject: Limited offer ${tag}`),
    'latin1',
  );
}

const ticketOf = async (providerId: string) =>
  (
    await waitFor(
      () => db.sql<{ ticketId: string }[]>`select ticket_id from messages where provider_id = ${providerId}`,
      (rows) => rows.length === 1,
    )
  )[0].ticketId;

const failedMails = async (box = mailboxId) => {
  const res = await admin.get(`/api/admin/failed-mails?mailboxId=${box}`);
  expect(res.status).toBe(200);
  return res.body.failedMails as { id: string; uid: string; subject: string | null; error: string; attempts: number }[];
};
const failedWithSubject = async (subject: string) =>
  (await waitFor(failedMails, (rows) => rows.some((r) => r.subject === subject))).find((r) => r.subject === subject)!;

/** Whether the mail with this UID is still in the folder, and its flags. */
async function onServer(uid: number, user = dovecot.user) {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    const message = await client.fetchOne(String(uid), { flags: true }, { uid: true });
    return message ? { present: true, flags: [...(message.flags ?? [])] } : { present: false, flags: [] };
  } finally {
    await client.logout();
  }
}

const health = async () =>
  (
    (await admin.get('/api/mailboxes/health')).body.mailboxes as { id: string; state: string; failedMails: number }[]
  ).find((m) => m.id === mailboxId)!;

describe('a mail that cannot be stored', () => {
  it('when poison mails arrive between good ones, then every good one becomes a ticket and each poison one is a failed mail, left unread on the server', async () => {
    const good = [goodMail('First good'), goodMail('Second good'), goodMail('Third good')];
    const first = await dovecot.appendRaw(good[0].raw);
    const poisonA = await dovecot.appendRaw(poisonMail('a'));
    await dovecot.appendRaw(good[1].raw);
    const poisonB = await dovecot.appendRaw(poisonMail('b'));
    await dovecot.appendRaw(good[2].raw);

    for (const mail of good) await ticketOf(mail.messageId);
    const failed = await waitFor(failedMails, (rows) => rows.length === 2);
    expect(failed.map((f) => [Number(f.uid), f.subject])).toEqual([
      [poisonA.uid, 'Limited offer a'],
      [poisonB.uid, 'Limited offer b'],
    ]);
    expect(failed[0].error).toMatch(/index row/);
    expect(await health()).toMatchObject({ state: 'connected', failedMails: 2 });

    expect(await onServer(poisonA.uid)).toEqual({ present: true, flags: [] });
    await expect.poll(async () => (await onServer(first.uid)).flags).toContain('\\Seen');
    const raw = await admin.get(`/api/admin/failed-mails/${failed[0].id}/raw`);
    expect(raw.headers.get('content-type')).toMatch(/^message\/rfc822/);
    // As the server returned it: IMAP hands every line over with CRLF.
    expect(raw.text).toBe(poisonMail('a').toString('latin1').replace(/\r?\n/g, '\r\n'));
  });

  it('when an admin retries a failed mail after its cause is gone, then its ticket appears and it leaves the list; still failing, a 422 says why', async () => {
    // A rule the database enforces stands in for a fault later fixed (a bug, a schema the mail did not fit).
    await db.sql`alter table messages add constraint no_mail_about_x check (subject is distinct from 'Fails until fixed')`;
    const mail = goodMail('Fails until fixed');
    await dovecot.appendRaw(mail.raw);
    const failed = await failedWithSubject('Fails until fixed');
    expect(failed.error).toMatch(/no_mail_about_x/);

    const again = await admin.post(`/api/admin/failed-mails/${failed.id}/retry`);
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({
      code: 'intake_failed',
      message: expect.stringMatching(/no_mail_about_x/),
    });
    expect((await failedWithSubject('Fails until fixed')).attempts).toBe(2);

    await db.sql`alter table messages drop constraint no_mail_about_x`;
    const retried = await admin.post(`/api/admin/failed-mails/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.ticketId).toBe(await ticketOf(mail.messageId));
    expect((await failedMails()).map((f) => f.subject)).not.toContain('Fails until fixed');
  });

  it('when an admin dismisses a failed mail, then it leaves the list and the mail stays on the server', async () => {
    const failed = (await failedMails()).find((f) => f.subject === 'Limited offer a')!;
    const dismissed = await admin.request('DELETE', `/api/admin/failed-mails/${failed.id}`);
    expect(dismissed.status).toBe(204);
    expect((await failedMails()).map((f) => f.subject)).not.toContain('Limited offer a');
    expect((await onServer(Number(failed.uid))).present).toBe(true);
    expect(await health()).toMatchObject({ failedMails: 1 });

    const gone = await admin.request('DELETE', `/api/admin/failed-mails/${failed.id}`);
    expect(gone.status).toBe(404);
    expect((await admin.post(`/api/admin/failed-mails/${failed.id}/retry`)).status).toBe(404);
    const bad = await admin.post('/api/admin/failed-mails/not-a-uuid/retry');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'id', message: 'must be a UUID' }]);
  });

  it('when the file store fails (the database disk is full), then the mail is not set aside but retried until the store is back, and stored once', async () => {
    // PostgreSQL's own answer when it cannot extend a table's file: SQLSTATE 53100, disk_full.
    await db.sql.unsafe(`
      create function refuse_file_chunks() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file: No space left on device' using errcode = 'disk_full'; end $$;
      create trigger file_store_full before insert on file_chunks for each row execute function refuse_file_chunks();`);
    const before = (await failedMails()).length;
    const filesBefore = await db.sql`select id from files order by id`;
    const messageId = messageIdOf('attachments.eml');
    try {
      await dovecot.appendRaw(fixture('attachments.eml'));
      await waitFor(
        () => db.sql`select state, last_error from mailboxes where id = ${mailboxId}`,
        ([m]) => m.state === 'error' && /No space left on device/.test(m.lastError),
      );
      const loginsThen = imapLogins(dovecot, dovecot.user);
      await waitFor(
        async () => imapLogins(dovecot, dovecot.user),
        (n) => n >= loginsThen + 3,
      );
      expect((await failedMails()).length).toBe(before);
      expect(await db.sql`select 1 from messages where provider_id = ${messageId}`).toHaveLength(0);
      // The message and its files are one transaction: nothing of the mail is in the store either.
      expect(await db.sql`select id from files order by id`).toEqual(filesBefore);
    } finally {
      await db.sql.unsafe('drop trigger file_store_full on file_chunks; drop function refuse_file_chunks();');
    }
    await ticketOf(messageId);
    expect((await failedMails()).length).toBe(before);
    const attachments = await db.sql<{ location: string }[]>`
      select a.location from message_attachments a join messages m on m.id = a.message_id where m.provider_id = ${messageId}`;
    expect(attachments.length).toBeGreaterThan(0);
    for (const { location } of attachments)
      expect(await server.ctx.files.exists(location.slice('files:'.length)), location).toBe(true);
    await waitFor(health, (m) => m.state === 'connected');
  });
});

/** The Message-ID a fixture carries. */
function messageIdOf(name: string) {
  return fixture(name)
    .toString('latin1')
    .match(/^Message-ID:\s*(<[^>]+>)/im)![1];
}

describe('one IMAP connection per mailbox, whatever fails', () => {
  it('when twenty mails in a row cannot be stored, then the mailbox never holds more than one connection', async () => {
    await stopSyncs();
    const before = (await failedMails()).length;
    for (let i = 0; i < 20; i++) await dovecot.appendRaw(poisonMail(`burst-${i}`));
    const after = goodMail('After the burst');
    await dovecot.appendRaw(after.raw);
    await waitFor(
      () => imapSessions(dovecot, dovecot.user),
      (n) => n === 0,
    );

    const watch = watchImapSessions(dovecot, dovecot.user);
    startSyncs();
    await ticketOf(after.messageId);
    await waitFor(failedMails, (rows) => rows.length === before + 20);
    const { most, samples } = await watch.stop();
    expect(samples).toBeGreaterThan(0);
    expect(most).toBe(1);
    expect(await imapSessions(dovecot, dovecot.user)).toBe(1);
  });

  it('when connecting fails twenty times (the folder is missing), then each failed attempt closes its connection before the next', async () => {
    const user = 'nowhere';
    const box = await addMailbox('Nowhere', user, 'Missing');
    await stopSyncs();
    const watch = watchImapSessions(dovecot, user, 20);
    startSyncs();
    await waitFor(
      async () => imapLogins(dovecot, user),
      (n) => n >= 20,
      30_000,
    );
    const { most, samples } = await watch.stop();
    await waitFor(
      () => db.sql`select state, last_error from mailboxes where id = ${box}`,
      ([m]) => m.state === 'error' && /NO .*Mailbox doesn't exist/i.test(m.lastError),
    );
    expect(samples).toBeGreaterThan(10);
    expect(most).toBeLessThanOrEqual(1);

    expect((await admin.patch(`/api/admin/mailboxes/${box}`, { folder: 'INBOX' })).status).toBe(200);
    await stopSyncs();
    startSyncs();
    await waitFor(
      () => db.sql`select state from mailboxes where id = ${box}`,
      ([m]) => m.state === 'connected',
    );
    expect(await imapSessions(dovecot, user)).toBe(1);
  });
});

describe('sender fallback', () => {
  const customerOf = async (providerId: string) =>
    (
      await db.sql<
        { name: string | null; identity: string | null; fromHeader: string | null; fromAddress: string | null }[]
      >`
        select c.name, i.value as identity, m.from_header, m.from_address
        from messages m join tickets t on t.id = m.ticket_id join customers c on c.id = t.customer_id
        left join customer_identities i on i.customer_id = c.id
        where m.provider_id = ${providerId}`
    )[0];

  it.each([
    ['poison-from-quoted-local.eml', '"Millions Lottery Spain transfer"@example.com>', null],
    ['poison-from-redacted.eml', 'redacted@redacted', null],
    ['sender-mailer-daemon-only.eml', 'MAILER-DAEMON', null],
    ['sender-none.eml', 'Unknown sender', null],
    ['sender-no-from.eml', 'Web Form Relay', 'forms@customer.example'],
    ['sender-two-from-first-junk.eml', 'Bob Builder', 'bob.builder@customer.example'],
    ['sender-from-empty-angle.eml', null, 'notify@status.partner.example'],
    ['sender-reply-to-only.eml', 'Grace Hopper', 'grace@customer.example'],
  ])('when %s arrives, then it opens a ticket for %s (%s), with the From header kept', async (file, name, identity) => {
    const raw = fixture(file);
    await dovecot.appendRaw(raw);
    const providerId = messageIdOf(file);
    await ticketOf(providerId);
    const stored = await customerOf(providerId);
    expect(stored).toMatchObject({ name, identity, fromAddress: identity });
    const fromLines = raw
      .toString('latin1')
      .split('\n')
      .filter((l) => /^From:/i.test(l))
      .map((l) => l.slice(5).trim());
    expect(stored.fromHeader).toBe(fromLines.length ? fromLines.join('\n') : null);
  });

  it('when the same sender with no usable address writes twice, then each mail is its own customer (no identity joins them)', async () => {
    const second = fixture('poison-from-redacted.eml').toString('latin1').replace('<export.9921@', '<export.9922@');
    await dovecot.appendRaw(Buffer.from(second, 'latin1'));
    await ticketOf('<export.9922@tickets.partner.example>');
    const customers = await db.sql`
      select distinct t.customer_id from messages m join tickets t on t.id = m.ticket_id
      where m.provider_id in ('<export.9921@tickets.partner.example>', '<export.9922@tickets.partner.example>')`;
    expect(customers).toHaveLength(2);
  });
});

describe('Message-ID dedupe keeps different mails', () => {
  const stored = () =>
    db.sql<{ providerId: string; fromAddress: string; bodyText: string }[]>`
      select provider_id, from_address, body_text from messages
      where provider_id like ${'<0000000000@mailer.spam.example>%'} order by created_at`;

  it('when another sender or other content reuses a Message-ID, then each is stored; a true redelivery changes nothing', async () => {
    await dovecot.appendRaw(fixture('dedupe-original.eml'));
    await waitFor(stored, (rows) => rows.length === 1);
    await dovecot.appendRaw(fixture('dedupe-other-sender.eml'));
    await dovecot.appendRaw(fixture('dedupe-other-content.eml'));
    const rows = await waitFor(stored, (r) => r.length === 3);
    expect(rows.map((r) => [r.fromAddress, r.bodyText.trim()])).toEqual([
      ['henry@customer.example', 'My password reset link has expired twice today.'],
      ['irene@other.example', 'My password reset link has expired twice today.'],
      ['henry@customer.example', 'Update: it works now, please close my request.'],
    ]);
    expect(rows[0].providerId).toBe('<0000000000@mailer.spam.example>');

    // The same mail again by another route (an extra Received header), and each variant again: nothing new.
    const marker = goodMail('After the redeliveries');
    await dovecot.appendRaw(fixture('dedupe-redelivery.eml'));
    await dovecot.appendRaw(fixture('dedupe-other-sender.eml'));
    await dovecot.appendRaw(fixture('dedupe-other-content.eml'));
    await dovecot.appendRaw(marker.raw);
    await ticketOf(marker.messageId);
    expect(await stored()).toEqual(rows);
  });
});
