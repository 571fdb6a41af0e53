import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aQueue, aTeam, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// The supervisors' list of recent low scores (GET /api/reports/surveys/low-scores): with or without a comment, by the
// day they came in, of one queue if asked, and only on their teams' tickets.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let supervisor: TestClient;
let ours: string;
let oursToo: string;
const ids: Record<string, string> = {};

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** An answered SMS survey on a new ticket in `queueId`, `daysAgo` days ago (at most a few minutes apart, by `n`). */
async function anAnsweredSurvey(
  name: string,
  queueId: string,
  answer: { score: number; low: boolean; comment?: string; daysAgo?: number; n: number },
) {
  const customerId = await aCustomer(db.sql);
  const ticketId = await aTicket(db.sql, { customerId, queueId });
  const at = db.sql`now() - make_interval(days => ${answer.daysAgo ?? 0}, mins => ${answer.n})`;
  const [survey] = await db.sql<{ id: string }[]>`
    insert into surveys (ticket_id, customer_id, queue_id, channel, origin, scale, locale, settings, status, send_at, sent_at,
                         answered_at, score, low_score, comment, step)
    values (${ticketId}, ${customerId}, ${queueId}, 'sms', 'resolve', 'csat', 'en', '{}', 'answered', ${at}, ${at}, ${at},
            ${answer.score}, ${answer.low}, ${answer.comment ?? null}, 'done')
    returning id`;
  ids[name] = survey.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const team = await aTeam(db.sql);
  ours = await aQueue(db.sql, { teamId: team });
  oursToo = await aQueue(db.sql, { teamId: team });
  const theirs = await aQueue(db.sql, { teamId: await aTeam(db.sql) });
  const s = await aUser(db.sql, 'supervisor', { teamIds: [team] });
  supervisor = await new TestClient(server.url).signIn(s.email, s.password);

  await anAnsweredSurvey('bare', ours, { score: 1, low: true, n: 1 });
  await anAnsweredSurvey('commented', ours, { score: 2, low: true, comment: 'Nobody called back', n: 2 });
  await anAnsweredSurvey('otherQueue', oursToo, { score: 1, low: true, n: 3 });
  await anAnsweredSurvey('happy', ours, { score: 5, low: false, n: 4 });
  await anAnsweredSurvey('theirTeam', theirs, { score: 1, low: true, n: 5 });
  await anAnsweredSurvey('monthAgo', ours, { score: 2, low: true, daysAgo: 40, n: 6 });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const listed = async (query: string) => {
  const res = await supervisor.get(`/api/reports/surveys/low-scores?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.lowScores.map((s: { id: string }) => s.id);
};

describe('the low scores list', () => {
  it('when a supervisor asks for the last days, then it holds their teams’ low scores with or without a comment, newest first', async () => {
    expect(await listed(`from=${day(7)}&to=${day(0)}`)).toEqual([ids.bare, ids.commented, ids.otherQueue]);
    const res = await supervisor.get(`/api/reports/surveys/low-scores?from=${day(7)}&to=${day(0)}`);
    expect(res.body.lowScores[0]).toMatchObject({ score: 1, lowScore: true, comment: null, queue: { id: ours } });
  });

  it('when filtered by queue or by days, then only those', async () => {
    expect(await listed(`from=${day(7)}&to=${day(0)}&queueId=${ours}`)).toEqual([ids.bare, ids.commented]);
    expect(await listed(`from=${day(45)}&to=${day(30)}`)).toEqual([ids.monthAgo]);
  });

  it('when the query is wrong, then a 400 names the field', async () => {
    const backwards = await supervisor.get(`/api/reports/surveys/low-scores?from=${day(0)}&to=${day(7)}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['to']);
    const queue = await supervisor.get(`/api/reports/surveys/low-scores?from=${day(7)}&to=${day(0)}&queueId=nope`);
    expect(queue.status).toBe(400);
    expect(queue.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['queueId']);
    const agent = await aUser(db.sql, 'agent');
    const agentClient = await new TestClient(server.url).signIn(agent.email, agent.password);
    expect((await agentClient.get(`/api/reports/surveys/low-scores?from=${day(7)}&to=${day(0)}`)).status).toBe(403);
  });
});
