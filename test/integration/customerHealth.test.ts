import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepCustomerHealth } from '../../server/health/healthJobs';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';

// Customer health: each reason the rules look at, read from the rows other features write, and the at-risk alert.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let supervisor: TestClient;
let queueId: string;
const COMPANY = '+15005550006';

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  queueId = await aQueue(db.sql, { entryForChannels: ['sms'] });
  const s = await aUser(db.sql, 'supervisor');
  supervisor = await new TestClient(server.url).signIn(s.email, s.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const texted = (from: string, body: string) =>
  postTwilioWebhook(server.url, '/webhooks/twilio/sms', incomingSmsParams(from, COMPANY, body), {
    authToken: server.ctx.sms.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
  });

describe('customer health', () => {
  it('is 100 with no reasons for a customer with one quiet contact', async () => {
    const phone = aPhone();
    expect((await texted(phone, 'Hello, what are your opening hours?')).status).toBe(200);
    const [{ customerId }] = await db.sql`select customer_id from customer_identities where value = ${phone}`;
    const { body } = await supervisor.get(`/api/customers/${customerId}/health`);
    expect(body.health).toMatchObject({ customerId, score: 100, atRisk: false, reasons: [] });
  });

  it('when a customer contacts far more in the last 30 days than their usual month, then "volume above baseline" is the reason, and not at their usual pace', async () => {
    // Default rules: a 90-day look-back, so the 60 days before the last 30 make the baseline (per month); factor 2.
    const ticketsAt = async (customerId: string, daysAgo: number[]) => {
      for (const days of daysAgo)
        await db.sql`
          insert into tickets (customer_id, channel, subject, status, resolved_at, created_at)
          values (${customerId}, 'email', 'An order question', 'resolved', now() - make_interval(days => ${days}),
                  now() - make_interval(days => ${days}))`;
    };
    const usual = [35, 45, 60, 80];
    // Twice the usual month plus one, spread so that no two fall within the repeat-contact week.
    const spiking = await aCustomer(db.sql);
    await ticketsAt(spiking, [...usual, 9, 14, 19, 24, 29]);
    const spike = (await supervisor.get(`/api/customers/${spiking}/health`)).body.health;
    expect(spike.reasons).toEqual([
      expect.objectContaining({
        kind: 'volume_above_baseline',
        count: 1,
        details: ['5 contacts in 30 days, usually 2'],
      }),
    ]);
    expect(spike.score).toBe(85);

    // Twice the usual month is not above it.
    const steady = await aCustomer(db.sql);
    await ticketsAt(steady, [...usual, 9, 16, 23, 29]);
    expect((await supervisor.get(`/api/customers/${steady}/health`)).body.health).toMatchObject({
      score: 100,
      reasons: [],
    });
  });

  it('names each reason — complaint words, repeat contacts, low scores, SLA breach, open too long, missed callback, opt-out — and tags and alerts once at risk', async () => {
    const socket = await connectSocket(server.url, supervisor.cookie);
    try {
      const phone = aPhone();
      expect((await texted(phone, '我要投诉，快递丢了，我要退款')).status).toBe(200);
      const [{ customerId }] = await db.sql<
        { customerId: string }[]
      >`select customer_id from customer_identities where value = ${phone}`;
      const [first] = await db.sql<{ id: string }[]>`select id from tickets where customer_id = ${customerId}`;
      // Resolved, then the customer comes back within the week with another ticket that stays open too long.
      await db.sql`update tickets set status = 'resolved', resolved_at = now() where id = ${first.id}`;
      const [second] = await db.sql<{ id: string }[]>`
        insert into tickets (customer_id, channel, subject, status, queue_id, created_at)
        values (${customerId}, 'sms', 'Still waiting', 'open', ${queueId}, now() - interval '8 days') returning id`;
      await db.sql`insert into tickets (customer_id, channel, subject, status, queue_id) values (${customerId}, 'email', 'Cancel my order', 'new', ${queueId})`;
      await db.sql`
        insert into surveys (ticket_id, customer_id, queue_id, channel, origin, scale, locale, settings, status, send_at, sent_at, answered_at, score, low_score)
        values (${first.id}, ${customerId}, ${queueId}, 'sms', 'resolve', 'csat', 'zh-CN', '{}', 'answered', now(), now(), now(), 1, true)`;
      await db.sql`
        insert into sla_clocks (ticket_id, target, target_minutes, started_at, breached_at, result, stopped_at)
        values (${second.id}, 'first_response', 60, now() - interval '2 days', now() - interval '1 day', 'breached', now())`;
      await db.sql`
        insert into callbacks (customer_id, queue_id, phone_number, status, attempts) values (${customerId}, ${queueId}, ${phone}, 'failed', 3)`;
      expect((await texted(phone, 'Please cancel everything')).status).toBe(200);
      expect((await texted(phone, 'STOP')).status).toBe(200);

      const { body } = await supervisor.get(`/api/customers/${customerId}/health`);
      const kinds = body.health.reasons.map((r: { kind: string }) => r.kind).sort();
      expect(kinds).toEqual(
        [
          'complaint_words',
          'low_scores',
          'missed_callback',
          'open_too_long',
          'repeat_contacts',
          'sla_breaches',
          'sms_opt_out',
        ].sort(),
      );
      const words = body.health.reasons.find((r: { kind: string }) => r.kind === 'complaint_words');
      expect(words.details).toEqual(expect.arrayContaining(['投诉', '退款', 'cancel']));
      expect(body.health.score).toBeLessThanOrEqual(60);
      expect(body.health.atRisk).toBe(true);

      // The sweep keeps it: the customer is tagged "at risk" and the supervisors are told, once.
      const alert = nextEvent<any>(socket, 'customer.at_risk', (e) => e.customer.id === customerId);
      await sweepCustomerHealth(server.ctx);
      expect((await alert).health.atRisk).toBe(true);
      const detail = await supervisor.get(`/api/customers/${customerId}`);
      expect(detail.body.customer.tags).toContain('at risk');
      expect(detail.body.health.atRisk).toBe(true);
      const report = await supervisor.get('/api/reports/at-risk-customers');
      expect(report.body.customers.map((c: { customer: { id: string } }) => c.customer.id)).toContain(customerId);
      const csv = await fetch(`${server.url}/api/reports/at-risk-customers?format=csv`, {
        headers: { cookie: supervisor.cookie! },
      });
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      expect([...new Uint8Array(await csv.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      // Rules are admin settings: with low scores weighing nothing and the threshold at 0, nobody is at risk.
      const a = await aUser(db.sql, 'admin');
      const admin = await new TestClient(server.url).signIn(a.email, a.password);
      const settings = (await admin.get('/api/admin/health-settings')).body.settings;
      settings.rules.low_scores.enabled = false;
      settings.atRiskThreshold = 0;
      expect((await admin.put('/api/admin/health-settings', settings)).status).toBe(200);
      const after = (await supervisor.get(`/api/customers/${customerId}/health`)).body.health;
      expect(after.reasons.map((r: { kind: string }) => r.kind)).not.toContain('low_scores');
      expect(after.atRisk).toBe(false);
      expect((await admin.put('/api/admin/health-settings', { ...settings, atRiskThreshold: 120 })).status).toBe(400);
    } finally {
      socket.close();
    }
  });
});
