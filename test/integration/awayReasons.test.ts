import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPresence } from '../../server/commands/setPresence';
import type { PresenceView } from '../../server/http/apiTypes';
import type { AgentGridRow, AgentReportRow } from '../../server/http/wallApiTypes';
import { aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// Away with a reason (issue 19, point 2): the agent picks why they are away, the supervisors' grid shows it, and the
// per-agent report splits away time by it. Everything goes through HTTP and Socket.IO as the consoles use them.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let team: string;
let supervisor: TestClient;
let supervisorSocket: Socket;
let admin: TestClient;
const sockets: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  team = await aTeam(db.sql);
  const s = await aUser(db.sql, 'supervisor', { teamIds: [team] });
  supervisor = await new TestClient(server.url).signIn(s.email, s.password);
  supervisorSocket = await connectSocket(server.url, supervisor.cookie);
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  supervisorSocket?.close();
  await server?.stop();
  await db?.drop();
});

async function anAgent() {
  const user = await aUser(db.sql, 'agent', { teamIds: [team] });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  sockets.push(socket);
  return { ...user, client, socket };
}

const nextAgentRow = (agentId: string, ok: (row: AgentGridRow) => boolean) =>
  nextEvent<AgentGridRow>(supervisorSocket, 'wall.agent', (r) => r.id === agentId && ok(r));

const presenceOf = async (userId: string) => {
  const [row] = await db.sql<{ presence: string; awayReason: string | null }[]>`
    select presence, away_reason from users where id = ${userId}`;
  const [{ count }] = await db.sql<{ count: number }[]>`
    select count(*)::int as count from presence_events where user_id = ${userId}`;
  return { ...row, events: count };
};

