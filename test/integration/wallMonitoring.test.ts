import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallMonitoredEvent, MonitorSessionView } from '../../server/http/wallApiTypes';
import type { CallSnapshot } from '../../server/voice/simulator/types';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// A supervisor listens to, whispers into and barges into a live call, through the call's conference in the
// Twilio simulator; the agent is told when the admin setting asks for it.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let team: string;
const sockets: Socket[] = [];
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05', ROUTING_OFFER_TIMEOUT_SECONDS: '30' }),
  );
  team = await aTeam(db.sql);
  await aQueue(db.sql, { name: 'Phone', teamId: team, entryForChannels: ['voice'] });
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
  await db?.drop();
});

async function signedIn(role: 'agent' | 'supervisor' | 'admin', teamIds: string[] = [team]) {
  const user = await aUser(db.sql, role, { teamIds });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  sockets.push(socket);
  return { ...user, client, socket, device: `client:agent-${user.id}` };
}

const heard = (s: CallSnapshot | null, text: string) =>
  s?.transcript.some((e) => e.kind === 'heard' && e.text === text) ?? false;

/** A caller talking to an agent in the call's conference. */
async function aConnectedCall(agent: Awaited<ReturnType<typeof signedIn>>) {
  const caller = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
  await sim().waitFor(caller, (c) => c.awaiting?.kind === 'gather', 10_000);
  sim().pressDigits(caller, '1');
  const offered = nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.channel === 'voice');
  await agent.client.put('/api/me/presence', { presence: 'available' });
  const offer = await offered;
  expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
  const leg = await sim().waitForCall((c) => c.to === agent.device && c.status === 'ringing', 10_000);
  sim().answer(leg.sid);
  await sim().waitFor(caller, (c) => c.conference?.participants.length === 2, 10_000);
  const [{ id }] = await db.sql<{ id: string }[]>`select id from calls where call_sid = ${caller}`;
  return { caller, agentLeg: leg.sid, callId: id };
}

