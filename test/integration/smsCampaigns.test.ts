import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aCustomer, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let supervisor: { id: string; email: string; password: string };
let client: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  supervisor = await aUser(db.sql, 'supervisor');
  client = await new TestClient(server.url).signIn(supervisor.email, supervisor.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const report = (id: string) => client.get(`/api/sms-campaigns/${id}`);
const received = (phone: string) =>
  db.sql<
    { body: string; createdAt: Date }[]
  >`select body, created_at from simulator_messages where phone = ${phone} and direction = 'to_phone'`;

describe('mass SMS', () => {
  it('when sent to a list, then each reachable customer gets it once, opted-out and phoneless ones are skipped, and the report shows who got what', async () => {
    const phones = [aPhone(), aPhone()];
    const reachable = [await aCustomer(db.sql, { phone: phones[0] }), await aCustomer(db.sql, { phone: phones[1] })];
    const optedOutPhone = aPhone();
    const optedOut = await aCustomer(db.sql, { phone: optedOutPhone });
    await db.sql`update customer_identities set sms_opted_out_at = now() where value = ${optedOutPhone}`;
    const phoneless = await aCustomer(db.sql, { email: `nophone-${Date.now()}@example.com` });

    const res = await client.post('/api/sms-campaigns', {
      name: 'Outage notice',
      text: 'Service is restored. 服务已恢复。',
      customerIds: [...reachable, optedOut, phoneless],
      ratePerMinute: 600,
    });
    expect(res.status).toBe(201);
    const id = res.body.campaign.id;
    const done = await waitFor(
      () => report(id),
      (r) => r.body.campaign.counts.delivered === 2,
    );
    expect(done.body.campaign).toMatchObject({
      status: 'completed',
      counts: { total: 4, delivered: 2, skipped: 2, failed: 0, pending: 0 },
      createdBy: { id: supervisor.id },
    });
    const byCustomer = Object.fromEntries(done.body.recipients.map((r: { customerId: string }) => [r.customerId, r]));
    expect(byCustomer[optedOut]).toMatchObject({ status: 'skipped', skipReason: 'opted_out' });
    expect(byCustomer[phoneless]).toMatchObject({ status: 'skipped', skipReason: 'no_phone', phone: null });
    for (const phone of phones)
      expect((await received(phone)).map((m) => m.body)).toEqual(['Service is restored. 服务已恢复。']);
    expect(await received(optedOutPhone)).toEqual([]);
  });

  it('when the rate is 60 a minute, then each recipient’s turn is a second after the previous one and nobody gets it early', async () => {
    const phones = [aPhone(), aPhone(), aPhone()];
    const ids = await Promise.all(phones.map((phone) => aCustomer(db.sql, { phone })));
    const { body } = await client.post('/api/sms-campaigns', {
      name: 'Throttled',
      text: 'One per second',
      customerIds: ids,
      ratePerMinute: 60,
    });
    await waitFor(
      () => report(body.campaign.id),
      (r) => r.body.campaign.status === 'completed',
    );
    const turns = await db.sql<
      { phone: string; sendAt: Date }[]
    >`select phone, send_at from sms_campaign_recipients where campaign_id = ${body.campaign.id} order by send_at`;
    expect(turns[1].sendAt.getTime() - turns[0].sendAt.getTime()).toBeCloseTo(1000, -1);
    expect(turns[2].sendAt.getTime() - turns[1].sendAt.getTime()).toBeCloseTo(1000, -1);
    for (const turn of turns) {
      const [sent] = await received(turn.phone);
      expect(sent.createdAt.getTime()).toBeGreaterThanOrEqual(turn.sendAt.getTime() - 50);
    }
  });

  it('when scheduled for later, then nothing leaves before that time; canceling skips everyone not yet sent', async () => {
    const phone = aPhone();
    const customer = await aCustomer(db.sql, { phone });
    const scheduledAt = new Date(Date.now() + 1500);
    const later = await client.post('/api/sms-campaigns', {
      name: 'Later',
      text: 'Tomorrow',
      customerIds: [customer],
      scheduledAt: scheduledAt.toISOString(),
    });
    expect(later.body.campaign.status).toBe('scheduled');
    await waitFor(
      () => report(later.body.campaign.id),
      (r) => r.body.campaign.status === 'completed',
    );
    // Sent once, and not before its time: the phone's own record of when it arrived says so.
    const sent = await received(phone);
    expect(sent).toHaveLength(1);
    expect(sent[0].createdAt.getTime()).toBeGreaterThanOrEqual(scheduledAt.getTime() - 50);

    const never = await client.post('/api/sms-campaigns', {
      name: 'Never',
      text: 'Not sent',
      customerIds: [customer],
      scheduledAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const canceled = await client.post(`/api/sms-campaigns/${never.body.campaign.id}/cancel`);
    expect(canceled.body.campaign).toMatchObject({ status: 'canceled', counts: { skipped: 1 } });
    expect((await report(never.body.campaign.id)).body.recipients[0].skipReason).toBe('canceled');
    expect((await client.post(`/api/sms-campaigns/${never.body.campaign.id}/cancel`)).status).toBe(409);
  });

  it('when Twilio refuses a recipient with 21610, then that recipient fails with the code, is not retried, and the number is marked opted out', async () => {
    const customer = await aCustomer(db.sql, { phone: '+15005550004' });
    const { body } = await client.post('/api/sms-campaigns', {
      name: 'Refused',
      text: 'Hello',
      customerIds: [customer],
      ratePerMinute: 600,
    });
    const done = await waitFor(
      () => report(body.campaign.id),
      (r) => r.body.campaign.status === 'completed',
    );
    expect(done.body.recipients[0]).toMatchObject({ status: 'failed', errorCode: '21610' });
    expect(done.body.campaign.counts.failed).toBe(1);
    expect(
      (await db.sql`select sms_opted_out_at from customer_identities where value = '+15005550004'`)[0].smsOptedOutAt,
    ).toBeInstanceOf(Date);
  });

  it('when statistics are asked for, then texts are counted by day and by the supervisor who sent them', async () => {
    // Delivery reports of the texts above may still be on their way: count once every text has its outcome.
    const unsettled = await waitFor(
      async () =>
        (
          await db.sql`select count(*)::int as n from sms_campaign_recipients where status in ('pending', 'sending', 'sent')`
        )[0].n,
      (n) => n === 0,
    );
    expect(unsettled).toBe(0);
    const res = await client.get('/api/sms-campaigns/stats?period=day');
    expect(res.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const row = res.body.byPeriod.find((p: { period: string }) => p.period === today);
    expect(row).toMatchObject({ delivered: expect.any(Number), skipped: expect.any(Number) });
    const [totals] = await db.sql`
      select count(*) filter (where status = 'delivered')::int as delivered, count(*) filter (where status = 'skipped')::int as skipped,
             count(*) filter (where status in ('failed', 'undelivered'))::int as failed
      from sms_campaign_recipients`;
    expect(row).toMatchObject(totals);
    expect(res.body.bySender).toEqual([
      expect.objectContaining({ sender: { id: supervisor.id, name: expect.any(String) }, ...totals }),
    ]);
    expect((await client.get('/api/sms-campaigns/stats?period=year')).body.error.fields[0].path).toBe('period');
  });

  it('when the input is wrong, then it answers 400 naming the field and creates nothing', async () => {
    const before = (await db.sql`select count(*)::int as n from sms_campaigns`)[0].n;
    const empty = await client.post('/api/sms-campaigns', { name: 'x', text: 'y', customerIds: [] });
    expect(empty.body.error.fields[0].path).toBe('customerIds');
    const past = await client.post('/api/sms-campaigns', {
      name: 'x',
      text: 'y',
      customerIds: [await aCustomer(db.sql)],
      scheduledAt: '2020-01-01T00:00:00Z',
    });
    expect(past.body.error.fields[0].path).toBe('scheduledAt');
    const unknown = await client.post('/api/sms-campaigns', {
      name: 'x',
      text: 'y',
      customerIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(400);
    expect((await db.sql`select count(*)::int as n from sms_campaigns`)[0].n).toBe(before);
  });
});
