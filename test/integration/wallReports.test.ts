import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentReportRow, ContactReportRow } from '../../server/http/wallApiTypes';
import { recordContactFact, type ContactFact } from '../../server/wall/contactFacts';
import { aCustomer, aQueue, aTeam, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// Reports cut the same facts into 15, 30 and 60 minutes, days, weeks (from Monday) and months, in the report's time
// zone: a week and a month start at local midnight, so a contact late on Sunday in UTC is Monday's in Shanghai.
// Facts are past ones with explicit times (the database function the triggers call); counts are by hand.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let supervisor: TestClient;
let outsider: TestClient;
let queue: string;
let ann: string;
let customer: string;

/** An instant given as Shanghai's wall-clock time (UTC+8, no daylight saving). */
const sh = (local: string) => new Date(`${local}+08:00`);
const addSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

async function contact(facts: Omit<ContactFact, 'ticketId'>[]) {
  const ticketId = await aTicket(db.sql, { customerId: customer, channel: 'voice' });
  for (const f of facts) await recordContactFact(db.sql, { ...f, ticketId });
}

/** Queued at `local`, answered by Ann `wait` s later. */
const answered = (local: string, wait: number): Omit<ContactFact, 'ticketId'>[] => [
  { kind: 'queued', queueId: queue, at: sh(local) },
  { kind: 'answered', agentId: ann, seconds: wait, at: addSeconds(sh(local), wait) },
];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { LOG_LEVEL: 'error' }));
  const team = await aTeam(db.sql);
  queue = await aQueue(db.sql, { name: '售后 After-sales', teamId: team });
  await db.sql`update queues set service_level_seconds = 20`;
  const s = await aUser(db.sql, 'supervisor', { teamIds: [team] });
  supervisor = await new TestClient(server.url).signIn(s.email, s.password);
  const o = await aUser(db.sql, 'supervisor', { teamIds: [await aTeam(db.sql)] });
  outsider = await new TestClient(server.url).signIn(o.email, o.password);
  ann = (await aUser(db.sql, 'agent', { name: 'Ann', teamIds: [team] })).id;
  customer = await aCustomer(db.sql);

  // Monday 2 March 2026 in Shanghai. c1 09:05, answered after 10 s, 120 s connected, 30 s wrap-up.
  await contact([
    ...answered('2026-03-02T09:05:00', 10),
    { kind: 'ended', agentId: ann, seconds: 120, at: sh('2026-03-02T09:07:10') },
    { kind: 'wrap_up', agentId: ann, seconds: 30, at: sh('2026-03-02T09:07:40') },
  ]);
  // c2 09:20, answered after 30 s (past the 20 s threshold), 60 s connected of which 20 s on hold.
  await contact([
    ...answered('2026-03-02T09:20:00', 30),
    { kind: 'hold', agentId: ann, seconds: 20, at: sh('2026-03-02T09:21:00') },
    { kind: 'ended', agentId: ann, seconds: 60, at: sh('2026-03-02T09:21:30') },
  ]);
  // c3 09:50, hung up after 40 s.
  await contact([
    { kind: 'queued', queueId: queue, at: sh('2026-03-02T09:50:00') },
    { kind: 'abandoned', at: sh('2026-03-02T09:50:40') },
  ]);
  // c4 Tuesday 10:00. c5 Monday 9 March 07:00 (Sunday 23:00 UTC). c6 1 April 00:30 (31 March 16:30 UTC).
  await contact(answered('2026-03-03T10:00:00', 5));
  await contact(answered('2026-03-09T07:00:00', 5));
  await contact(answered('2026-04-01T00:30:00', 5));

  // Ann: available 09:00, busy 09:30, away 09:40, offline 10:10.
  for (const [presence, local] of [
    ['available', '2026-03-02T09:00:00'],
    ['busy', '2026-03-02T09:30:00'],
    ['away', '2026-03-02T09:40:00'],
    ['offline', '2026-03-02T10:10:00'],
  ] as const)
    await db.sql`insert into presence_events (user_id, presence, reason, at) values (${ann}, ${presence}, 'console', ${sh(local)})`;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function contactReport(client: TestClient, from: Date, to: Date, interval: string, timezone = 'Asia/Shanghai') {
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), interval, timezone });
  const res = await client.get(`/api/reports/contacts?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.rows as ContactReportRow[];
}

const offeredByPeriod = (rows: ContactReportRow[]) => rows.map((r) => [r.period, r.offered]);

describe('historical reports by interval', () => {
  it('when a morning is cut into 15, 30 and 60 minutes, then each contact counts in the interval it arrived in', async () => {
    const from = sh('2026-03-02T09:00:00');
    const to = sh('2026-03-02T10:00:00');
    expect(offeredByPeriod(await contactReport(supervisor, from, to, '15m'))).toEqual([
      ['2026-03-02T01:00:00.000Z', 1], // 09:00 c1
      ['2026-03-02T01:15:00.000Z', 1], // 09:15 c2
      ['2026-03-02T01:45:00.000Z', 1], // 09:45 c3
    ]);
    expect(offeredByPeriod(await contactReport(supervisor, from, to, '30m'))).toEqual([
      ['2026-03-02T01:00:00.000Z', 2], // 09:00 c1, c2
      ['2026-03-02T01:30:00.000Z', 1], // 09:30 c3
    ]);
    expect(await contactReport(supervisor, from, to, '60m')).toEqual([
      expect.objectContaining({
        period: '2026-03-02T01:00:00.000Z',
        queueName: '售后 After-sales',
        channel: 'voice',
        offered: 3,
        answered: 2,
        answeredWithinThreshold: 1,
        abandoned: 1,
        serviceLevel: 0.3333, // 1 ÷ 3
        asaSeconds: 20, // (10 + 30) ÷ 2
        ahtSeconds: 105, // (120 + 30 + 60) ÷ 2: c2's hold is inside its connected time
        abandonRate: 0.3333,
      }),
    ]);
  });

  it('when a month is cut into days, weeks and months in Shanghai, then local midnights and Mondays cut it', async () => {
    const from = sh('2026-03-02T00:00:00');
    const to = sh('2026-04-02T00:00:00');
    expect(offeredByPeriod(await contactReport(supervisor, from, to, 'day'))).toEqual([
      ['2026-03-01T16:00:00.000Z', 3], // Monday 2 March: c1–c3
      ['2026-03-02T16:00:00.000Z', 1], // Tuesday: c4
      ['2026-03-08T16:00:00.000Z', 1], // Monday 9 March: c5
      ['2026-03-31T16:00:00.000Z', 1], // 1 April: c6
    ]);
    expect(offeredByPeriod(await contactReport(supervisor, from, to, 'week'))).toEqual([
      ['2026-03-01T16:00:00.000Z', 4], // week of 2 March: c1–c4
      ['2026-03-08T16:00:00.000Z', 1], // week of 9 March: c5
      ['2026-03-29T16:00:00.000Z', 1], // week of 30 March: c6
    ]);
    expect(offeredByPeriod(await contactReport(supervisor, from, to, 'month'))).toEqual([
      ['2026-02-28T16:00:00.000Z', 5], // March
      ['2026-03-31T16:00:00.000Z', 1], // April
    ]);
    // The same instants in UTC: c5 is Sunday's, so still the first week's; c6 is March's.
    expect(offeredByPeriod(await contactReport(supervisor, from, to, 'week', 'UTC'))).toEqual([
      ['2026-03-02T00:00:00.000Z', 5],
      ['2026-03-30T00:00:00.000Z', 1],
    ]);
    expect(offeredByPeriod(await contactReport(supervisor, from, to, 'month', 'UTC'))).toEqual([
      ['2026-03-01T00:00:00.000Z', 6],
    ]);
  });

  it('when an agent is reported by the hour and by the quarter hour, then each presence has its time in each', async () => {
    const query = (interval: string) =>
      new URLSearchParams({
        from: sh('2026-03-02T09:00:00').toISOString(),
        to: sh('2026-03-02T11:00:00').toISOString(),
        interval,
        timezone: 'Asia/Shanghai',
        agentId: ann,
      });
    const hourly = await supervisor.get(`/api/reports/agents?${query('60m')}`);
    expect(hourly.status, hourly.text).toBe(200);
    expect(hourly.body.rows as AgentReportRow[]).toEqual([
      expect.objectContaining({
        period: '2026-03-02T01:00:00.000Z',
        agentName: 'Ann',
        handled: 2, // c1, c2
        talkSeconds: 160, // 120 + (60 − 20)
        holdSeconds: 20,
        wrapUpSeconds: 30,
        // Handling 120 + 30 (c1) + 60 (c2) while available 09:00–09:30.
        occupancy: 0.1167, // 210 ÷ 1800
        presenceSeconds: { available: 1800, busy: 600, away: 1200, offline: 0 },
      }),
      expect.objectContaining({
        period: '2026-03-02T02:00:00.000Z',
        handled: 0,
        occupancy: null,
        presenceSeconds: { available: 0, busy: 0, away: 600, offline: 3000 },
      }),
    ]);
    const quarters = await supervisor.get(`/api/reports/agents?${query('15m')}`);
    expect(quarters.status, quarters.text).toBe(200);
    const rows = quarters.body.rows as AgentReportRow[];
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.presenceSeconds)).toEqual([
      { available: 900, busy: 0, away: 0, offline: 0 }, // 09:00
      { available: 900, busy: 0, away: 0, offline: 0 }, // 09:15
      { available: 0, busy: 600, away: 300, offline: 0 }, // 09:30
      { available: 0, busy: 0, away: 900, offline: 0 }, // 09:45
      { available: 0, busy: 0, away: 600, offline: 300 }, // 10:00
      { available: 0, busy: 0, away: 0, offline: 900 },
      { available: 0, busy: 0, away: 0, offline: 900 },
      { available: 0, busy: 0, away: 0, offline: 900 },
    ]);
    expect(rows.map((r) => r.handled)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it("when a supervisor of another team asks, then the reports hold none of this team's queues or agents", async () => {
    const from = sh('2026-03-02T00:00:00');
    const to = sh('2026-04-02T00:00:00');
    expect(await contactReport(outsider, from, to, 'month')).toEqual([]);
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), interval: 'month' });
    const agents = await outsider.get(`/api/reports/agents?${query}`);
    expect(agents.status, agents.text).toBe(200);
    expect(agents.body.rows.filter((r: AgentReportRow) => r.agentId === ann)).toEqual([]);
  });
});