describe('away reasons', () => {
  it('when signed in, then the seeded reasons are offered in order with English and Chinese labels', async () => {
    const agent = await anAgent();
    const res = await agent.client.get('/api/away-reasons');
    expect(res.status, res.text).toBe(200);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'break',
      'lunch',
      'meeting',
      'training',
      'other',
    ]);
    expect(res.body.reasons[1]).toEqual({ code: 'lunch', labels: { en: 'Lunch', 'zh-CN': '午餐' }, active: true });
  });

  it('when an agent goes away for lunch, then their sockets and the supervisor’s grid push say so, and a new reason is a change of its own', async () => {
    const agent = await anAgent();
    expect((await agent.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);

    const own = nextEvent<PresenceView>(agent.socket, 'presence.changed', (e) => e.presence === 'away');
    const row = nextAgentRow(agent.id, (r) => r.state === 'away' && r.awayReasonCode === 'lunch');
    const res = await agent.client.put('/api/me/presence', { presence: 'away', reason: 'lunch' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ presence: 'away', awayReason: 'lunch' });
    expect(await own).toMatchObject({ awayReason: 'lunch' });
    expect(await row).toMatchObject({
      presence: 'away',
      awayReason: 'console',
      awayReasonCode: 'lunch',
      awayReasonLabels: { en: 'Lunch', 'zh-CN': '午餐' },
    });
    expect((await agent.client.get('/api/me')).body.user).toMatchObject({ presence: 'away', awayReason: 'lunch' });
    const grid = await supervisor.get('/api/wall/agents');
    expect(grid.body.agents.find((a: AgentGridRow) => a.id === agent.id)).toMatchObject({ awayReasonCode: 'lunch' });

    // Still away, for a meeting now: recorded and pushed, with the time in state counted from the switch.
    const meeting = nextAgentRow(agent.id, (r) => r.awayReasonCode === 'meeting');
    expect((await agent.client.put('/api/me/presence', { presence: 'away', reason: 'meeting' })).status).toBe(200);
    const pushed = await meeting;
    expect(Date.parse(pushed.stateSince)).toBeGreaterThanOrEqual(Date.parse(res.body.presenceChangedAt));
    expect(await presenceOf(agent.id)).toEqual({ presence: 'away', awayReason: 'meeting', events: 3 });

    // Back to work: the reason ends with the away spell.
    const back = nextAgentRow(agent.id, (r) => r.state === 'available');
    expect((await agent.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
    expect(await back).toMatchObject({ awayReasonCode: null, awayReasonLabels: null });
    expect(await presenceOf(agent.id)).toMatchObject({ presence: 'available', awayReason: null });
  });

  it('when the reason is unknown, retired, or given without away, then 400 names the field and nothing changes', async () => {
    const agent = await anAgent();
    expect((await agent.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
    const before = await presenceOf(agent.id);

    const unknown = await agent.client.put('/api/me/presence', { presence: 'away', reason: 'nap' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'reason', message: 'no such away reason' }]);
    const notAway = await agent.client.put('/api/me/presence', { presence: 'busy', reason: 'lunch' });
    expect(notAway.status).toBe(400);
    expect(notAway.body.error.fields).toEqual([{ path: 'reason', message: 'only with presence away' }]);
    const bySupervisor = await supervisor.put(`/api/wall/agents/${agent.id}/state`, {
      presence: 'away',
      reason: 'nap',
    });
    expect(bySupervisor.status).toBe(400);
    expect(bySupervisor.body.error.fields).toEqual([{ path: 'reason', message: 'no such away reason' }]);

    expect(await presenceOf(agent.id)).toEqual(before);
    expect(
      await db.sql`select 1 from audit_log where entity_id = ${agent.id} and action = 'agent.presence_set'`,
    ).toHaveLength(0);
  });

  it('when a supervisor sets an agent away for training, then the grid shows it; a missed offer keeps its system reason', async () => {
    const agent = await anAgent();
    const row = nextAgentRow(agent.id, (r) => r.awayReasonCode === 'training');
    const res = await supervisor.put(`/api/wall/agents/${agent.id}/state`, { presence: 'away', reason: 'training' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ state: 'away', awayReason: 'supervisor', awayReasonCode: 'training' });
    expect(await row).toMatchObject({ awayReasonLabels: { en: 'Training', 'zh-CN': '培训' } });
    const [audit] =
      await db.sql`select data from audit_log where entity_id = ${agent.id} and action = 'agent.presence_set'`;
    expect(audit.data).toEqual({ presence: 'away', awayReason: 'training' });

    // Set away by the system (as routing does for a missed offer): who set it is the reason shown, with no code.
    const other = await anAgent();
    await other.client.put('/api/me/presence', { presence: 'available' });
    const missed = nextAgentRow(other.id, (r) => r.state === 'away');
    await setPresence(server.ctx, other.id, 'away', 'missed-offer');
    expect(await missed).toMatchObject({ awayReason: 'missed-offer', awayReasonCode: null, awayReasonLabels: null });
  });

  it('when an admin edits the list, then agents are offered the new list and a retired reason is refused', async () => {
    const agent = await anAgent();
    expect((await agent.client.put('/api/admin/away-reasons', { reasons: [] })).status).toBe(403);
    const bad = await admin.put('/api/admin/away-reasons', {
      reasons: [{ code: 'Coaching!', labels: { en: 'Coaching', 'zh-CN': '辅导' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('reasons.0.code');

    const reasons = [
      { code: 'break', labels: { en: 'Break', 'zh-CN': '休息' } },
      { code: 'coaching', labels: { en: 'Coaching', 'zh-CN': '辅导' } },
      { code: 'lunch', labels: { en: 'Lunch break', 'zh-CN': '午饭' } },
    ];
    const put = await admin.put('/api/admin/away-reasons', { reasons });
    expect(put.status, put.text).toBe(200);
    expect(put.body.reasons.filter((r: { active: boolean }) => !r.active).map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['meeting', 'training', 'other']),
    );
    const offered = await agent.client.get('/api/away-reasons');
    expect(offered.body.reasons).toEqual(reasons.map((r) => ({ ...r, active: true })));

    expect((await agent.client.put('/api/me/presence', { presence: 'away', reason: 'other' })).status).toBe(400);
    const row = nextAgentRow(agent.id, (r) => r.awayReasonCode === 'coaching');
    expect((await agent.client.put('/api/me/presence', { presence: 'away', reason: 'coaching' })).status).toBe(200);
    expect(await row).toMatchObject({ awayReasonLabels: { en: 'Coaching', 'zh-CN': '辅导' } });
    const [audit] = await db.sql`select data from audit_log where action = 'away_reasons.updated'`;
    expect(audit.data.after).toEqual(reasons);
  });

  it('when an agent was away for lunch, a meeting and for no reason, then the report splits away time by reason, in JSON and CSV', async () => {
    const agent = await anAgent();
    for (const body of [
      { presence: 'away', reason: 'lunch' },
      { presence: 'away', reason: 'break' },
      { presence: 'available' },
      { presence: 'away' },
      { presence: 'offline' },
    ])
      expect((await agent.client.put('/api/me/presence', body)).status).toBe(200);
    // The facts the console wrote, moved to a known hour: lunch 10 min, break 5, available 5, away (no reason) 5.
    const base = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
    const events = await db.sql<
      { id: number }[]
    >`select id from presence_events where user_id = ${agent.id} order by id`;
    expect(events).toHaveLength(5);
    for (const [i, offset] of [0, 600, 900, 1200, 1500].entries())
      await db.sql`update presence_events set at = ${new Date(base.getTime() + offset * 1000)} where id = ${events[i].id}`;

    const query = new URLSearchParams({
      from: base.toISOString(),
      to: new Date(base.getTime() + 3600_000).toISOString(),
      interval: '60m',
      timezone: 'UTC',
      agentId: agent.id,
    });
    const json = await supervisor.get(`/api/reports/agents?${query}`);
    expect(json.status, json.text).toBe(200);
    const [row] = json.body.rows as AgentReportRow[];
    expect(row.presenceSeconds).toEqual({ available: 300, busy: 0, away: 1200, offline: 2100 });
    expect(row.awayByReason).toEqual([
      { reason: 'break', seconds: 300 },
      { reason: 'lunch', seconds: 600 },
      { reason: null, seconds: 300 },
    ]);
    expect(json.body.awayReasons.map((r: { code: string }) => r.code)).toContain('lunch');

    const csv = await supervisor.get(`/api/reports/agents?${query}&format=csv`);
    expect(csv.status).toBe(200);
    const [header, line] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    const cells = Object.fromEntries(header.split(',').map((name, i) => [name, line.split(',')[i]]));
    expect(cells).toMatchObject({
      awaySeconds: '1200',
      'awaySeconds:break': '300',
      'awaySeconds:lunch': '600',
      'awaySeconds:none': '300',
    });
  });
});
