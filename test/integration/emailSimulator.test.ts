import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedEmail } from '../../server/http/apiTypes';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  // No mailbox configured: the email simulator is on.
  server = await startTestServer(testEnv(db.url));
  await aQueue(db.sql, { entryForChannels: ['email'] });
  const user = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(user.email, user.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const aCustomerAddress = () => `customer-${randomBytes(4).toString('hex')}@customer.example`;
const conversation = async (address: string): Promise<SimulatedEmail[]> =>
  (await admin.get(`/api/simulator/email/${encodeURIComponent(address)}`)).body.emails;
const outbox = async (address: string) => (await conversation(address)).filter((m) => m.direction === 'to_customer');
const counts = async () =>
  (
    await db.sql<{ mails: number; messages: number }[]>`
  select (select count(*)::int from simulator_emails) as mails, (select count(*)::int from messages) as messages`
  )[0];

describe('the email simulator', () => {
  it('when no mailbox is configured, then the simulator is on with its own support address', async () => {
    const res = await admin.get('/api/simulator');
    expect(res.body.email).toEqual({ enabled: true, address: 'support@simulator.switchboard.test' });
  });

  it('when a simulated customer writes, then the mail opens a ticket through the normal intake and shows in their mailbox', async () => {
    const from = aCustomerAddress();
    const res = await admin.post('/api/simulator/email', {
      from: from.toUpperCase(),
      name: 'Carol Customer',
      subject: 'Lost parcel',
      text: 'Where is my parcel?',
    });
    expect(res.status).toBe(201);
    const [message] = await db.sql`
      select m.ticket_id, m.direction, m.mailbox_id, m.from_address, m.to_address, m.body_text, t.subject, b.simulated, c.name
      from messages m join tickets t on t.id = m.ticket_id join mailboxes b on b.id = m.mailbox_id join customers c on c.id = t.customer_id
      where m.channel = 'email' and m.provider_id = ${res.body.messageId}`;
    expect(message).toMatchObject({
      ticketId: res.body.ticketId,
      direction: 'inbound',
      simulated: true,
      fromAddress: from,
      toAddress: 'support@simulator.switchboard.test',
      subject: 'Lost parcel',
      name: 'Carol Customer',
    });
    expect(message.bodyText.trim()).toBe('Where is my parcel?');
    const mails = await conversation(from);
    expect(mails).toEqual([
      expect.objectContaining({
        direction: 'from_customer',
        messageId: res.body.messageId,
        subject: 'Lost parcel',
        from: `"Carol Customer" <${from}>`,
        inReplyTo: null,
      }),
    ]);
    expect(mails[0].text.trim()).toBe('Where is my parcel?');
    // The built-in mailbox is not one admins configure or supervisors watch.
    expect((await admin.get('/api/admin/mailboxes')).body.mailboxes).toEqual([]);
    expect((await admin.get('/api/mailboxes/health')).body.mailboxes).toEqual([]);
  });

  it('when an agent replies through the reply API, then the reply lands in the outbox, threaded and tokened, and is sent; the customer’s answer joins the ticket', async () => {
    const from = aCustomerAddress();
    const first = (await admin.post('/api/simulator/email', { from, subject: 'Broken kettle', text: 'It leaks.' }))
      .body;
    const socket = await connectSocket(server.url, admin.cookie);
    try {
      const announced = nextEvent<{ email?: string }>(socket, 'simulator.changed', (e) => e.email === from);
      const reply = await admin.post(`/api/tickets/${first.ticketId}/replies`, {
        text: 'Sorry to hear that.\nA new one is on its way.',
      });
      expect(reply.status).toBe(201);
      await announced;
      const [stored] = await waitFor(
        () => db.sql`select status, provider_id, metadata from messages where id = ${reply.body.message.id}`,
        (rows) => rows[0]?.status === 'sent',
      );
      expect(stored.metadata.transport).toBe('simulator');

      const [number] = await db.sql`select number from tickets where id = ${first.ticketId}`;
      const [sent] = await outbox(from);
      expect(sent).toMatchObject({
        messageId: stored.providerId,
        inReplyTo: first.messageId,
        references: [first.messageId],
        subject: `Re: Broken kettle [#${number.number}]`,
        from: 'support@simulator.switchboard.test',
      });
      expect(sent.text.trim()).toBe('Sorry to hear that.\nA new one is on its way.');
      // The stored bytes are the whole RFC 822 mail, with the HTML part real replies carry.
      const [{ raw }] = await db.sql`select raw from simulator_emails where id = ${sent.id}`;
      expect((await simpleParser(raw)).html).toContain('A new one is on its way.');

      const answer = await admin.post('/api/simulator/email', {
        from,
        subject: '',
        text: 'Thanks!',
        inReplyTo: sent.id,
      });
      expect(answer.status).toBe(201);
      expect(answer.body.ticketId).toBe(first.ticketId);
      const mails = await conversation(from);
      expect(mails.map((m) => m.direction)).toEqual(['from_customer', 'to_customer', 'from_customer']);
      expect(mails[2]).toMatchObject({
        subject: `Re: ${sent.subject}`,
        inReplyTo: sent.messageId,
        references: [first.messageId, sent.messageId],
      });
    } finally {
      socket.close();
    }
  });

  it('when a customer’s mail has HTML, then the ticket’s message carries it sanitised', async () => {
    const from = aCustomerAddress();
    const html = '<p>Hello <b>team</b></p><script>alert(1)</script><img src="https://tracker.example/pixel.gif">';
    // Only HTML given: the plain part is made from it, as a mail client makes it.
    const sent = (await admin.post('/api/simulator/email', { from, subject: 'Formatted', html })).body;
    const ticket = (await admin.get(`/api/tickets/${sent.ticketId}`)).body;
    const [message] = ticket.messages;
    expect(message.html).toContain('<b>team</b>');
    expect(message.html).not.toMatch(/script|tracker/);
    expect(message.text.trim()).toBe('Hello team');
    // HTML stored some other way (another channel, older rules) is sanitised on the way out as well.
    await db.sql`update messages set body_html = '<p onclick="steal()">Hi</p><script>alert(1)</script>' where id = ${message.id}`;
    const [again] = (await admin.get(`/api/tickets/${sent.ticketId}`)).body.messages;
    expect(again.html).toBe('<p>Hi</p>');
  });

  it('when the simulated mailbox acknowledges new tickets, then the acknowledgement lands in the outbox', async () => {
    await db.sql`update mailboxes set auto_ack_enabled = true where simulated`;
    try {
      const from = aCustomerAddress();
      const { ticketId } = (
        await admin.post('/api/simulator/email', { from, subject: 'Invoice', text: 'Please send it again.' })
      ).body;
      const [{ number }] = await db.sql`select number from tickets where id = ${ticketId}`;
      const [ack] = await waitFor(
        () => outbox(from),
        (mails) => mails.length > 0,
      );
      expect(ack.subject).toBe(`We received your message [#${number}]`);
    } finally {
      await db.sql`update mailboxes set auto_ack_enabled = false where simulated`;
    }
  });

  it.each([
    ['from', { subject: 'x', text: 'x' }],
    ['from', { from: 'not-an-address', subject: 'x', text: 'x' }],
    ['from', { from: 'support@simulator.switchboard.test', subject: 'x', text: 'x' }],
    ['text', { from: 'dave@customer.example', subject: 'x', text: '   ' }],
    ['text', { from: 'dave@customer.example', subject: 'x', html: ' ' }],
    ['subject', { from: 'dave@customer.example', subject: 'x'.repeat(301), text: 'x' }],
    ['inReplyTo', { from: 'dave@customer.example', subject: 'x', text: 'x', inReplyTo: 'nope' }],
    [
      'inReplyTo',
      { from: 'dave@customer.example', subject: 'x', text: 'x', inReplyTo: '00000000-0000-4000-8000-000000000000' },
    ],
  ])('when %s is wrong, then the mail is refused with a 400 naming it and nothing is stored', async (field, body) => {
    const before = await counts();
    const res = await admin.post('/api/simulator/email', body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('when a customer answers a mail someone else received, then it is refused', async () => {
    const owner = aCustomerAddress();
    const { ticketId } = (await admin.post('/api/simulator/email', { from: owner, subject: 'Mine', text: 'Mine' }))
      .body;
    await admin.post(`/api/tickets/${ticketId}/replies`, { text: 'For the owner' });
    const [sent] = await waitFor(
      () => outbox(owner),
      (mails) => mails.length > 0,
    );
    const res = await admin.post('/api/simulator/email', {
      from: aCustomerAddress(),
      subject: 'x',
      text: 'x',
      inReplyTo: sent.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('inReplyTo');
  });

  it('when a real mailbox is active, then the simulator is off (404) and takes nothing; it is back once that mailbox is deactivated', async () => {
    // Another process's worker may try this mailbox; nothing listens there, so it only records an error.
    const [{ id }] = await db.sql`
      insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted)
      values ('Real', 'help@company.example', '127.0.0.1', 1, 'help', ${sealedForTests('secret')}) returning id`;
    try {
      expect((await admin.get('/api/simulator')).body.email.enabled).toBe(false);
      const before = await counts();
      const res = await admin.post('/api/simulator/email', { from: aCustomerAddress(), subject: 'x', text: 'x' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('simulator_off');
      expect((await admin.get('/api/simulator/email/someone@customer.example')).status).toBe(404);
      expect(await counts()).toEqual(before);
    } finally {
      await db.sql`update mailboxes set active = false where id = ${id}`;
    }
    expect((await admin.get('/api/simulator')).body.email.enabled).toBe(true);
  });
});
