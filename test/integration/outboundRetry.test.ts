import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInboundEmail } from '../../server/email/processInboundEmail';
import { intakeContact } from '../../server/intake/intakeContact';
import { reconcileOutbound } from '../../server/outbound/reconcileOutbound';
import { anEmail, anSms, aPhone } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';

// What an agent sees of a send that did not reach the customer, and sending it again.

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: SmtpSink;
let client: TestClient;
let mailbox: { id: string; address: string };

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  server = await startTestServer(testEnv(db.url));
  await aQueue(db.sql, { entryForChannels: ['sms', 'email'] });
  const admin = await aUser(db.sql, 'admin');
  client = await new TestClient(server.url).signIn(admin.email, admin.password);
  const address = `support-${suffix()}@switchboard.test`;
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted, smtp_host, smtp_port, smtp_tls, active)
    values ('Support', ${address}, 'imap.invalid', 993, 'nobody', ${sealedForTests('nothing')}, ${sink.host}, ${sink.port}, false, false)
    returning id`;
  mailbox = { id, address };
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  await db?.drop();
});

function suffix() {
  return randomBytes(4).toString('hex');
}

async function anSmsTicket(phone = aPhone()) {
  const { ticketId } = await intakeContact(server.ctx, anSms(phone, 'Can you call me?'));
  return { ticketId, phone };
}

async function anEmailTicket() {
  const customer = `customer-${suffix()}@customer.example`;
  const providerId = `<${suffix()}@customer.example>`;
  const { ticketId, messageId } = await intakeContact(
    server.ctx,
    anEmail(customer, 'Refund', 'Where is my refund?', {
      to: mailbox.address,
      providerId,
      metadata: { messageId: providerId, references: [] },
    }),
  );
  await db.sql`update messages set mailbox_id = ${mailbox.id} where id = ${messageId}`;
  return { ticketId, customer };
}

const reply = async (ticketId: string, text: string) =>
  (await client.post(`/api/tickets/${ticketId}/replies`, { text })).body.message.id as string;
const retry = (c: TestClient, ticketId: string, messageId: string) =>
  c.post(`/api/tickets/${ticketId}/messages/${messageId}/retry`);
const rowOf = async (id: string) =>
  (
    await db.sql<
      { status: string; errorCode: string | null; errorMessage: string | null; providerId: string | null }[]
    >`
  select status, error_code, error_message, provider_id from messages where id = ${id}`
  )[0];
const until = async (id: string, status: string) => {
  const row = await waitFor(
    () => rowOf(id),
    (r) => r.status === status,
  );
  expect(row.status).toBe(status);
  return row;
};
const history = async (ticketId: string) =>
  (await client.get(`/api/tickets/${ticketId}`)).body.audit
    .filter((a: { action: string }) => a.action.startsWith('message.'))
    .map((a: { action: string; actor: { kind: string }; data: Record<string, unknown> }) => ({
      action: a.action,
      actor: a.actor.kind,
      reason: a.data.reason ?? null,
    }));

describe('a send that failed', () => {
  it('when the mail server refuses a reply, then the ticket shows why and says it failed; the agent sends it again and it goes out with the same Message-ID', async () => {
    const { ticketId, customer } = await anEmailTicket();
    sink.failNext(550, 'Requested action not taken: mailbox full');
    const id = await reply(ticketId, 'Your refund is on its way.');
    await until(id, 'failed');

    const shown = (await client.get(`/api/tickets/${ticketId}`)).body.messages.find((m: { id: string }) => m.id === id);
    expect(shown).toMatchObject({
      status: 'failed',
      errorCode: 'smtp_550',
      errorMessage: expect.stringMatching(/mailbox full/),
    });
    expect(await history(ticketId)).toEqual([
      { action: 'message.reply_queued', actor: 'user', reason: null },
      { action: 'message.failed', actor: 'system', reason: expect.stringMatching(/mailbox full/) },
    ]);

    const res = await retry(client, ticketId, id);
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({
      id,
      status: expect.stringMatching(/^(queued|sending|sent)$/),
      errorCode: null,
    });
    const sent = await until(id, 'sent');
    const mails = sink.messages.filter((m) => m.envelope.rcptTo[0].address === customer);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.parsed.messageId).toBe(sent.providerId);
    const [{ metadata }] = await db.sql`select metadata from messages where id = ${id}`;
    expect(sent.providerId).toBe(metadata.messageId);
    expect((await history(ticketId)).map((h: { action: string }) => h.action)).toEqual([
      'message.reply_queued',
      'message.failed',
      'message.retried',
      'message.sent',
    ]);
  });

  it('when Twilio refuses a text for good, then the ticket shows Twilio’s reason; a retry sends it again and the history shows both failures', async () => {
    const { ticketId } = await anSmsTicket('+15005550009');
    const id = await reply(ticketId, 'Are you there?');
    const failed = await until(id, 'failed');
    expect(failed).toMatchObject({
      errorCode: '21612',
      errorMessage: expect.stringMatching(/not currently reachable/),
    });

    expect((await retry(client, ticketId, id)).status).toBe(200);
    await waitFor(
      () => history(ticketId),
      (h) => h.filter((e: { action: string }) => e.action === 'message.failed').length === 2,
    );
    expect((await history(ticketId)).map((h: { action: string }) => h.action)).toEqual([
      'message.reply_queued',
      'message.failed',
      'message.retried',
      'message.failed',
    ]);
    expect((await rowOf(id)).status).toBe('failed');
  });

  it('when the number has opted out since, then a retry is refused saying so and the message stays failed', async () => {
    const { ticketId } = await anSmsTicket('+15005550004');
    const id = await reply(ticketId, 'Hello?');
    await until(id, 'failed');
    const res = await retry(client, ticketId, id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'opted_out', message: expect.stringMatching(/texted STOP/) });
    expect((await rowOf(id)).status).toBe('failed');
  });

  it('when a bounce reports a sent reply, then it fails with the remote server’s words in the history, and can be sent again', async () => {
    const { ticketId } = await anEmailTicket();
    const [{ id }] = await db.sql<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, provider_id, mailbox_id, from_address, to_address, body_text, metadata)
      values (${ticketId}, 'email', 'outbound', 'sent', '<reply-42.b7e1@switchboard.example.com>', ${mailbox.id}, ${mailbox.address},
              'alice@customer.example', 'Our answer', ${db.sql.json({ messageId: '<reply-42.b7e1@switchboard.example.com>' })})
      returning id`;
    const dsn = fs.readFileSync(new URL('../fixtures/email/postfix-dsn.eml', import.meta.url));
    await processInboundEmail(server.ctx, { id: mailbox.id, queueId: null, maxAttachmentBytes: 10_000_000 }, dsn);
    expect(await rowOf(id)).toMatchObject({ status: 'failed', errorMessage: expect.stringMatching(/550/) });
    expect((await history(ticketId)).at(-1)).toEqual({
      action: 'message.failed',
      actor: 'system',
      reason: expect.stringMatching(/550/),
    });

    expect((await retry(client, ticketId, id)).status).toBe(200);
    expect((await until(id, 'sent')).providerId).toBe('<reply-42.b7e1@switchboard.example.com>');
  });
});

