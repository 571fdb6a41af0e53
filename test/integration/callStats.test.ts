import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// Call statistics over call records as the phone channel writes them (fixtures with known times and durations).
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let supervisor: TestClient;
let alice: Awaited<ReturnType<typeof aUser>>;
let bob: Awaited<ReturnType<typeof aUser>>;

type CallFixture = {
  at: string;
  direction?: 'inbound' | 'outbound';
  agentId?: string | null;
  talk?: number | null;
  abandoned?: boolean;
};
async function aCall(c: CallFixture) {
  const connected = c.talk != null;
  await db.sql`
    insert into calls (call_sid, direction, from_number, to_number, status, agent_id, created_at, connected_at, ended_at, talk_seconds, abandoned)
    values (${`CA${crypto.randomUUID().replaceAll('-', '')}`}, ${c.direction ?? 'inbound'}, ${aPhone()}, '+15005550006', 'completed',
      ${c.agentId ?? null}, ${c.at}, ${connected ? c.at : null}, ${c.at}, ${c.talk ?? null}, ${c.abandoned ?? false})`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  const s = await aUser(db.sql, 'supervisor');
  supervisor = await new TestClient(server.url).signIn(s.email, s.password);
  alice = await aUser(db.sql, 'agent', { name: 'Alice' });
  bob = await aUser(db.sql, 'agent', { name: 'Bob' });
  // Monday 2 and Tuesday 3 March 2026, and one call in April.
  await aCall({ at: '2026-03-02T09:00:00Z', agentId: alice.id, talk: 120 });
  await aCall({ at: '2026-03-02T10:00:00Z', agentId: alice.id, talk: 60 });
  await aCall({ at: '2026-03-02T11:00:00Z', direction: 'outbound', agentId: alice.id, talk: 30 });
  await aCall({ at: '2026-03-02T12:00:00Z', abandoned: true });
  await aCall({ at: '2026-03-03T09:00:00Z', agentId: bob.id, talk: 300 });
  // An outbound call nobody answered: counted, not answered, no talk time.
  await aCall({ at: '2026-03-03T10:00:00Z', direction: 'outbound', agentId: bob.id, talk: null });
  await aCall({ at: '2026-04-01T09:00:00Z', agentId: bob.id, talk: 90 });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const stats = async (query: string) => {
  const res = await supervisor.get(`/api/reports/calls?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('call statistics', () => {
  it('by day and agent: inbound, outbound, answered, abandoned, total and average talk time', async () => {
    const body = await stats('from=2026-03-02&to=2026-03-03&groupBy=day');
    const row = (period: string, agentId: string | null) =>
      body.rows.find((r: any) => r.period === period && r.agentId === agentId);
    expect(row('2026-03-02', alice.id)).toEqual({
      period: '2026-03-02',
      agentId: alice.id,
      agentName: 'Alice',
      inbound: 2,
      outbound: 1,
      answered: 3,
      abandoned: 0,
      talkSeconds: 210,
      averageTalkSeconds: 70,
    });
    expect(row('2026-03-02', null)).toMatchObject({
      inbound: 1,
      outbound: 0,
      answered: 0,
      abandoned: 1,
      talkSeconds: 0,
      averageTalkSeconds: null,
    });
    expect(row('2026-03-03', bob.id)).toMatchObject({
      agentName: 'Bob',
      inbound: 1,
      outbound: 1,
      answered: 1,
      talkSeconds: 300,
      averageTalkSeconds: 300,
    });
    expect(body.rows).toHaveLength(3);
    // `to` is the last day included; April is not.
    expect(body.totals).toEqual({
      inbound: 4,
      outbound: 2,
      answered: 4,
      abandoned: 1,
      talkSeconds: 510,
      averageTalkSeconds: 128,
    });
  });

  it('by month, for one agent', async () => {
    const body = await stats(`from=2026-03-01&to=2026-04-30&groupBy=month&agentId=${bob.id}`);
    expect(body.rows.map((r: any) => [r.period, r.inbound, r.outbound, r.talkSeconds])).toEqual([
      ['2026-03-01', 1, 1, 300],
      ['2026-04-01', 1, 0, 90],
    ]);
    expect(body.totals).toMatchObject({
      inbound: 2,
      outbound: 1,
      answered: 2,
      talkSeconds: 390,
      averageTalkSeconds: 195,
    });
  });

  it('by week, starting on Mondays', async () => {
    const body = await stats('from=2026-03-01&to=2026-03-08&groupBy=week');
    expect(new Set(body.rows.map((r: any) => r.period))).toEqual(new Set(['2026-03-02']));
    // Sunday 1 March belongs to the week before; nothing happened then.
    expect(body.totals.inbound + body.totals.outbound).toBe(6);
  });

  it('refuses a period that ends before it starts, or a malformed date, with a 400 naming the field; agents may not read it', async () => {
    const backwards = await supervisor.get('/api/reports/calls?from=2026-03-03&to=2026-03-02');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('to');
    const malformed = await supervisor.get('/api/reports/calls?from=March&to=2026-03-02');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('from');
    const agent = await aUser(db.sql, 'agent');
    const asAgent = await new TestClient(server.url).signIn(agent.email, agent.password);
    expect((await asAgent.get('/api/reports/calls?from=2026-03-01&to=2026-03-02')).status).toBe(403);
  });
});
