import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maybeAutoAcknowledge } from '../../server/email/autoAcknowledge';
import { intakeContact } from '../../server/intake/intakeContact';
import { reconcileOutbound } from '../../server/outbound/reconcileOutbound';
import { sendJobId } from '../../server/outbound/sendMessageTask';
import { anEmail, anSms, aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { untilJobsFinished } from '../support/jobs';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: SmtpSink;
let dataDir: string;
let client: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-email-'));
  server = await startTestServer(testEnv(db.url, { DATA_DIR: dataDir }));
  await aQueue(db.sql, { entryForChannels: ['email', 'sms'] });
  const admin = await aUser(db.sql, 'admin');
  client = await new TestClient(server.url).signIn(admin.email, admin.password);
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const suffix = () => randomBytes(4).toString('hex');

/** Uploads a file as the console does before attaching it to a reply; returns its upload id. */
async function upload(file: Buffer, filename: string, contentType: string) {
  const res = await fetch(`${server.url}/api/uploads?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: client.cookie! },
    body: new Uint8Array(file),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { upload: { id: string } }).upload.id;
}

/** A mailbox sending through the sink. Inactive, so IMAP sync leaves it alone (its IMAP settings are dummies). */
async function aMailbox(options: { smtp?: boolean; autoAck?: boolean; maxAttachmentBytes?: number } = {}) {
  const name = `Support ${suffix()}`;
  const address = `support-${suffix()}@switchboard.test`;
  const smtp = options.smtp ?? true;
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted, smtp_host, smtp_port, smtp_tls,
                           auto_ack_enabled, max_attachment_bytes, active)
    values (${name}, ${address}, 'imap.invalid', 993, 'nobody', ${sealedForTests('nothing')}, ${smtp ? sink.host : null}, ${smtp ? sink.port : null}, false,
            ${options.autoAck ?? false}, ${options.maxAttachmentBytes ?? 10 * 1024 * 1024}, false)
    returning id`;
  return { id, name, address };
}

/** A new email ticket: the customer's mail, stored by intake and filed under the mailbox, as the IMAP side does. */
async function anEmailTicket(
  mailbox: { id: string; address: string },
  options: { from?: string; subject?: string; text?: string; providerId?: string; references?: string[] } = {},
) {
  const customer = options.from ?? `customer-${suffix()}@customer.example`;
  const providerId = options.providerId ?? `<${suffix()}@customer.example>`;
  const { ticketId, messageId } = await intakeContact(
    server.ctx,
    anEmail(customer, options.subject ?? `Order ${suffix()} is late`, options.text ?? 'Where is my order?', {
      to: mailbox.address,
      providerId,
      metadata: { messageId: providerId, references: options.references ?? [] },
    }),
  );
  await db.sql`update messages set mailbox_id = ${mailbox.id} where id = ${messageId}`;
  const [{ number }] = await db.sql<{ number: string }[]>`select number from tickets where id = ${ticketId}`;
  return { ticketId, customer, providerId, number: Number(number) };
}

const sentTo = (address: string) => sink.messages.filter((m) => m.envelope.rcptTo.some((r) => r.address === address));
const waitForMail = async (address: string, count = 1) => {
  const mails = await waitFor(
    async () => sentTo(address),
    (list) => list.length >= count,
  );
  expect(mails).toHaveLength(count);
  return mails;
};
const messageRow = async (id: string) =>
  (
    await db.sql<
      {
        status: string;
        providerId: string | null;
        errorCode: string | null;
        errorMessage: string | null;
        metadata: Record<string, any>;
      }[]
    >`
    select status, provider_id, error_code, error_message, metadata from messages where id = ${id}`
  )[0];
const untilSettled = (id: string) =>
  waitFor(
    () => messageRow(id),
    (m) => m.status === 'sent' || m.status === 'failed',
  );

describe('an agent’s email reply', () => {
  it('when an agent replies with a file, then the mailbox sends it threaded under the customer’s mail, with the stored Message-ID and the file intact', async () => {
    const mailbox = await aMailbox();
    const { ticketId, customer, number } = await anEmailTicket(mailbox, {
      subject: 'Invoice question',
      providerId: '<orig@customer.example>',
      references: ['<first@customer.example>', '<second@switchboard.test>'],
    });
    const file = randomBytes(3000);
    const res = await client.post(`/api/tickets/${ticketId}/replies`, {
      text: 'Here is the corrected invoice.\nRegards',
      attachments: [{ uploadId: await upload(file, 'invoice.pdf', 'application/pdf') }],
    });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({
      channel: 'email',
      direction: 'outbound',
      status: 'queued',
      from: mailbox.address,
      to: customer,
      subject: `Re: Invoice question [#${number}]`,
      attachments: [
        expect.objectContaining({ filename: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: 3000 }),
      ],
    });

    const [mail] = await waitForMail(customer);
    const row = await untilSettled(res.body.message.id);
    expect(row.status).toBe('sent');
    expect(row.metadata).toMatchObject({
      messageId: row.providerId,
      inReplyTo: '<orig@customer.example>',
      transport: 'smtp',
    });
    const { parsed } = mail;
    expect(parsed.from?.value).toEqual([expect.objectContaining({ address: mailbox.address })]);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value).toEqual([
      expect.objectContaining({ address: customer }),
    ]);
    expect(parsed.subject).toBe(`Re: Invoice question [#${number}]`);
    expect(parsed.messageId).toBe(row.providerId);
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@switchboard\.test>$/);
    expect(parsed.inReplyTo).toBe('<orig@customer.example>');
    expect(parsed.references).toEqual([
      '<first@customer.example>',
      '<second@switchboard.test>',
      '<orig@customer.example>',
    ]);
    expect(parsed.text?.trim()).toBe('Here is the corrected invoice.\nRegards');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ filename: 'invoice.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(parsed.attachments[0].content, file)).toBe(0);

    const sha = createHash('sha256').update(file).digest('hex');
    expect(await db.sql`select location from message_attachments where message_id = ${res.body.message.id}`).toEqual([
      { location: `files:${sha}` },
    ]);
    expect(await server.ctx.files.stat(sha)).toEqual({ sizeBytes: file.length });
  });

  it('when a thread is long, then References keeps its last 20 ids, ending with the mail answered', async () => {
    const mailbox = await aMailbox();
    const earlier = Array.from({ length: 30 }, (_, i) => `<ref${i}@customer.example>`);
    const { ticketId, customer, providerId } = await anEmailTicket(mailbox, { references: earlier });
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Noted.' });
    const [mail] = await waitForMail(customer);
    expect(mail.parsed.references).toEqual([...earlier.slice(-19), providerId]);
    expect((await messageRow(res.body.message.id)).metadata.references).toHaveLength(20);
  });

  it('when the ticket and the reply are in Chinese, then subject and body arrive intact', async () => {
    const mailbox = await aMailbox();
    const { ticketId, customer, number } = await anEmailTicket(mailbox, {
      subject: '打印机无法连接网络',
      text: '打印机一直显示离线。',
    });
    const text = '您好，请先重启路由器，然后重新连接打印机。\n谢谢！';
    expect((await client.post(`/api/tickets/${ticketId}/replies`, { text })).status).toBe(201);
    const [mail] = await waitForMail(customer);
    expect(mail.parsed.subject).toBe(`Re: 打印机无法连接网络 [#${number}]`);
    expect(mail.parsed.text?.trim()).toBe(text);
    expect(mail.parsed.html).toContain('您好，请先重启路由器');
  });

  it('when the SMTP server answers 451 once, then the send is retried and delivered exactly once', async () => {
    const mailbox = await aMailbox();
    const { ticketId, customer } = await anEmailTicket(mailbox);
    sink.failNext(451);
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Second time lucky.' });
    const row = await untilSettled(res.body.message.id);
    expect(row).toMatchObject({ status: 'sent', errorCode: null });
    await waitForMail(customer);
    // The send job is done (no retry left to come): one mail, not two.
    expect(await untilJobsFinished(server.ctx.queues.messaging, [sendJobId(res.body.message.id, 0)])).toEqual([
      'completed',
    ]);
    expect(sentTo(customer)).toHaveLength(1);
    expect(sentTo(customer)[0].parsed.messageId).toBe(row.providerId);
  });

  it('when the SMTP server answers 550, then the message fails without a retry and the agent sees why', async () => {
    const mailbox = await aMailbox();
    const { ticketId, customer } = await anEmailTicket(mailbox);
    sink.failNext(550);
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Hello?' });
    const row = await untilSettled(res.body.message.id);
    expect(row).toMatchObject({ status: 'failed', errorCode: 'smtp_550' });
    // The job gave up for good: no retry is waiting.
    expect(await untilJobsFinished(server.ctx.queues.messaging, [sendJobId(res.body.message.id, 0)])).toEqual([
      'failed',
    ]);
    expect(sentTo(customer)).toHaveLength(0);
    const shown = (await client.get(`/api/tickets/${ticketId}`)).body.messages.at(-1);
    expect(shown).toMatchObject({ status: 'failed', errorCode: 'smtp_550' });
    expect(shown.errorMessage).toMatch(/550.*mailbox unavailable/);
  });

  it('when the connection drops after the message went out, then it is not sent again until checked, and the resend carries the same Message-ID', async () => {
    const mailbox = await aMailbox();
    const { ticketId, customer } = await anEmailTicket(mailbox);
    sink.dropNext();
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Did this arrive?' });
    const chosen = (await messageRow(res.body.message.id)).metadata.messageId;
    expect(chosen).toMatch(/^<[0-9a-f]{32}@switchboard\.test>$/);
    const unknown = await waitFor(
      () => messageRow(res.body.message.id),
      (m) => m.errorCode !== null,
    );
    expect(unknown).toMatchObject({ status: 'sending', providerId: null });
    expect(sentTo(customer)).toHaveLength(0);
    // SMTP cannot be asked whether it has the message: the reconciler (here with no stale bound to wait out)
    // sends it again, under the same Message-ID, which the customer's mail client uses to fold a copy that did arrive.
    expect(await reconcileOutbound(server.ctx, { staleAfterMs: 0, graceMs: 0 })).toMatchObject({ resend: 1 });
    const [mail] = await waitForMail(customer);
    expect(mail.parsed.messageId).toBe(chosen);
    expect(await untilSettled(res.body.message.id)).toMatchObject({
      status: 'sent',
      providerId: chosen,
      errorCode: null,
    });
    const history =
      await db.sql`select action, data from audit_log where entity_id = ${ticketId} and action like 'message.%' order by id`;
    expect(history.map((h) => [h.action, h.data.reason ?? null])).toEqual([
      ['message.reply_queued', null],
      ['message.resent', 'no_answer'],
      ['message.sent', null],
    ]);
  });

  it('when a mailbox’s SMTP settings change, then the next reply goes through the new server', async () => {
    const mailbox = await aMailbox();
    const { ticketId, customer } = await anEmailTicket(mailbox);
    const first = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Through the first server.' });
    await waitForMail(customer);
    await untilSettled(first.body.message.id);
    const other = await startSmtpSink();
    try {
      await db.sql`update mailboxes set smtp_port = ${other.port}, smtp_user = 'relay', smtp_password_encrypted = ${sealedForTests('secret')} where id = ${mailbox.id}`;
      await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Through the second server.' });
      const [mail] = await other.waitFor(1);
      expect(mail.parsed.text?.trim()).toBe('Through the second server.');
      expect(sentTo(customer)).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it('when the mailbox has no SMTP server, then the reply fails for good saying so', async () => {
    const mailbox = await aMailbox({ smtp: false });
    const { ticketId } = await anEmailTicket(mailbox);
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Anyone?' });
    const row = await untilSettled(res.body.message.id);
    expect(row).toMatchObject({
      status: 'failed',
      errorCode: 'no_smtp',
      errorMessage: `Mailbox ${mailbox.name} has no SMTP server configured.`,
    });
  });

  it('when the attachments exceed the mailbox’s limit, then the answer is 400 naming attachments and nothing is stored', async () => {
    const mailbox = await aMailbox({ maxAttachmentBytes: 1000 });
    const { ticketId } = await anEmailTicket(mailbox);
    const small = await upload(randomBytes(600), 'first.bin', 'application/octet-stream');
    const second = await upload(randomBytes(401), 'second.bin', 'application/octet-stream');
    const res = await client.post(`/api/tickets/${ticketId}/replies`, {
      text: 'Too big',
      attachments: [{ uploadId: small }, { uploadId: second }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['attachments']);
    expect(await db.sql`select 1 from messages where ticket_id = ${ticketId} and direction = 'outbound'`).toHaveLength(
      0,
    );

    const many = Array.from({ length: 11 }, () => ({ uploadId: small }));
    const tooMany = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Many', attachments: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['attachments']);
  });

  it('when an SMS reply carries attachments, then it is refused: attachments are only sent by email', async () => {
    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'Hi'));
    const res = await client.post(`/api/tickets/${ticketId}/replies`, {
      text: 'See attached',
      attachments: [{ uploadId: await upload(Buffer.from('hi'), 'a.txt', 'text/plain') }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('attachments are only sent by email');
    expect(await db.sql`select 1 from messages where ticket_id = ${ticketId} and direction = 'outbound'`).toHaveLength(
      0,
    );
  });
});

describe('auto-acknowledgement', () => {
  const acknowledge = (mailbox: { id: string }, ticket: { ticketId: string; customer: string }, automated = false) =>
    maybeAutoAcknowledge(server.ctx, {
      mailboxId: mailbox.id,
      ticketId: ticket.ticketId,
      customerEmail: ticket.customer,
      automated,
    });
  const outboundOn = (ticketId: string) =>
    db.sql`select id from messages where ticket_id = ${ticketId} and direction = 'outbound'`;

  it('when the mailbox has auto-acknowledgements off (the default), then nothing is sent', async () => {
    const mailbox = await aMailbox();
    const ticket = await anEmailTicket(mailbox);
    expect(await acknowledge(mailbox, ticket)).toBe(false);
    // Every send is a row first: with none, nothing can go out later.
    expect(await outboundOn(ticket.ticketId)).toHaveLength(0);
    expect(sentTo(ticket.customer)).toHaveLength(0);
  });

  it('when they are on, then a new sender gets one acknowledgement with the ticket number in its subject', async () => {
    const mailbox = await aMailbox({ autoAck: true });
    const ticket = await anEmailTicket(mailbox, { subject: 'Broken zipper' });
    expect(await acknowledge(mailbox, ticket)).toBe(true);
    const [mail] = await waitForMail(ticket.customer);
    expect(mail.parsed.subject).toBe(`We received your message [#${ticket.number}]`);
    expect(mail.parsed.text).toContain(`Your request has number #${ticket.number}`);
    expect(mail.parsed.from?.value[0].address).toBe(mailbox.address);
    expect(mail.parsed.inReplyTo).toBe(ticket.providerId);
    const [{ id }] = await outboundOn(ticket.ticketId);
    const row = await untilSettled(id);
    expect(row).toMatchObject({ status: 'sent', metadata: expect.objectContaining({ autoAck: true }) });
    expect(mail.parsed.messageId).toBe(row.providerId);
    expect(await db.sql`select author_user_id from messages where id = ${id}`).toEqual([{ authorUserId: null }]);
    expect(
      await db.sql`select actor_kind from audit_log where entity_id = ${ticket.ticketId} and action = 'message.auto_ack_queued'`,
    ).toEqual([{ actorKind: 'system' }]);
  });

  it('when the same sender opens a second ticket within the hour, then no second acknowledgement goes out', async () => {
    const mailbox = await aMailbox({ autoAck: true });
    const first = await anEmailTicket(mailbox);
    expect(await acknowledge(mailbox, first)).toBe(true);
    // Another mailbox, too: the limit is per sender, so two autoresponders cannot keep each other busy.
    const otherMailbox = await aMailbox({ autoAck: true });
    const second = await anEmailTicket(otherMailbox, { from: first.customer, subject: 'Another matter entirely' });
    expect(second.ticketId).not.toBe(first.ticketId);
    expect(await acknowledge(otherMailbox, second)).toBe(false);
    await waitForMail(first.customer);
    const [{ id: firstAck }] = await outboundOn(first.ticketId);
    expect(await untilJobsFinished(server.ctx.queues.messaging, [sendJobId(firstAck, 0)])).toEqual(['completed']);
    expect(sentTo(first.customer)).toHaveLength(1);
    expect(await outboundOn(second.ticketId)).toHaveLength(0);
  });

  it('when two new tickets of one sender are acknowledged at the same moment, then only one acknowledgement is made', async () => {
    const mailbox = await aMailbox({ autoAck: true });
    const first = await anEmailTicket(mailbox);
    const second = await anEmailTicket(mailbox, { from: first.customer, subject: 'Something else' });
    const answers = await Promise.all([acknowledge(mailbox, first), acknowledge(mailbox, second)]);
    expect(answers.sort()).toEqual([false, true]);
    expect(await db.sql`select 1 from email_auto_acks where sender = ${first.customer}`).toHaveLength(1);
  });

  it('when the mail was sent by a machine or from a no-reply address, then nothing is sent', async () => {
    const mailbox = await aMailbox({ autoAck: true });
    const automated = await anEmailTicket(mailbox);
    expect(await acknowledge(mailbox, automated, true)).toBe(false);
    const noReply = await anEmailTicket(mailbox, { from: `no-reply@shop-${suffix()}.example` });
    expect(await acknowledge(mailbox, noReply)).toBe(false);
    const daemon = await anEmailTicket(mailbox, { from: `MAILER-DAEMON@mx-${suffix()}.example` });
    expect(await acknowledge(mailbox, daemon)).toBe(false);
    // Every send is a row first: with none, nothing can go out later.
    for (const t of [automated, noReply, daemon]) expect(await outboundOn(t.ticketId)).toHaveLength(0);
    expect(await db.sql`select 1 from email_auto_acks where mailbox_id = ${mailbox.id}`).toHaveLength(0);
  });
});