describe('a send the reconciler could not settle', () => {
  async function interruptedTwice(ticketId: string, channel: 'sms' | 'email', to: string) {
    const [{ id }] = await db.sql<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, mailbox_id, from_address, to_address, subject, body_text, send_started_at, auto_resends)
      values (${ticketId}, ${channel}, 'outbound', 'sending', ${channel === 'email' ? mailbox.id : null}, ${channel === 'email' ? mailbox.address : '+15005550006'},
              ${to}, ${channel === 'email' ? 'Re: Refund' : null}, 'Interrupted twice', now() - interval '10 minutes', 1)
      returning id`;
    return id;
  }

  it('when a send was interrupted again after its automatic resend, then it is shown failed with the reason, and the agent can send it', async () => {
    const sms = await anSmsTicket();
    const email = await anEmailTicket();
    const textId = await interruptedTwice(sms.ticketId, 'sms', sms.phone);
    const mailId = await interruptedTwice(email.ticketId, 'email', email.customer);

    await reconcileOutbound(server.ctx);
    expect(await rowOf(textId)).toMatchObject({
      status: 'failed',
      errorCode: 'send_interrupted',
      errorMessage: expect.stringMatching(/before Twilio took the message/),
    });
    expect(await rowOf(mailId)).toMatchObject({
      status: 'failed',
      errorCode: 'outcome_unknown',
      errorMessage: expect.stringMatching(/may or may not have the mail/),
    });
    expect((await history(sms.ticketId)).at(-1)).toMatchObject({ action: 'message.failed', actor: 'system' });

    expect((await retry(client, sms.ticketId, textId)).status).toBe(200);
    expect((await retry(client, email.ticketId, mailId)).status).toBe(200);
    await until(textId, 'delivered');
    await until(mailId, 'sent');
  });
});

describe('a reply whose send job was lost', () => {
  it('when a reply is queued but its job is gone (a crash before it was added, a flushed Redis), then the reconciler adds it again and it is sent once', async () => {
    const { ticketId, phone } = await anSmsTicket();
    // What a reply looks like when the process died between committing it and adding its job.
    const [{ id }] = await db.sql<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, from_address, to_address, body_text, updated_at)
      values (${ticketId}, 'sms', 'outbound', 'queued', '+15005550006', ${phone}, 'Lost and found', now() - interval '10 minutes')
      returning id`;
    expect(await reconcileOutbound(server.ctx)).toMatchObject({ longQueued: 1 });
    await until(id, 'delivered');
    // Asking again changes nothing: the job has run, the row is settled.
    expect(await reconcileOutbound(server.ctx)).toMatchObject({ longQueued: 0, resend: 0, adopt: 0 });
    expect(
      await db.sql`select 1 from simulator_messages where phone = ${phone} and direction = 'to_phone'`,
    ).toHaveLength(1);
  });
});

