import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentGridRow, ThresholdCrossing, WallFiguresPush } from '../../server/http/wallApiTypes';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';

// The wall pushed live, through the real paths: a signed SMS webhook, a call in the Twilio simulator, the agent's
// call controls, and supervisor actions. Facts are recorded by the database triggers; nothing here writes them.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let team: string;
let smsQueue: string;
let phoneQueue: string;
let supervisor: TestClient;
let supervisorSocket: Socket;
const sockets: Socket[] = [];
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, {
      SIMULATOR_TIME_SCALE: '0.05',
      ROUTING_OFFER_TIMEOUT_SECONDS: '30',
      AFTER_CALL_WORK_SECONDS: '60',
    }),
  );
  team = await aTeam(db.sql);
  smsQueue = await aQueue(db.sql, { name: 'Texts', teamId: team, entryForChannels: ['sms'] });
  phoneQueue = await aQueue(db.sql, { name: 'Phone', teamId: team, entryForChannels: ['voice'] });
  const s = await aUser(db.sql, 'supervisor', { teamIds: [team] });
  supervisor = await new TestClient(server.url).signIn(s.email, s.password);
  supervisorSocket = await connectSocket(server.url, supervisor.cookie);
}, 60_000);
beforeEach(async () => {
  await db.sql`update users set presence = 'offline'`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  supervisorSocket?.close();
  await server?.stop();
  await db?.drop();
});

const queueIn = (push: WallFiguresPush, queueId: string) => push.queues.find((q) => q.queueId === queueId);
const nextFigures = (queueId: string, ok: (q: NonNullable<ReturnType<typeof queueIn>>) => boolean) =>
  nextEvent<WallFiguresPush>(supervisorSocket, 'wall.figures', (p) => {
    const q = queueIn(p, queueId);
    return q !== undefined && ok(q);
  });
const nextAgentRow = (agentId: string, ok: (row: AgentGridRow) => boolean) =>
  nextEvent<AgentGridRow>(supervisorSocket, 'wall.agent', (r) => r.id === agentId && ok(r));

async function anAgent() {
  const user = await aUser(db.sql, 'agent', { teamIds: [team] });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  sockets.push(socket);
  return { ...user, client, socket, device: `client:agent-${user.id}` };
}

