import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';
import { aPhone } from '../support/contacts';

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

async function aResolvedTicket(phone: string) {
  const customerId = await aCustomer(db.sql, { phone });
  const [t] = await db.sql<{ id: string }[]>`
    insert into tickets (customer_id, channel, subject, status, queue_id, assignee_id, resolved_at)
    values (${customerId}, 'sms', 'Order', 'resolved', ${queueId}, ${agentId}, now()) returning id`;
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
