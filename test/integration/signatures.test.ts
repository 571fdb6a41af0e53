import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { aPhone, anEmail, anSms } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let sink: SmtpSink;
let admin: TestClient;
let queueId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  server = await startTestServer(testEnv(db.url));
  queueId = await aQueue(db.sql);
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
});
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  await db?.drop();
});

const suffix = () => randomBytes(4).toString('hex');

/** A mailbox sending through the sink. Inactive, so IMAP sync leaves it alone (its IMAP settings are dummies). */
async function aMailbox() {
  const address = `support-${suffix()}@switchboard.test`;
  const [{ id }] = await db.sql<{ id: string }[]>`
    insert into mailboxes (name, address, imap_host, imap_port, imap_user, imap_password_encrypted, smtp_host, smtp_port, smtp_tls, active)
    values (${`Support ${suffix()}`}, ${address}, 'imap.invalid', 993, 'nobody', ${sealedForTests('nothing')}, ${sink.host}, ${sink.port}, false, false)
    returning id`;
  return { id, address };
}

/** An agent, signed in, and a customer's mail to the mailbox waiting in a queue every agent may open. */
async function anAgentWithEmailTicket(mailbox: { id: string; address: string }) {
  const agent = await aUser(db.sql, 'agent');
  const client = await new TestClient(server.url).signIn(agent.email, agent.password);
  const customer = `customer-${suffix()}@customer.example`;
  const { ticketId } = await intakeContact(
    server.ctx,
    anEmail(customer, 'Invoice question', 'Where is my invoice?', { to: mailbox.address, queueId }),
    { mailboxId: mailbox.id },
  );
  return { client, ticketId, customer };
}

const mailTo = (address: string) =>
  waitFor(
    async () => sink.messages.filter((m) => m.envelope.rcptTo.some((r) => r.address === address)),
    (mails) => mails.length > 0,
  ).then((mails) => mails[0].parsed);

describe('signatures under email replies', () => {
  it('when the agent and the mailbox have signatures, then the mail carries the agent’s and then the mailbox’s, in text and HTML', async () => {
    const mailbox = await aMailbox();
    const { client, ticketId, customer } = await anAgentWithEmailTicket(mailbox);
    const agentSignature = 'Sam Lee\nBilling team';
    const mailboxSignature = 'Acme Support <support@acme.example>\n客服热线 400-800-1234';
    expect((await client.put('/api/me/signature', { signature: agentSignature })).body).toEqual({
      signature: agentSignature,
    });
    expect((await client.get('/api/me/signature')).body).toEqual({ signature: agentSignature });
    expect((await admin.patch(`/api/admin/mailboxes/${mailbox.id}`, { signature: mailboxSignature })).status).toBe(200);
    expect(
      (await admin.get('/api/admin/mailboxes')).body.mailboxes.find((m: { id: string }) => m.id === mailbox.id)
        .signature,
    ).toBe(mailboxSignature);

    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Here is your invoice.' });
    expect(res.status, res.text).toBe(201);
    const expected = `Here is your invoice.\n\n-- \n${agentSignature}\n\n${mailboxSignature}`;
    expect(res.body.message.text).toBe(expected);
    const mail = await mailTo(customer);
    expect(mail.text?.trim()).toBe(expected);
    const html = mail.html || '';
    const parts = [
      'Here is your invoice.',
      'Sam Lee<br>Billing team',
      'Acme Support &lt;support@acme.example&gt;<br>客服热线 400-800-1234',
    ];
    for (const part of parts) expect(html).toContain(part);
    expect(html.indexOf('Here is your invoice.')).toBeLessThan(html.indexOf('Sam Lee<br>Billing team'));
    expect(html.indexOf('Sam Lee<br>Billing team')).toBeLessThan(
      html.indexOf('Acme Support &lt;support@acme.example&gt;<br>客服热线 400-800-1234'),
    );
  });

  it('when only the mailbox has a signature, then only it is added; with none, the reply is sent as written', async () => {
    const mailbox = await aMailbox();
    const first = await anAgentWithEmailTicket(mailbox);
    expect((await first.client.post(`/api/tickets/${first.ticketId}/replies`, { text: 'Plain.' })).status).toBe(201);
    expect((await mailTo(first.customer)).text?.trim()).toBe('Plain.');

    await admin.patch(`/api/admin/mailboxes/${mailbox.id}`, { signature: 'Acme Support' });
    const second = await anAgentWithEmailTicket(mailbox);
    await second.client.post(`/api/tickets/${second.ticketId}/replies`, { text: 'Signed.' });
    expect((await mailTo(second.customer)).text?.trim()).toBe('Signed.\n\n-- \nAcme Support');
  });

  it('when the agent replies by SMS, then no signature is added', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    await client.put('/api/me/signature', { signature: 'Sam Lee\nBilling team' });
    const phone = aPhone();
    const { ticketId } = await intakeContact(server.ctx, anSms(phone, 'Hi', { queueId }));
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Short answer.' });
    expect(res.body.message.text).toBe('Short answer.');
    const sent = await waitFor(
      () => db.sql`select body from simulator_messages where phone = ${phone} and direction = 'to_phone'`,
      (rows) => rows.length > 0,
    );
    expect(sent).toEqual([{ body: 'Short answer.' }]);
  });

  it('when a signature is too long, then 400 names it and the old one stays', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    await client.put('/api/me/signature', { signature: 'Kept' });
    const res = await client.put('/api/me/signature', { signature: 'x'.repeat(2001) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['signature']);
    expect((await client.get('/api/me/signature')).body.signature).toBe('Kept');
    const mailbox = await aMailbox();
    const tooLong = await admin.patch(`/api/admin/mailboxes/${mailbox.id}`, { signature: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['signature']);
  });
});