describe('the live wall', () => {
  it('when an SMS arrives, is taken by the supervisor and resolved, then each change is pushed to the supervisor', async () => {
    const waiting = nextFigures(smsQueue, (q) => q.byChannel.sms.today.waiting === 1);
    const res = await postTwilioWebhook(
      server.url,
      '/webhooks/twilio/sms',
      incomingSmsParams(aPhone(), '+15005550006', 'Where is my parcel?'),
      { authToken: server.ctx.sms.authToken, publicUrl: server.ctx.config.PUBLIC_URL },
    );
    expect(res.status).toBe(200);
    const first = queueIn(await waiting, smsQueue)!;
    expect(first.total.today).toMatchObject({ waiting: 1, offered: 1, answered: 0 });
    expect(first.total.today.oldestWaitingSince).not.toBeNull();

    const list = await supervisor.get('/api/wall/waiting');
    const contact = list.body.contacts.find((c: { queueId: string }) => c.queueId === smsQueue);
    expect(contact).toMatchObject({ channel: 'sms', queueName: 'Texts' });

    const taken = nextFigures(smsQueue, (q) => q.total.today.answered === 1);
    expect((await supervisor.post(`/api/wall/contacts/${contact.ticketId}/take`)).status).toBe(204);
    expect(queueIn(await taken, smsQueue)!.total.today).toMatchObject({ waiting: 0, offered: 1, answered: 1 });
    const [audit] =
      await db.sql`select data from audit_log where entity_id = ${contact.ticketId} and action = 'ticket.assigned'`;
    expect(audit.data).toMatchObject({ via: 'supervisor-take' });

    const handled = nextFigures(smsQueue, (q) => q.total.today.handled === 1);
    expect((await supervisor.patch(`/api/tickets/${contact.ticketId}`, { status: 'resolved' })).status).toBe(200);
    expect(queueIn(await handled, smsQueue)!.total.today.ahtSeconds).not.toBeNull();
  });

  it('when a supervisor sets an agent away, then the grid row is pushed with the reason, and the change is audited', async () => {
    const agent = await anAgent();
    const row = nextAgentRow(agent.id, (r) => r.state === 'away');
    const res = await supervisor.put(`/api/wall/agents/${agent.id}/state`, { presence: 'away' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ state: 'away', awayReason: 'supervisor' });
    expect(await row).toMatchObject({ presence: 'away', awayReason: 'supervisor' });
    expect(
      await db.sql`select 1 from audit_log where entity_id = ${agent.id} and action = 'agent.presence_set'`,
    ).toHaveLength(1);
  });

  it("when an agent outside the supervisor's teams is set, then 404 and nothing changes", async () => {
    const stranger = await aUser(db.sql, 'agent');
    const res = await supervisor.put(`/api/wall/agents/${stranger.id}/state`, { presence: 'available' });
    expect(res.status).toBe(404);
    expect((await db.sql`select presence from users where id = ${stranger.id}`)[0].presence).toBe('offline');
    const bad = await supervisor.put(`/api/wall/agents/${stranger.id}/state`, { presence: 'sleeping' });
    expect(bad.status).toBe(400);
  });

  it('when a call is queued, answered, held, ended and wrapped up, then the grid shows each state and the figures count it', async () => {
    const agent = await anAgent();
    const queued = nextFigures(phoneQueue, (q) => q.byChannel.voice.today.waiting === 1);
    const caller = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
    await sim().waitFor(caller, (c) => c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(caller, '1');
    await queued;

    const offered = nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.channel === 'voice');
    expect((await agent.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
    const offer = await offered;
    const ringing = nextAgentRow(agent.id, (r) => r.state === 'ringing');
    expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    await ringing;
    const onCall = nextAgentRow(agent.id, (r) => r.state === 'on_call');
    const answered = nextFigures(phoneQueue, (q) => q.byChannel.voice.today.answered === 1);
    const leg = await sim().waitForCall((c) => c.to === agent.device && c.status === 'ringing', 10_000);
    sim().answer(leg.sid);
    const row = await onCall;
    expect(row.contacts).toEqual([expect.objectContaining({ channel: 'voice', ticketId: offer.ticket.id })]);
    expect((await answered).queues[0].byChannel.voice.today).toMatchObject({ waiting: 0, offered: 1, answered: 1 });

    await sim().waitFor(caller, (c) => c.conference?.participants.length === 2, 10_000);
    const [{ id: callId }] = await db.sql<{ id: string }[]>`select id from calls where call_sid = ${caller}`;
    const held = nextAgentRow(agent.id, (r) => r.state === 'on_hold');
    expect((await agent.client.post(`/api/calls/${callId}/hold`, { hold: true })).status).toBe(200);
    await held;
    expect((await agent.client.post(`/api/calls/${callId}/hold`, { hold: false })).status).toBe(200);
    await waitFor(
      () => db.sql`select seconds from contact_events where kind = 'hold' and ticket_id = ${offer.ticket.id}`,
      (rows) => rows.length === 1,
    );

    const wrapping = nextAgentRow(agent.id, (r) => r.state === 'wrap_up');
    const handled = nextFigures(phoneQueue, (q) => q.byChannel.voice.today.handled === 1);
    sim().hangup(caller);
    await wrapping;
    await handled;
    const available = nextAgentRow(agent.id, (r) => r.state === 'available');
    expect(
      (await agent.client.post(`/api/calls/${callId}/wrap-up`, { disposition: 'resolved', note: '' })).status,
    ).toBe(200);
    await available;
    const kinds = await db.sql<
      { kind: string }[]
    >`select kind from contact_events where ticket_id = ${offer.ticket.id} order by id`;
    expect(kinds.map((k) => k.kind)).toEqual(['queued', 'answered', 'hold', 'ended', 'wrap_up']);
  });

  it('when a caller hangs up at once in the queue, then a short abandon is counted apart', async () => {
    const queued = nextFigures(phoneQueue, (q) => q.byChannel.voice.today.waiting === 1);
    const caller = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
    await sim().waitFor(caller, (c) => c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(caller, '1');
    await queued;
    const gone = nextFigures(phoneQueue, (q) => q.byChannel.voice.today.shortAbandoned === 1);
    sim().hangup(caller);
    expect(queueIn(await gone, phoneQueue)!.byChannel.voice.today).toMatchObject({ waiting: 0, abandoned: 0 });
  });

  it('when a threshold is crossed, then a notification event carries the new level', async () => {
    const admin = await aUser(db.sql, 'admin');
    const adminClient = await new TestClient(server.url).signIn(admin.email, admin.password);
    const crossing = nextEvent<ThresholdCrossing>(
      supervisorSocket,
      'wall.threshold',
      (e) => e.queueId === smsQueue && e.figure === 'waiting' && e.level === 'critical',
    );
    const put = await adminClient.put('/api/wall/settings/thresholds', {
      thresholds: [{ queueId: smsQueue, figure: 'waiting', warning: 0, critical: 1 }],
    });
    expect(put.status, put.text).toBe(200);
    for (const text of ['one', 'two'])
      await postTwilioWebhook(server.url, '/webhooks/twilio/sms', incomingSmsParams(aPhone(), '+15005550006', text), {
        authToken: server.ctx.sms.authToken,
        publicUrl: server.ctx.config.PUBLIC_URL,
      });
    expect(await crossing).toMatchObject({ level: 'critical' });
    const figures = await supervisor.get('/api/wall/figures');
    expect(figures.body.queues.find((q: any) => q.queueId === smsQueue).total.levels.waiting).toBe('critical');
    const refused = await supervisor.put('/api/wall/settings/thresholds', { thresholds: [] });
    expect(refused.status).toBe(403);
    const bad = await adminClient.put('/api/wall/settings/thresholds', {
      thresholds: [{ queueId: smsQueue, figure: 'mood', warning: 1, critical: null }],
    });
    expect(bad.status).toBe(400);
  });

  it('when an admin changes a threshold, then the wall re-levels and pushes at once, with no contact moving', async () => {
    const admin = await aUser(db.sql, 'admin');
    const adminClient = await new TestClient(server.url).signIn(admin.email, admin.password);
    // Someone waits (nobody is available), however many the tests before left waiting.
    const arrived = nextFigures(smsQueue, (q) => q.total.today.waiting > 0);
    await postTwilioWebhook(server.url, '/webhooks/twilio/sms', incomingSmsParams(aPhone(), '+15005550006', 'hi'), {
      authToken: server.ctx.sms.authToken,
      publicUrl: server.ctx.config.PUBLIC_URL,
    });
    await arrived;
    const before = await supervisor.get('/api/wall/figures');
    const waiting: number = before.body.queues.find((q: any) => q.queueId === smsQueue).total.today.waiting;
    expect(waiting).toBeGreaterThan(0);

    const told = nextEvent<{ at: string }>(supervisorSocket, 'wall.settings');
    // Exactly at the warning limit: a level is reached on reaching it, as the console colours it.
    const relevelled = nextFigures(smsQueue, (q) => q.total.levels.waiting === 'warning');
    const crossing = nextEvent<ThresholdCrossing>(
      supervisorSocket,
      'wall.threshold',
      (e) => e.queueId === smsQueue && e.figure === 'waiting' && e.level === 'warning',
    );
    const put = await adminClient.put('/api/wall/settings/thresholds', {
      thresholds: [{ queueId: smsQueue, figure: 'waiting', warning: waiting, critical: waiting + 1 }],
    });
    expect(put.status, put.text).toBe(200);
    await told;
    expect(queueIn(await relevelled, smsQueue)!.total.today.waiting).toBe(waiting);
    expect(await crossing).toMatchObject({ value: waiting });
  });
});
