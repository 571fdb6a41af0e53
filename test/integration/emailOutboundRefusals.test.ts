// Outbound mail that cannot arrive (issue 14, point 7): a recipient the SMTP server refuses at RCPT fails the send
// at once, with the server's reason on the ticket; an address no server could deliver to is refused before any
// SMTP server is asked: a 400 naming `to` for an agent's reply, a failed acknowledgement on the ticket for an
// automatic one. Real SMTP (smtp-server), real IMAP (dovecot) for the mail that asks for an acknowledgement.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJobId } from '../../server/outbound/sendMessageTask';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { untilJobsFinished } from '../support/jobs';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let dovecot: Dovecot;
let sink: SmtpSink;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let mailboxId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  [dovecot, sink] = await Promise.all([startDovecot(), startSmtpSink()]);
  server = await startTestServer(testEnv(db.url));
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
    smtpHost: sink.host,
    smtpPort: sink.port,
    smtpTls: false,
    queueId,
    autoAckEnabled: true,
  });
  expect(created.status).toBe(201);
  mailboxId = created.body.id;
  // Started again, the worker syncs the new mailbox from the start rather than at its next look for mailboxes.
  await server.stop();
  server = await startTestServer(testEnv(db.url));
  admin = await new TestClient(server.url).signIn(user.email, user.password);
  await waitFor(
    async () => (await db.sql`select state from mailboxes where id = ${mailboxId}`)[0].state,
    (state) => state === 'connected',
  );
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  await dovecot?.stop();
  await db?.drop();
});

/** A customer writes to the mailbox from this address; resolves with the ticket the mail opened. */
async function aCustomerMail(from: string, subject: string) {
  const messageId = `<${randomBytes(8).toString('hex')}@mail.customer.example>`;
  await dovecot.appendRaw(
    Buffer.from(
      [
        `Message-ID: ${messageId}`,
        'Date: Tue, 24 Nov 2026 10:00:00 +0000',
        `From: ${from}`,
        'To: support@example.com',
        `Subject: ${subject}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Please call me back.',
      ].join('\r\n'),
    ),
  );
  const [row] = await waitFor(
    () => db.sql<{ ticketId: string }[]>`select ticket_id from messages where provider_id = ${messageId}`,
    (rows) => rows.length === 1,
  );
  return row.ticketId;
}

const outboundOf = (ticketId: string) =>
  db.sql<{ id: string; status: string; errorCode: string | null; errorMessage: string | null; toAddress: string }[]>`
    select id, status, error_code, error_message, to_address from messages
    where ticket_id = ${ticketId} and direction = 'outbound' order by created_at`;

describe('mail to an address that cannot receive it', () => {
  it('when the SMTP server refuses the recipient at RCPT (550), then the reply fails at once with the reason on its ticket, and is not retried', async () => {
    const customer = `gone-${randomBytes(3).toString('hex')}@customer.example`;
    sink.refuseRecipient(customer, 550, '5.1.1 <' + customer + '>: Recipient address rejected: User unknown');
    const ticketId = await aCustomerMail(`Gone Customer <${customer}>`, 'Refund please');
    // The acknowledgement to this customer is refused the same way; the agent's reply is the case here.
    await waitFor(
      () => outboundOf(ticketId),
      (rows) => rows.length === 1 && rows[0].status === 'failed',
    );

    const res = await admin.post(`/api/tickets/${ticketId}/replies`, { text: 'Your refund is on its way.' });
    expect(res.status).toBe(201);
    const reply = res.body.message.id as string;
    expect(await untilJobsFinished(server.ctx.queues.messaging, [sendJobId(reply, 0)])).toEqual(['failed']);
    const [, row] = await outboundOf(ticketId);
    expect(row).toMatchObject({ id: reply, status: 'failed', errorCode: 'smtp_550' });
    expect(row.errorMessage).toMatch(/550.*Recipient address rejected: User unknown/);
    // Asked once for the reply (and once for the acknowledgement before it): no retry knocked again.
    expect(sink.recipientsAsked.filter((r) => r === customer)).toHaveLength(2);
    expect(sink.messages.filter((m) => m.envelope.rcptTo.some((r) => r.address === customer))).toHaveLength(0);

    const shown = (await admin.get(`/api/tickets/${ticketId}`)).body;
    expect(shown.messages.find((m: { id: string }) => m.id === reply)).toMatchObject({
      status: 'failed',
      errorMessage: expect.stringMatching(/Recipient address rejected/),
    });
    expect(
      shown.audit.filter(
        (a: { action: string; data: { messageId: string } }) =>
          a.action === 'message.failed' && a.data.messageId === reply,
      ),
    ).toHaveLength(1);
  });

  it('when the customer’s address ends with a dot, then the automatic acknowledgement is stored on the ticket as failed with why, and nothing is sent', async () => {
    const asked = sink.recipientsAsked.length;
    const ticketId = await aCustomerMail('Trailing Dot <name@yahoo.com.>', 'Where is my parcel?');
    const [ack] = await waitFor(
      () => outboundOf(ticketId),
      (rows) => rows.length === 1,
    );
    expect(ack).toMatchObject({
      toAddress: 'name@yahoo.com.',
      status: 'failed',
      errorCode: 'undeliverable_address',
      errorMessage: 'The address name@yahoo.com. cannot receive mail: the domain ends with a dot.',
    });
    const shown = (await admin.get(`/api/tickets/${ticketId}`)).body;
    expect(shown.audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['message.auto_ack_queued', 'message.failed']),
    );
    // Nothing was queued to send, so nothing can reach an SMTP server later either.
    expect(await server.ctx.queues.messaging.getJob(sendJobId(ack.id, 0))).toBeUndefined();
    expect(sink.recipientsAsked.slice(asked)).toEqual([]);
  });

  it('when an agent replies to that customer, then the answer is 400 naming `to`, and nothing is stored or sent', async () => {
    const asked = sink.recipientsAsked.length;
    const ticketId = await aCustomerMail('Trailing Dot <name@yahoo.com.>', 'Second question');
    // Its acknowledgement, refused like the first one, is on the ticket before the agent answers.
    const before = await waitFor(
      () => outboundOf(ticketId),
      (rows) => rows.length === 1 && rows[0].errorCode === 'undeliverable_address',
    );
    const res = await admin.post(`/api/tickets/${ticketId}/replies`, { text: 'Hello!' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'undeliverable_address',
      fields: [
        {
          path: 'to',
          message: expect.stringMatching(/name@yahoo\.com\. cannot receive mail: the domain ends with a dot/),
        },
      ],
    });
    expect(await outboundOf(ticketId)).toEqual(before);
    expect(sink.recipientsAsked.slice(asked)).toEqual([]);
  });

  it('when the mailbox is used after all this, then mail to a good address still goes out', async () => {
    const ticketId = await aCustomerMail(
      `Good Customer <good-${randomBytes(3).toString('hex')}@customer.example>`,
      'Hi',
    );
    const [ack] = await waitFor(
      () => outboundOf(ticketId),
      (rows) => rows.length === 1 && rows[0].status === 'sent',
    );
    expect(ack.errorCode).toBeNull();
    expect(mailboxId).toBeTruthy();
  });
});
