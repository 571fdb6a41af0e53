import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';
import { aPhone } from '../support/contacts';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';

// Return visits (回访) scheduled by a supervisor, and the survey reports.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let queueId: string;
let agentId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  queueId = await aQueue(db.sql, { entryForChannels: ['sms'] });
  agentId = (await aUser(db.sql, 'agent', { name: 'Li Na' })).id;
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function aResolvedTicket(
  phone: string,
  options: { queueId?: string; channel?: 'sms' | 'email'; daysAgo?: number } = {},
) {
  const customerId = await aCustomer(db.sql, { phone });
  const [t] = await db.sql<{ id: string }[]>`
    insert into tickets (customer_id, channel, subject, status, queue_id, assignee_id, resolved_at)
    values (${customerId}, ${options.channel ?? 'sms'}, 'Order', 'resolved', ${options.queueId ?? queueId}, ${agentId},
            now() - make_interval(days => ${options.daysAgo ?? 0})) returning id`;
  return { ticketId: t.id, customerId };
}

describe('return visits', () => {
  it('by filter become SMS surveys sent to each resolved ticket’s customer; by ticket a callback, which can be canceled', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const first = await aResolvedTicket(aPhone());
    const res = await admin.post('/api/return-visits', {
      filter: { resolvedFrom: today, resolvedTo: today, queueId },
      method: 'sms',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.returnVisits.map((v: { ticketId: string }) => v.ticketId)).toContain(first.ticketId);
    const [survey] = await waitFor(
      () => db.sql`select status, origin, agent_id from surveys where ticket_id = ${first.ticketId}`,
      (rows) => rows[0]?.status === 'sent',
    );
    expect(survey).toMatchObject({ origin: 'return_visit', agentId });
    // Asking again for the same ticket is left out, with the reason.
    const again = await admin.post('/api/return-visits', { ticketIds: [first.ticketId], method: 'sms' });
    expect(again.body.skipped).toEqual([{ ticketId: first.ticketId, reason: 'already_scheduled' }]);

    const second = await aResolvedTicket(aPhone());
    const callback = await admin.post('/api/return-visits', {
      ticketIds: [second.ticketId],
      method: 'callback',
      note: '回访',
    });
    const [visit] = callback.body.returnVisits;
    expect(visit).toMatchObject({ method: 'callback', status: 'open', reason: 'scheduled' });
    expect((await db.sql`select queue_id, status from callbacks where id = ${visit.callbackId}`)[0]).toEqual({
      queueId,
      status: 'pending',
    });
    const canceled = await admin.request('DELETE', `/api/return-visits/${visit.id}`);
    expect(canceled.body.returnVisit.status).toBe('canceled');
    expect(
      (await admin.get('/api/return-visits?status=canceled')).body.returnVisits.map((v: { id: string }) => v.id),
    ).toContain(visit.id);
    // Bad input is refused with the field named.
    const bad = await admin.post('/api/return-visits', { method: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('method');
  });
});

describe('return visits by filter', () => {
  it('when a filter names the day, queue and channel, then only the tickets it matches get one; the answer lands on the ticket, the customer and the visit', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const returns = await aQueue(db.sql, { entryForChannels: ['sms'] });
    const phone = aPhone();
    const matching = await aResolvedTicket(phone, { queueId: returns });
    const otherQueue = await aResolvedTicket(aPhone());
    const otherDay = await aResolvedTicket(aPhone(), { queueId: returns, daysAgo: 3 });
    const otherChannel = await aResolvedTicket(aPhone(), { queueId: returns, channel: 'email' });
    const res = await admin.post('/api/return-visits', {
      filter: { resolvedFrom: today, resolvedTo: today, queueId: returns, channel: 'sms' },
      method: 'sms',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.returnVisits.map((v: { ticketId: string }) => v.ticketId)).toEqual([matching.ticketId]);
    expect(res.body.skipped).toEqual([]);
    const visitId = res.body.returnVisits[0].id;
    for (const left of [otherQueue, otherDay, otherChannel])
      expect(await db.sql`select 1 from return_visits where ticket_id = ${left.ticketId}`).toEqual([]);

    // The customer answers the return visit's text.
    await waitFor(
      () => db.sql`select status from surveys where ticket_id = ${matching.ticketId}`,
      (rows) => rows[0]?.status === 'sent',
    );
    const reply = await postTwilioWebhook(
      server.url,
      '/webhooks/twilio/sms',
      incomingSmsParams(phone, '+15005550006', '4'),
      { authToken: server.ctx.sms.authToken, publicUrl: server.ctx.config.PUBLIC_URL },
    );
    expect(reply.status).toBe(200);
    const onTicket = (await admin.get(`/api/tickets/${matching.ticketId}`)).body.surveys;
    expect(onTicket).toEqual([expect.objectContaining({ origin: 'return_visit', status: 'answered', score: 4 })]);
    const onCustomer = (await admin.get(`/api/surveys?customerId=${matching.customerId}`)).body.surveys;
    expect(onCustomer).toEqual([expect.objectContaining({ ticketId: matching.ticketId, score: 4 })]);
    const done = (await admin.get('/api/return-visits?status=done')).body.returnVisits;
    expect(done.find((v: { id: string }) => v.id === visitId)).toMatchObject({ status: 'done', method: 'sms' });
  });
});

describe('survey reports', () => {
  it('give response rate and CSAT by agent, and the comments as CSV', async () => {
    // An agent of its own: the return visit above credited the first one.
    agentId = (await aUser(db.sql, 'agent', { name: 'Li Na' })).id;
    const { ticketId, customerId } = await aResolvedTicket(aPhone());
    for (const [score, comment] of [
      [5, null],
      [4, null],
      [2, '太慢了, "slow"'],
      [null, null],
    ] as const)
      await db.sql`
        insert into surveys (ticket_id, customer_id, queue_id, agent_id, channel, origin, scale, locale, settings, status, send_at, sent_at, answered_at, score, comment, low_score)
        values (${ticketId}, ${customerId}, ${queueId}, ${agentId}, 'sms', 'return_visit', 'csat', 'en', '{}',
                ${score === null ? 'sent' : 'answered'}, now(), now(), ${score === null ? null : new Date()}, ${score}, ${comment}, ${score !== null && score <= 2})`;
    const today = new Date().toISOString().slice(0, 10);
    const report = await admin.get(`/api/reports/surveys?from=${today}&to=${today}&groupBy=agent&scale=csat`);
    expect(report.status, report.text).toBe(200);
    const row = report.body.rows.find((r: { key: string }) => r.key === agentId);
    expect(row).toMatchObject({ label: 'Li Na', sent: 4, answered: 3, responseRate: 0.75, score: 66.7, lowScores: 1 });
    const csv = await fetch(`${server.url}/api/reports/surveys/comments?from=${today}&to=${today}&format=csv`, {
      headers: { cookie: admin.cookie! },
    });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('"太慢了, ""slow"""');
    expect((await admin.get(`/api/reports/surveys?from=${today}&to=2000-01-01`)).status).toBe(400);
  });
});