describe('who may retry what', () => {
  it('when the agent may not see the ticket, or the message is not a failed reply of it, then nothing is sent again', async () => {
    const { ticketId } = await anSmsTicket('+15005550001');
    const id = await reply(ticketId, 'Hi');
    await until(id, 'failed');
    // A queue that needs a skill the outsider lacks: they cannot see its tickets, so cannot retry on them.
    const vip = await aQueue(db.sql, { skills: [await aSkill(db.sql)] });
    await db.sql`update tickets set queue_id = ${vip}, assignee_id = null where id = ${ticketId}`;
    const outsider = await aUser(db.sql, 'agent');
    const agent = await new TestClient(server.url).signIn(outsider.email, outsider.password);
    expect((await retry(agent, ticketId, id)).status).toBe(404);

    const other = await anSmsTicket();
    expect((await retry(client, other.ticketId, id)).status).toBe(404);
    const [inbound] = await db.sql<
      { id: string }[]
    >`select id from messages where ticket_id = ${ticketId} and direction = 'inbound'`;
    expect((await retry(client, ticketId, inbound.id)).status).toBe(404);
    expect((await client.post(`/api/tickets/${ticketId}/messages/not-a-uuid/retry`)).status).toBe(400);

    const fine = await reply(other.ticketId, 'All good');
    await until(fine, 'delivered');
    const notFailed = await retry(client, other.ticketId, fine);
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.error).toMatchObject({
      code: 'not_retryable',
      message: expect.stringMatching(/this one is delivered/),
    });
    expect((await rowOf(id)).status).toBe('failed');
    expect(
      await db.sql`select 1 from audit_log where action = 'message.retried' and data->>'messageId' in (${id}, ${fine})`,
    ).toHaveLength(0);
  });
});
