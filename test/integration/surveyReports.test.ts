import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// The survey report (GET /api/reports/surveys): response rate and score by day, week (from Monday) and month, by
// agent, queue and channel, each scale by its own rule, and its CSV export (UTF-8 with a BOM).
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
const q: Record<'billing' | 'delivery', string> = { billing: '', delivery: '' };
const agent: Record<'a' | 'b', string> = { a: '', b: '' };

/** A survey sent at noon UTC of `day`, answered with `score` (null: no answer). */
async function aSurvey(
  day: string,
  s: {
    score: number | null;
    scale?: 'csat' | 'nps' | 'ces';
    queueId: string;
    agentId: string;
    channel: 'sms' | 'email' | 'voice';
    low?: boolean;
  },
) {
  const customerId = await aCustomer(db.sql);
  const [ticket] = await db.sql<{ id: string }[]>`
    insert into tickets (customer_id, channel, subject, status, queue_id, assignee_id, resolved_at)
    values (${customerId}, ${s.channel}, 'Report', 'resolved', ${s.queueId}, ${s.agentId}, ${`${day}T11:00:00Z`}) returning id`;
  const sentAt = `${day}T12:00:00Z`;
  await db.sql`
    insert into surveys (ticket_id, customer_id, queue_id, agent_id, channel, origin, scale, locale, settings, status, send_at,
                         sent_at, answered_at, score, low_score)
    values (${ticket.id}, ${customerId}, ${s.queueId}, ${s.agentId}, ${s.channel}, 'resolve', ${s.scale ?? 'csat'}, 'en', '{}',
            ${s.score === null ? 'sent' : 'answered'}, ${sentAt}, ${sentAt}, ${s.score === null ? null : sentAt}, ${s.score},
            ${s.low ?? false})`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  q.billing = await aQueue(db.sql, { name: 'Billing' });
  q.delivery = await aQueue(db.sql, { name: 'Delivery' });
  agent.a = (await aUser(db.sql, 'agent', { name: 'Agent A' })).id;
  agent.b = (await aUser(db.sql, 'agent', { name: 'Agent B' })).id;
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);

  // Friday 30 January 2026: by SMS for billing, two happy answers and one left unanswered.
  const billingSms = { queueId: q.billing, agentId: agent.a, channel: 'sms' } as const;
  await aSurvey('2026-01-30', { ...billingSms, score: 5 });
  await aSurvey('2026-01-30', { ...billingSms, score: 4 });
  await aSurvey('2026-01-30', { ...billingSms, score: null });
  // Monday 2 February: by email for delivery, a low score and a middling one.
  await aSurvey('2026-02-02', { queueId: q.delivery, agentId: agent.b, channel: 'email', score: 1, low: true });
  await aSurvey('2026-02-02', { queueId: q.delivery, agentId: agent.b, channel: 'email', score: 3 });
  // Tuesday 3 February: on the keypad for delivery.
  await aSurvey('2026-02-03', { queueId: q.delivery, agentId: agent.a, channel: 'voice', score: 5 });
  // The same Tuesday, NPS and CES surveys: they never mix into the CSAT figures.
  for (const score of [10, 9, 7, 3])
    await aSurvey('2026-02-03', { queueId: q.billing, agentId: agent.a, channel: 'sms', scale: 'nps', score });
  for (const score of [7, 6, 2])
    await aSurvey('2026-02-03', { queueId: q.billing, agentId: agent.b, channel: 'sms', scale: 'ces', score });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

type Row = { key: string; label: string; sent: number; answered: number; responseRate: number | null; score: number };
async function report(groupBy: string, scale = 'csat') {
  const res = await admin.get(`/api/reports/surveys?from=2026-01-26&to=2026-02-28&groupBy=${groupBy}&scale=${scale}`);
  expect(res.status, res.text).toBe(200);
  return res.body as { rows: (Row & { lowScores: number })[]; total: Row & { lowScores: number } };
}
const figures = (rows: Row[]) =>
  rows.map((r) => ({ key: r.key, sent: r.sent, answered: r.answered, rate: r.responseRate, score: r.score }));

describe('the survey report', () => {
  it('when grouped by day, week and month, then each period has its sent, answered, response rate and CSAT (share of 4–5)', async () => {
    expect(figures((await report('day')).rows)).toEqual([
      { key: '2026-01-30', sent: 3, answered: 2, rate: 0.667, score: 100 },
      { key: '2026-02-02', sent: 2, answered: 2, rate: 1, score: 0 },
      { key: '2026-02-03', sent: 1, answered: 1, rate: 1, score: 100 },
    ]);
    const weeks = await report('week');
    expect(figures(weeks.rows)).toEqual([
      { key: '2026-01-26', sent: 3, answered: 2, rate: 0.667, score: 100 },
      { key: '2026-02-02', sent: 3, answered: 3, rate: 1, score: 33.3 },
    ]);
    expect(weeks.rows.map((r) => r.lowScores)).toEqual([0, 1]);
    expect(weeks.total).toMatchObject({ sent: 6, answered: 5, responseRate: 0.833, score: 60, lowScores: 1 });
    expect(figures((await report('month')).rows)).toEqual([
      { key: '2026-01-01', sent: 3, answered: 2, rate: 0.667, score: 100 },
      { key: '2026-02-01', sent: 3, answered: 3, rate: 1, score: 33.3 },
    ]);
  });

  it('when grouped by agent, queue and channel, then each row is labelled and counted', async () => {
    const byAgent = (await report('agent')).rows;
    expect(byAgent.map((r) => [r.key, r.label, r.sent, r.answered, r.score])).toEqual(
      expect.arrayContaining([
        [agent.a, 'Agent A', 4, 3, 100],
        [agent.b, 'Agent B', 2, 2, 0],
      ]),
    );
    expect(byAgent).toHaveLength(2);
    const byQueue = (await report('queue')).rows;
    expect(byQueue.map((r) => [r.key, r.label, r.sent, r.answered, r.score])).toEqual(
      expect.arrayContaining([
        [q.billing, 'Billing', 3, 2, 100],
        [q.delivery, 'Delivery', 3, 3, 33.3],
      ]),
    );
    expect(byQueue).toHaveLength(2);
    expect((await report('channel')).rows.map((r) => [r.key, r.sent, r.answered, r.score])).toEqual([
      ['email', 2, 2, 0],
      ['sms', 3, 2, 100],
      ['voice', 1, 1, 100],
    ]);
  });

  it('when the scale is NPS or CES, then the score is promoters minus detractors, or the mean', async () => {
    const nps = await report('day', 'nps');
    expect(figures(nps.rows)).toEqual([{ key: '2026-02-03', sent: 4, answered: 4, rate: 1, score: 25 }]);
    const ces = await report('channel', 'ces');
    expect(figures(ces.rows)).toEqual([{ key: 'sms', sent: 3, answered: 3, rate: 1, score: 5 }]);
  });

  it('when asked as CSV, then it is UTF-8 with a BOM: a header, a row per period and the total', async () => {
    const res = await fetch(`${server.url}/api/reports/surveys?from=2026-01-26&to=2026-02-28&groupBy=week&format=csv`, {
      headers: { cookie: admin.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')).toEqual([
      'week,label,sent,answered,response_rate,csat_score,low_scores',
      '2026-01-26,2026-01-26,3,2,0.667,100,0',
      '2026-02-02,2026-02-02,3,3,1,33.3,1',
      'total,,6,5,0.833,60,1',
      '',
    ]);
  });
});