describe('call monitoring', () => {
  it('when a supervisor listens, whispers, barges and stops, then the conference carries each mode and the agent is told', async () => {
    const admin = await signedIn('admin', []);
    expect(
      (
        await admin.client.put('/api/wall/settings/monitoring', {
          notifyAgentWhenMonitored: true,
          shortAbandonSeconds: 5,
        })
      ).status,
    ).toBe(200);
    const agent = await signedIn('agent');
    const supervisor = await signedIn('supervisor');
    sim().setEndpointBehaviour(supervisor.device, 'answer');
    const { caller, agentLeg, callId } = await aConnectedCall(agent);

    const calls = await supervisor.client.get('/api/wall/calls');
    expect(calls.body.calls).toEqual([expect.objectContaining({ callId, agentId: agent.id, monitoring: null })]);

    const told = nextEvent<CallMonitoredEvent>(agent.socket, 'call.monitored', (e) => e.mode === 'listen');
    const started = await supervisor.client.post(`/api/wall/calls/${callId}/monitor`, { mode: 'listen' });
    expect(started.status, started.text).toBe(200);
    const session = started.body as MonitorSessionView;
    expect(session).toMatchObject({ callId, agentId: agent.id, mode: 'listen', status: 'active' });
    expect(await told).toMatchObject({ callId });
    const supervisorLeg = (
      await db.sql<{ callSid: string }[]>`select call_sid from monitor_sessions where id = ${session.id}`
    )[0].callSid;
    await sim().waitFor(caller, (c) => c.conference?.participants.length === 3, 10_000);

    // Listen: the supervisor hears both, nobody hears the supervisor.
    sim().speak(caller, 'my card was charged twice');
    await sim().waitFor(supervisorLeg, (s) => heard(s, 'my card was charged twice'), 10_000);
    sim().speak(supervisorLeg, 'unheard');

    // Whisper: the agent hears the supervisor, the caller does not.
    expect((await supervisor.client.put(`/api/wall/monitor-sessions/${session.id}`, { mode: 'whisper' })).status).toBe(
      200,
    );
    expect(
      sim()
        .snapshot(caller)!
        .conference!.participants.find((p) => p.callSid === supervisorLeg),
    ).toMatchObject({ coaching: agentLeg, muted: false });
    sim().speak(supervisorLeg, 'offer a refund');
    await sim().waitFor(agentLeg, (s) => heard(s, 'offer a refund'), 10_000);

    // Barge: everyone hears the supervisor.
    expect((await supervisor.client.put(`/api/wall/monitor-sessions/${session.id}`, { mode: 'barge' })).status).toBe(
      200,
    );
    sim().speak(supervisorLeg, 'we will refund you today');
    await sim().waitFor(caller, (s) => heard(s, 'we will refund you today'), 10_000);
    expect(heard(sim().snapshot(caller), 'offer a refund')).toBe(false);
    expect(heard(sim().snapshot(caller), 'unheard')).toBe(false);
    expect(heard(sim().snapshot(agentLeg), 'unheard')).toBe(false);

    const stopped = nextEvent<CallMonitoredEvent>(agent.socket, 'call.monitored', (e) => e.mode === null);
    const res = await supervisor.client.request('DELETE', `/api/wall/monitor-sessions/${session.id}`);
    expect(res.status).toBe(204);
    await stopped;
    await sim().waitFor(supervisorLeg, (s) => s.status === 'completed', 10_000);
    expect(sim().snapshot(caller)!.status).toBe('in-progress');
    expect(
      (
        await db.sql`select action from audit_log where entity_id = ${callId} and action like 'call.monitoring%' order by id`
      ).map((r) => r.action),
    ).toEqual([
      'call.monitoring_started',
      'call.monitoring_changed',
      'call.monitoring_changed',
      'call.monitoring_stopped',
    ]);
    sim().hangup(caller);
  });

  it("when a supervisor tries to monitor another team's call, then 404 and nobody joins", async () => {
    const agent = await signedIn('agent');
    const outsider = await signedIn('supervisor', [await aTeam(db.sql)]);
    const { caller, callId } = await aConnectedCall(agent);
    const res = await outsider.client.post(`/api/wall/calls/${callId}/monitor`, { mode: 'listen' });
    expect(res.status).toBe(404);
    const bad = await outsider.client.post(`/api/wall/calls/${callId}/monitor`, { mode: 'spy' });
    expect(bad.status).toBe(400);
    expect(sim().snapshot(caller)!.conference!.participants).toHaveLength(2);
    sim().hangup(caller);
  });

  it('when the admin setting is off, then a supervisor monitors without the agent being told', async () => {
    const admin = await signedIn('admin', []);
    const off = await admin.client.put('/api/wall/settings/monitoring', {
      notifyAgentWhenMonitored: false,
      shortAbandonSeconds: 5,
    });
    expect(off.status, off.text).toBe(200);
    const agent = await signedIn('agent');
    const supervisor = await signedIn('supervisor');
    sim().setEndpointBehaviour(supervisor.device, 'answer');
    const { caller, callId } = await aConnectedCall(agent);
    const toldAgent: CallMonitoredEvent[] = [];
    agent.socket.on('call.monitored', (e: CallMonitoredEvent) => toldAgent.push(e));

    const started = nextEvent<MonitorSessionView>(supervisor.socket, 'monitor.changed', (e) => e.callId === callId);
    const res = await supervisor.client.post(`/api/wall/calls/${callId}/monitor`, { mode: 'listen' });
    expect(res.status, res.text).toBe(200);
    await started;
    const stopped = nextEvent<MonitorSessionView>(supervisor.socket, 'monitor.changed', (e) => e.status !== 'active');
    expect((await supervisor.client.request('DELETE', `/api/wall/monitor-sessions/${res.body.id}`)).status).toBe(204);
    await stopped;
    // The supervisor's events went out after the agent's would have: a notice would have landed by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toldAgent).toEqual([]);
    sim().hangup(caller);
  });
});
