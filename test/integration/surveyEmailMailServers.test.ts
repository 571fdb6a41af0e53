import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// Email surveys over real mail servers: the customer's mail comes in over IMAP (dovecot), the survey leaves over
// SMTP (smtp-server), and its link's page needs the confirming POST. Mail from a machine — an auto-reply, a
// no-reply address — gets no survey.
let db: TestDatabase;
let dovecot: Dovecot;
let sink: SmtpSink;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
const SUPPORT = 'support@survey-mail.test';

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  sink = await startSmtpSink();
  const queueId = await aQueue(db.sql, { entryForChannels: ['email'] });
  await db.sql`
    insert into mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted,
                           smtp_host, smtp_port, smtp_tls, auto_ack_enabled, queue_id)
    values ('Support', ${SUPPORT}, ${dovecot.host}, ${dovecot.port}, false, ${dovecot.user}, ${sealedForTests(dovecot.password)},
            ${sink.host}, ${sink.port}, false, false, ${queueId})`;
  server = await startTestServer(testEnv(db.url));
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  await changeSurveySettings(admin, queueId, {
    channel: 'contact',
    delayMinutes: 0,
    throttleDays: 0,
    askComment: true,
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  await dovecot?.stop();
  await db?.drop();
});

/** A customer's mail delivered to the support mailbox; resolves with its ticket once IMAP sync has stored it. */
async function aMailIn(from: string, subject: string, body: string, headers: Record<string, string> = {}) {
  const messageId = `<${randomBytes(8).toString('hex')}@mail.customer.example>`;
  const raw = [
    `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`,
    `From: ${from}`,
    `To: ${SUPPORT}`,
    `Subject: ${subject}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
  ].join('\r\n');
  await dovecot.appendRaw(Buffer.from(raw));
  const [message] = await waitFor(
    () => db.sql<{ ticketId: string }[]>`select ticket_id from messages where provider_id = ${messageId}`,
    (rows) => rows.length > 0,
  );
  return message.ticketId;
}

const resolve = async (ticketId: string) =>
  expect((await admin.patch(`/api/tickets/${ticketId}`, { status: 'resolved' })).status).toBe(200);
const surveyOf = async (ticketId: string) =>
  (await db.sql`select status, skip_reason, score, comment from surveys where ticket_id = ${ticketId}`)[0];
const mailsTo = (address: string) => sink.messages.filter((m) => m.envelope.rcptTo.some((r) => r.address === address));

describe('an email survey over IMAP and SMTP', () => {
  it('when the ticket is resolved, then the survey mail leaves over SMTP, and only the confirmed choice on its page is recorded', async () => {
    const customer = `ana-${randomBytes(3).toString('hex')}@customer.example`;
    const ticketId = await aMailIn(`Ana <${customer}>`, 'Invoice missing', 'I did not get my invoice.');
    await resolve(ticketId);
    const [mail] = await waitFor(
      async () => mailsTo(customer),
      (mails) => mails.length > 0,
    );
    expect(mail.parsed.subject).toMatch(/^How did we do\? \[#\d+\]$/);
    expect(mail.parsed.from?.value[0].address).toBe(SUPPORT);
    const link = mail.parsed.text!.match(/https?:\/\/\S+\/survey\/[A-Za-z0-9_-]+\?score=2\b/)![0];
    const path = new URL(link).pathname;

    // Following the link (as a scanner would) only shows the confirm form.
    const confirm = await fetch(`${server.url}${path}?score=2`);
    expect(await confirm.text()).toContain('<form method="post"');
    expect(await surveyOf(ticketId)).toMatchObject({ status: 'sent', score: null });

    const posted = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ score: '2', comment: 'Took three mails' }).toString(),
    });
    expect(posted.status).toBe(200);
    expect(await surveyOf(ticketId)).toMatchObject({ status: 'answered', score: 2, comment: 'Took three mails' });
    // The ticket stayed resolved; the survey mail is on it, sent.
    expect((await db.sql`select status from tickets where id = ${ticketId}`)[0].status).toBe('resolved');
    expect(
      await db.sql`select status from messages where ticket_id = ${ticketId} and direction = 'outbound' and metadata ? 'surveyId'`,
    ).toEqual([{ status: 'sent' }]);
  });

  it('when the mail came from a machine (Auto-Submitted, or a no-reply address), then no survey is sent', async () => {
    const robot = `robot-${randomBytes(3).toString('hex')}@customer.example`;
    const autoReplied = await aMailIn(robot, 'Out of office', 'I am away until Monday.', {
      'Auto-Submitted': 'auto-replied',
    });
    const noReply = await aMailIn('noreply@shop.customer.example', 'Order shipped', 'Your order has shipped.');
    await resolve(autoReplied);
    await resolve(noReply);
    for (const ticketId of [autoReplied, noReply]) {
      const survey = await waitFor(
        () => surveyOf(ticketId),
        (s) => s !== undefined && s.status !== 'scheduled',
      );
      expect(survey).toMatchObject({ status: 'skipped', skipReason: 'automated_sender' });
    }
    expect(mailsTo(robot)).toEqual([]);
    expect(mailsTo('noreply@shop.customer.example')).toEqual([]);
  });
});
