import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { startSmtpSink } from '../support/mail/smtpSink';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let dovecot: Dovecot;
let env: Record<string, string>;
let server: Awaited<ReturnType<typeof startTestServer>> | null = null;
let mailboxId: string;

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));
const restart = async () => {
  await server?.stop();
  server = await startTestServer(env);
};

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  const queue = await aQueue(db.sql, { entryForChannels: ['email'] });
  [{ id: mailboxId }] = await db.sql`
    insert into mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted, queue_id)
    values ('Support', 'support@example.com', ${dovecot.host}, ${dovecot.port}, false, ${dovecot.user}, ${sealedForTests(dovecot.password)}, ${queue})
    returning id`;
  env = testEnv(db.url);
  await restart();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await dovecot?.stop();
  await db?.drop();
});

/** A customer's mail as their client would send it. */
function aMail(subject: string, body: string, headers: Record<string, string> = {}) {
  const messageId = `<${randomBytes(8).toString('hex')}@mail.customer.example>`;
  const lines = [
    `Message-ID: ${messageId}`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    'From: Alice Example <alice@customer.example>',
    'To: support@example.com',
    `Subject: ${subject}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
  ];
  return { messageId, raw: Buffer.from(lines.join('\r\n')) };
}

const stored = (providerId: string) => db.sql<
  {
    id: string;
    ticketId: string;
    subject: string;
    bodyText: string;
    mailboxId: string;
    metadata: Record<string, unknown>;
  }[]
>`
  select id, ticket_id, subject, body_text, mailbox_id, metadata from messages where channel = 'email' and provider_id = ${providerId}`;
const storedOnce = async (providerId: string) =>
  (
    await waitFor(
      () => stored(providerId),
      (rows) => rows.length > 0,
    )
  )[0];

async function flagsOf(uid: number) {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    const message = await client.fetchOne(String(uid), { flags: true }, { uid: true });
    return message ? [...(message.flags ?? [])] : [];
  } finally {
    await client.logout();
  }
}

describe('email intake over IMAP', () => {
  it('when a customer writes, then a ticket opens with the mail, and the mail is marked seen (never deleted)', async () => {
    const { uid } = await dovecot.appendRaw(fixture('plain.eml'));
    const message = await storedOnce('<CAF1plain.4711@mail.customer.example>');
    expect(message).toMatchObject({ subject: 'Printer on fire', mailboxId });
    const [ticket] =
      await db.sql`select t.channel, t.subject, c.value from tickets t join customer_identities c on c.customer_id = t.customer_id where t.id = ${message.ticketId}`;
    expect(ticket).toEqual({ channel: 'email', subject: 'Printer on fire', value: 'alice@customer.example' });
    await expect.poll(() => flagsOf(uid)).toContain('\\Seen');
  });

  it('when the customer replies, then it joins the ticket by References; a mail quoting the ticket’s token joins it too', async () => {
    const first = await storedOnce('<CAF1plain.4711@mail.customer.example>');
    await dovecot.appendRaw(fixture('reply.eml'));
    expect((await storedOnce('<CAF1reply.4712@mail.customer.example>')).ticketId).toBe(first.ticketId);
    const [{ number }] = await db.sql`select number from tickets where id = ${first.ticketId}`;
    const tokened = aMail(`Still broken [#${number}]`, 'Any news?');
    await dovecot.appendRaw(tokened.raw);
    expect((await storedOnce(tokened.messageId)).ticketId).toBe(first.ticketId);
  });

  it('when a mail has a Chinese subject and body (RFC 2047, base64), then they are stored intact', async () => {
    await dovecot.appendRaw(fixture('chinese.eml'));
    const message = await storedOnce('<20261124.zh.0001@mail.customer.example>');
    expect(message.subject).toBe(Buffer.from('5omT5Y2w5py65peg5rOV6L+e5o6l572R57uc', 'base64').toString('utf8'));
    expect(message.bodyText).toMatch(/[\u4e00-\u9fff]{4,}/);
  });

  it('when the same mail is seen twice (a second copy, then a full re-read on reconnect), then it is stored once', async () => {
    const mail = aMail('Seen twice', 'Only once please');
    await dovecot.appendRaw(mail.raw);
    await storedOnce(mail.messageId);
    await dovecot.appendRaw(mail.raw);
    await db.sql`update mailboxes set last_uid = 0 where id = ${mailboxId}`;
    await restart();
    await waitFor(
      async () =>
        (
          await db.sql`select last_synced_at > now() - interval '5 seconds' as fresh from mailboxes where id = ${mailboxId}`
        )[0].fresh,
      Boolean,
    );
    await waitFor(
      async () => Number((await db.sql`select last_uid from mailboxes where id = ${mailboxId}`)[0].lastUid),
      (n) => n >= 6,
    );
    expect(await stored(mail.messageId)).toHaveLength(1);
  });

  it('when the service restarts in the middle of a batch, then every mail is stored exactly once', async () => {
    await server!.stop();
    server = null;
    const mails = Array.from({ length: 8 }, (_, i) => aMail(`Batch ${i}`, `Mail ${i}`));
    for (const m of mails) await dovecot.appendRaw(m.raw);
    server = await startTestServer(env);
    await waitFor(
      async () => (await Promise.all(mails.map((m) => stored(m.messageId)))).filter((r) => r.length).length,
      (n) => n >= 1,
    );
    await restart();
    const counts = await waitFor(
      async () => Promise.all(mails.map(async (m) => (await stored(m.messageId)).length)),
      (c) => c.every((n) => n === 1),
    );
    expect(counts).toEqual(Array(8).fill(1));
  });

  it('when UIDVALIDITY changes, then the folder is read again without doubling anything', async () => {
    const before = (await db.sql`select count(*)::int as n from messages where channel = 'email'`)[0].n;
    const [{ lastUid }] = await db.sql`select last_uid from mailboxes where id = ${mailboxId}`;
    await db.sql`update mailboxes set uid_validity = 1 where id = ${mailboxId}`;
    await restart();
    await waitFor(
      async () => (await db.sql`select uid_validity from mailboxes where id = ${mailboxId}`)[0].uidValidity,
      (v) => v !== '1',
    );
    // The whole folder read again: up to the last mail it had read before.
    await waitFor(
      async () => Number((await db.sql`select last_uid from mailboxes where id = ${mailboxId}`)[0].lastUid),
      (n) => n >= Number(lastUid),
    );
    expect((await db.sql`select count(*)::int as n from messages where channel = 'email'`)[0].n).toBe(before);
  });

  it('when an out-of-office reply arrives, then it is stored and marked automated', async () => {
    await dovecot.appendRaw(fixture('out-of-office.eml'));
    const message = await storedOnce('<ooo.55120@mail.customer.example>');
    expect(message.metadata.automated).toMatch(/auto-submitted/i);
  });

  it('when a bounce arrives for a reply we sent, then that reply is marked failed on its ticket and no ticket opens for the mailer daemon', async () => {
    const first = await storedOnce('<CAF1plain.4711@mail.customer.example>');
    const [reply] = await db.sql`
      insert into messages (ticket_id, channel, direction, status, provider_id, to_address, body_text)
      values (${first.ticketId}, 'email', 'outbound', 'sent', '<reply-42.b7e1@switchboard.example.com>', 'alice@customer.example', 'Our answer')
      returning id`;
    const tickets = (await db.sql`select count(*)::int as n from tickets`)[0].n;
    await dovecot.appendRaw(fixture('postfix-dsn.eml'));
    const failed = await waitFor(
      async () => (await db.sql`select status, error_message from messages where id = ${reply.id}`)[0],
      (m) => m.status === 'failed',
    );
    expect(failed.errorMessage).toMatch(/550/);
    expect(
      await db.sql`select body_text from messages where ticket_id = ${first.ticketId} and channel = 'note'`,
    ).toEqual([{ bodyText: expect.stringMatching(/^Delivery to .* failed/) }]);
    expect((await db.sql`select count(*)::int as n from tickets`)[0].n).toBe(tickets);
  });

  it('when the IMAP server cannot be reached, then the mailbox shows the error and supervisors are told', async () => {
    const [{ id }] = await db.sql`
      insert into mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted)
      values ('Broken', 'broken@example.com', '127.0.0.1', 1, false, 'x', ${sealedForTests('y')}) returning id`;
    await restart();
    const supervisor = await aUser(db.sql, 'supervisor');
    const client = await new TestClient(server!.url).signIn(supervisor.email, supervisor.password);
    const socket = await connectSocket(server!.url, client.cookie);
    const told = nextEvent<{ mailboxId: string }>(socket, 'mailbox.changed', (e) => e.mailboxId === id);
    try {
      await told;
    } finally {
      socket.close();
    }
    const health = await waitFor(
      async () => (await db.sql`select state, last_error from mailboxes where id = ${id}`)[0],
      (m) => m.state === 'error',
    );
    expect(health.state).toBe('error');
    expect(health.lastError).toMatch(/ECONNREFUSED|connect/i);
    await db.sql`update mailboxes set active = false where id = ${id}`;
  });

  it('when auto-acknowledgement is on, then a new customer gets one acknowledgement with the ticket number, and an automated mail gets none', async () => {
    const sink = await startSmtpSink();
    try {
      await db.sql`update mailboxes set auto_ack_enabled = true, smtp_host = ${sink.host}, smtp_port = ${sink.port}, smtp_tls = false where id = ${mailboxId}`;
      const raw = (from: string, subject: string, extra = '') =>
        Buffer.from(
          [
            `Message-ID: <${randomBytes(6).toString('hex')}@example.net>`,
            `From: ${from}`,
            'To: support@example.com',
            `Subject: ${subject}`,
            extra,
            '',
            'Hello',
          ]
            .filter(Boolean)
            .join('\r\n'),
        );
      await dovecot.appendRaw(raw('Bob <bob@example.net>', 'Broken router'));
      await sink.waitFor(1);
      const [ticket] =
        await db.sql`select t.number from tickets t join messages m on m.ticket_id = t.id where m.from_address = 'bob@example.net'`;
      expect(JSON.stringify(sink.messages[0].parsed.to)).toContain('bob@example.net');
      expect(sink.messages[0].parsed.subject).toContain(`[#${ticket.number}]`);
      const { uid } = await dovecot.appendRaw(
        raw('Carol <carol@example.net>', 'Out of office', 'Auto-Submitted: auto-replied'),
      );
      // Past this mail's UID, its intake (acknowledgement decision included) is over; every send is a row first.
      await waitFor(
        async () => Number((await db.sql`select last_uid from mailboxes where id = ${mailboxId}`)[0].lastUid),
        (n) => n >= uid,
      );
      expect(await db.sql`select 1 from messages where from_address = 'carol@example.net'`).toHaveLength(1);
      expect(
        await db.sql`select 1 from messages where direction = 'outbound' and to_address = 'carol@example.net'`,
      ).toHaveLength(0);
      expect(sink.messages).toHaveLength(1);
    } finally {
      await db.sql`update mailboxes set auto_ack_enabled = false where id = ${mailboxId}`;
      await sink.stop();
    }
  });
});
