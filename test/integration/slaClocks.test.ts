import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { SlaAlarmEvent, TicketSlaResponse } from '../../server/http/slaApiTypes';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';
import { deleteKeys } from '../support/redisKeys';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { sealedForTests } from '../support/testSecrets';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilioStandIn';
import { LONG_WAIT_MS } from '../support/timeouts';
import { waitFor } from '../support/waitFor';

// SLA clocks through the real channels: customers write over IMAP (dovecot), replies and alarm mail leave over SMTP
// (smtp-server), alarm SMS go through the Twilio REST client to a fake Twilio API. The queue has no business hours
// (around the clock) and the targets are a minute, so the clocks run in real time; the calendar maths is unit-tested.

const ACCOUNT_SID = `AC${'cd'.repeat(16)}`;
const AUTH_TOKEN = 'sla-test-auth-token-0123456789';
const LEAD_PHONE = '+15557650001';
const LEAD_EMAIL = 'lead@example.com';
// A minute's target breaches a minute after the mail is stored; the job and the sends take a few seconds more.
const BREACH_WAIT_MS = 60_000 + LONG_WAIT_MS;

let db: TestDatabase;
let dovecot: Dovecot;
let smtp: SmtpSink;
let twilio: TwilioStandIn;
let server: Awaited<ReturnType<typeof startTestServer>>;
let env: Record<string, string>;
let admin: TestClient;
let socket: Socket;

beforeAll(async () => {
  db = await createTestDatabase();
  dovecot = await startDovecot();
  smtp = await startSmtpSink();
  twilio = await startTwilioStandIn({ sql: db.sql, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const queue = await aQueue(db.sql, { entryForChannels: ['email'] });
  await db.sql`
    insert into mailboxes (name, address, imap_host, imap_port, imap_tls, imap_user, imap_password_encrypted, smtp_host, smtp_port, smtp_tls, queue_id)
    values ('Support', 'support@example.com', ${dovecot.host}, ${dovecot.port}, false, ${dovecot.user},
            ${sealedForTests(dovecot.password)}, ${smtp.host}, ${smtp.port}, false, ${queue})`;
  env = testEnv(db.url, {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_SMS_FROM: '+15005550006',
    TWILIO_API_BASE_URL: twilio.url,
  });
  server = await startTestServer(env);
  const user = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(user.email, user.password);
  const policy = await admin.post('/api/admin/sla-policies', {
    name: 'Email within a minute',
    channels: ['email'],
    firstResponseMinutes: 1,
    nextResponseMinutes: 1,
    resolutionMinutes: 5,
    // Warns half way, 30 s in.
    warnPercentUsed: 50,
    smsRecipients: [LEAD_PHONE],
    emailRecipients: [LEAD_EMAIL],
    // A minute after the breach, the ticket's priority goes up a step.
    escalation: { afterMinutes: 1, action: 'raise_priority' },
  });
  expect(policy.status).toBe(201);
  socket = await connectSocket(server.url, admin.cookie);
}, 120_000);
afterAll(async () => {
  socket?.close();
  await server?.stop();
  await twilio?.stop();
  await smtp?.stop();
  await dovecot?.stop();
  await db?.drop();
});

/** A customer's mail arrives in the support mailbox over IMAP; resolves with its ticket once stored. */
async function customerWrites(subject: string, headers: string[] = []) {
  const messageId = `<${randomBytes(8).toString('hex')}@mail.customer.example>`;
  const from =
    headers.find((h) => h.startsWith('X-Test-From: '))?.slice(13) ??
    `c-${randomBytes(3).toString('hex')}@customer.example`;
  const raw = [
    `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`,
    `From: Customer <${from}>`,
    'To: support@example.com',
    `Subject: ${subject}`,
    ...headers,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello, we need help.',
  ].join('\r\n');
  await dovecot.appendRaw(Buffer.from(raw));
  const [row] = await waitFor(
    () => db.sql<{ ticketId: string }[]>`select ticket_id from messages where provider_id = ${messageId}`,
    (rows) => rows.length > 0,
  );
  return { ticketId: row.ticketId, messageId };
}

const slaOf = async (ticketId: string) => (await admin.get(`/api/tickets/${ticketId}/sla`)).body as TicketSlaResponse;
const clock = (sla: TicketSlaResponse, target: string, cycle = 1) =>
  sla.clocks.find((c) => c.target === target && c.cycle === cycle)!;
const setStatus = async (ticketId: string, status: string) =>
  expect((await admin.patch(`/api/tickets/${ticketId}`, { status })).status).toBe(200);

describe('SLA clocks over real channels', () => {
  it(
    'when an email is left unanswered past its first-response target, then it warns on the console and its breach texts the lead through the SMS channel (and mails them)',
    async () => {
      const warned = nextEvent<SlaAlarmEvent>(socket, 'sla.alarm', (e) => e.kind === 'warning', BREACH_WAIT_MS);
      const { ticketId } = await customerWrites('Unanswered mail');
      const started = await slaOf(ticketId);
      expect(started.policy?.name).toBe('Email within a minute');
      expect(clock(started, 'first_response')).toMatchObject({ state: 'running', result: 'pending', targetMinutes: 1 });
      expect((await warned).ticketId).toBe(ticketId);
      const [{ number }] = await db.sql<{ number: string }[]>`select number from tickets where id = ${ticketId}`;
      const sms = await waitFor(
        () =>
          db.sql<{ body: string }[]>`
            select body from simulator_messages where phone = ${LEAD_PHONE} and direction = 'to_phone'`,
        (rows) => rows.some((r) => r.body.includes(`#${number}`)),
        BREACH_WAIT_MS,
      );
      expect(sms[0].body).toContain('First response');
      expect(twilio.creates.filter((c) => c.to === LEAD_PHONE)).toHaveLength(1);
      const mails = await smtp.waitFor(1, LONG_WAIT_MS);
      expect(mails.some((m) => m.envelope.rcptTo.some((r) => r.address === LEAD_EMAIL))).toBe(true);
      const breached = await slaOf(ticketId);
      expect(breached.badge?.level).toBe('breached');
      expect(clock(breached, 'first_response').breachedAt).not.toBeNull();
      const atRisk = await admin.get('/api/sla/at-risk');
      expect(atRisk.body.tickets.map((t: { ticketId: string }) => t.ticketId)).toContain(ticketId);
      const escalated = await waitFor(
        () => db.sql<{ priority: string }[]>`select priority from tickets where id = ${ticketId}`,
        (rows) => rows[0].priority !== 'normal',
        BREACH_WAIT_MS,
      );
      expect(escalated[0].priority).toBe('high');
      // The raised priority re-places the clocks; the breached one keeps its due time (and its alarms fired once).
      expect(clock(await slaOf(ticketId), 'first_response').dueAt).toBe(clock(breached, 'first_response').dueAt);
      expect(twilio.creates.filter((c) => c.to === LEAD_PHONE)).toHaveLength(1);
    },
    BREACH_WAIT_MS * 3,
  );

  it('when an agent replies by email, then the first response stops in time; a note before it changes nothing; the customer writing again starts the next response', async () => {
    const customer = `reply-${randomBytes(3).toString('hex')}@customer.example`;
    const { ticketId } = await customerWrites('Please answer', [`X-Test-From: ${customer}`]);
    expect((await admin.post(`/api/tickets/${ticketId}/notes`, { text: 'Looking into it' })).status).toBe(201);
    expect(clock(await slaOf(ticketId), 'first_response').state).toBe('running');
    expect((await admin.post(`/api/tickets/${ticketId}/replies`, { text: 'Here is your answer.' })).status).toBe(201);
    const answered = clock(await slaOf(ticketId), 'first_response');
    expect(answered).toMatchObject({ state: 'stopped', result: 'met' });
    const [{ number }] = await db.sql<{ number: string }[]>`select number from tickets where id = ${ticketId}`;
    await customerWrites(`Re: Please answer [#${number}]`, [`X-Test-From: ${customer}`]);
    const again = await slaOf(ticketId);
    expect(again.clocks.filter((c) => c.target === 'first_response')).toHaveLength(1);
    expect(clock(again, 'next_response')).toMatchObject({ state: 'running', cycle: 1 });
    expect(again.badge).toMatchObject({ target: 'next_response', level: 'ok' });
  });

  it('when the ticket waits on the customer, then its clocks pause (paused time is not counted) and the customer writing resumes them', async () => {
    const customer = `wait-${randomBytes(3).toString('hex')}@customer.example`;
    const { ticketId } = await customerWrites('Need a form', [`X-Test-From: ${customer}`]);
    await setStatus(ticketId, 'waiting_on_customer');
    const paused = await slaOf(ticketId);
    expect(clock(paused, 'first_response').state).toBe('paused');
    expect(clock(paused, 'resolution').state).toBe('paused');
    expect(paused.badge).toMatchObject({ level: 'paused', dueAt: null });
    await new Promise((r) => setTimeout(r, 3000));
    const later = await slaOf(ticketId);
    expect(clock(later, 'resolution').usedMinutes).toBe(clock(paused, 'resolution').usedMinutes);
    const [{ number }] = await db.sql<{ number: string }[]>`select number from tickets where id = ${ticketId}`;
    await customerWrites(`Re: Need a form [#${number}]`, [`X-Test-From: ${customer}`]);
    const [{ status }] = await db.sql<{ status: string }[]>`select status from tickets where id = ${ticketId}`;
    expect(status).toBe('open');
    const resumed = await slaOf(ticketId);
    expect(clock(resumed, 'first_response').state).toBe('running');
    // Due a minute of running time after the start: the paused seconds push it later than started + 1 minute.
    const first = clock(resumed, 'first_response');
    expect(Date.parse(first.dueAt!) - Date.parse(first.startedAt)).toBeGreaterThan(60_000 + 2500);
  });

  it('when a resolved ticket is reopened, then every clock had stopped and the resolution clock resumes with the time it had used', async () => {
    const { ticketId } = await customerWrites('Fixed?');
    await setStatus(ticketId, 'resolved');
    const resolved = await slaOf(ticketId);
    expect(resolved.clocks.every((c) => c.state === 'stopped')).toBe(true);
    expect(clock(resolved, 'resolution').result).toBe('met');
    expect(resolved.badge).toBeNull();
    await new Promise((r) => setTimeout(r, 3000));
    await setStatus(ticketId, 'open');
    const reopened = await slaOf(ticketId);
    const resolution = clock(reopened, 'resolution');
    expect(resolution).toMatchObject({ state: 'running', result: 'pending', cycle: 1 });
    // The three resolved seconds are not counted: the time used is what it was at the resolve.
    expect(resolution.usedMinutes).toBeLessThan(clock(resolved, 'resolution').usedMinutes + 1 / 60);
    expect(Date.parse(resolution.dueAt!) - Date.parse(resolution.startedAt)).toBeGreaterThan(5 * 60_000 + 2500);
    // Answered or not, the response clock stays stopped: only a new customer message starts one.
    expect(clock(reopened, 'first_response').state).toBe('stopped');
  });

  it('when a mail is flagged automated, then it starts no clock', async () => {
    const { ticketId } = await customerWrites('Out of office', ['Auto-Submitted: auto-replied']);
    const sla = await slaOf(ticketId);
    expect(sla.clocks).toEqual([]);
    expect(sla.badge).toBeNull();
  });

  it(
    'when Redis loses the server’s keys (a flush), then the warning still fires, once',
    async () => {
      const { ticketId } = await customerWrites('Flushed away');
      const alarms: SlaAlarmEvent[] = [];
      socket.on('sla.alarm', (e: SlaAlarmEvent) => {
        if (e.ticketId === ticketId) alarms.push(e);
      });
      await deleteKeys(env.REDIS_URL, `${env.REDIS_PREFIX}*`);
      const [warned] = await waitFor(
        () => db.sql<{ warnedAt: Date | null }[]>`
          select warned_at from sla_clocks where ticket_id = ${ticketId} and target = 'first_response'`,
        (rows) => rows[0]?.warnedAt !== null,
        BREACH_WAIT_MS,
      );
      expect(warned.warnedAt).not.toBeNull();
      await waitFor(
        async () => alarms.filter((a) => a.kind === 'warning').length,
        (n) => n > 0,
      );
      // Another reconciler pass comes and goes: still one warning.
      await new Promise((r) => setTimeout(r, 20_000));
      expect(alarms.filter((a) => a.kind === 'warning')).toHaveLength(1);
    },
    BREACH_WAIT_MS * 2,
  );
});
