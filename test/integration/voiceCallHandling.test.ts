import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// What happens around a connected call, through the built-in Twilio simulator: an agent who does not pick up,
// transfer to another queue, and after-call work holding back the next call.
const AFTER_CALL_WORK_SECONDS = 4;
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, {
      SIMULATOR_TIME_SCALE: '0.05',
      ROUTING_OFFER_TIMEOUT_SECONDS: '30',
      AFTER_CALL_WORK_SECONDS: String(AFTER_CALL_WORK_SECONDS),
    }),
  );
  await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});
// Each test's agents are the only ones taking calls, and its callers the only ones waiting.
beforeEach(async () => {
  await db.sql`update users set presence = 'offline'`;
  await db.sql`update offers set status = 'canceled' where status = 'pending'`;
  await db.sql`update tickets set status = 'resolved', queue_id = null where status <> 'resolved' and assignee_id is null`;
});

async function anAgent(skills: string[] = []) {
  const user = await aUser(db.sql, 'agent', { skills });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  return { ...user, client, socket, device: `client:agent-${user.id}` };
}
type Agent = Awaited<ReturnType<typeof anAgent>>;
const available = async (agent: Agent) =>
  expect((await agent.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
const nextVoiceOffer = (agent: Agent, timeoutMs?: number) =>
  nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.channel === 'voice', timeoutMs);

/** A caller picks the agent option (key 1 of the default menu) and waits in the queue. */
async function aQueuedCaller() {
  const phone = aPhone();
  const sid = sim().placeCall({ from: phone, to: server.ctx.voice.companyNumber });
  await sim().waitFor(sid, (c) => c.awaiting?.kind === 'gather', 10_000);
  sim().pressDigits(sid, '1');
  await sim().waitFor(sid, (c) => c.queue !== null, 10_000);
  return { phone, sid };
}

/**
 * A caller queues for an agent already available. The offer is listened for before the call is placed: its pop can
 * reach the agent before the simulator has seen the caller enter the queue.
 */
async function aCallerOfferedTo(agent: Agent) {
  const offered = nextVoiceOffer(agent);
  const caller = await aQueuedCaller();
  return { caller, offer: await offered };
}

/** The agent accepts the offer and picks up their (simulated) browser phone: agent and caller talk. */
async function acceptAndAnswer(agent: Agent, offer: any, callerSid: string) {
  expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
  const ringing = await sim().waitForCall((c) => c.to === agent.device && c.status === 'ringing', 10_000);
  sim().answer(ringing.sid);
  await sim().waitFor(callerSid, (c) => c.conference?.participants.length === 2, 10_000);
  return (await db.sql<{ id: string }[]>`select id from calls where call_sid = ${callerSid}`)[0].id;
}

describe('an agent with a phone number in their profile', () => {
  it('is rung on that phone when they accept, and talks to the caller once they pick up', async () => {
    const agent = await anAgent();
    const agentPhone = aPhone();
    await db.sql`update users set phone_number = ${agentPhone} where id = ${agent.id}`;
    sim().setEndpointBehaviour(agentPhone, 'manual');
    await available(agent);
    const { caller, offer } = await aCallerOfferedTo(agent);
    expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    const ringing = await sim().waitForCall((c) => c.to === agentPhone && c.status === 'ringing', 10_000);
    expect(ringing.from).toBe(server.ctx.voice.companyNumber);
    expect(
      sim()
        .calls()
        .some((c) => c.to === agent.device),
    ).toBe(false);
    sim().answer(ringing.sid);
    const talking = await sim().waitFor(caller.sid, (c) => c.conference?.participants.length === 2, 10_000);
    expect(talking.conference!.participants.map((p) => p.callSid)).toContain(ringing.sid);
    sim().hangup(caller.sid);
    agent.socket.close();
  });
});

describe('an agent who does not pick up', () => {
  it('is set away, and the call is offered to the next agent while the caller keeps waiting', async () => {
    const first = await anAgent();
    const second = await anAgent();
    await available(first);
    const { caller, offer } = await aCallerOfferedTo(first);
    expect((await first.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    const ringing = await sim().waitForCall((c) => c.to === first.device && c.status === 'ringing', 10_000);

    const nextOffer = nextVoiceOffer(second);
    await available(second);
    sim().reject(ringing.sid);
    expect((await nextOffer).ticket.id).toBe(offer.ticket.id);
    expect(sim().snapshot(caller.sid)!.queue).not.toBeNull();
    expect((await db.sql`select presence from users where id = ${first.id}`)[0].presence).toBe('away');
    expect(
      await db.sql`select action from audit_log where entity_id = ${offer.ticket.id} and action = 'call.agent_missed'`,
    ).toHaveLength(1);
    sim().hangup(caller.sid);
    first.socket.close();
    second.socket.close();
  });
});

describe('transfer to a queue', () => {
  it('puts the caller back to wait in that queue, where an agent with its skill takes the call', async () => {
    const skill = await aSkill(db.sql);
    const specialists = await aQueue(db.sql, { name: 'Specialists', skills: [skill] });
    const first = await anAgent();
    const specialist = await anAgent([skill]);
    await available(first);
    const { caller, offer } = await aCallerOfferedTo(first);
    const callId = await acceptAndAnswer(first, offer, caller.sid);

    const offered = nextVoiceOffer(specialist);
    await available(specialist);
    expect((await first.client.post(`/api/calls/${callId}/transfer`, { queueId: specialists })).status).toBe(200);
    // The caller waits again, now in the specialists' queue; the first agent's leg is gone.
    await sim().waitFor(caller.sid, (c) => c.queue !== null, 10_000);
    const transferred = await offered;
    expect(transferred.ticket.queueId).toBe(specialists);
    expect(await acceptAndAnswer(specialist, transferred, caller.sid)).toBe(callId);
    const [call] = await db.sql`select agent_id, queue_id from calls where id = ${callId}`;
    expect(call).toEqual({ agentId: specialist.id, queueId: specialists });
    sim().hangup(caller.sid);
    first.socket.close();
    specialist.socket.close();
  });

  it('is refused with a 400 for a queue that does not exist (or a 409 for an offline agent), and the call stays connected', async () => {
    const agent = await anAgent();
    await available(agent);
    const { caller, offer } = await aCallerOfferedTo(agent);
    const callId = await acceptAndAnswer(agent, offer, caller.sid);
    const res = await agent.client.post(`/api/calls/${callId}/transfer`, { queueId: crypto.randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('queueId');
    const offline = await aUser(db.sql, 'agent', { name: 'Olga Offline' });
    const toOffline = await agent.client.post(`/api/calls/${callId}/transfer`, { agentId: offline.id });
    expect(toOffline.status).toBe(409);
    expect(toOffline.body.error.message).toBe('Olga Offline is offline and cannot take calls.');
    expect(sim().snapshot(caller.sid)!.conference?.held).toBe(false);
    expect(sim().snapshot(caller.sid)!.conference?.participants).toHaveLength(2);
    sim().hangup(caller.sid);
    agent.socket.close();
  });
});

describe('after-call work', () => {
  async function aFinishedCall(agent: Agent) {
    const { caller, offer } = await aCallerOfferedTo(agent);
    const callId = await acceptAndAnswer(agent, offer, caller.sid);
    sim().hangup(caller.sid);
    await waitFor(
      async () => (await db.sql`select wrap_up from calls where id = ${callId}`)[0].wrapUp,
      (w) => w === 'pending',
    );
    return { callId, endedAt: Date.now() };
  }

  it('holds the next call back until the agent wraps up', async () => {
    const agent = await anAgent();
    await available(agent);
    const { callId } = await aFinishedCall(agent);

    let offered = false;
    const next = nextVoiceOffer(agent).then((o) => ((offered = true), o));
    const waiting = await aQueuedCaller();
    await new Promise((r) => setTimeout(r, 1500));
    expect(offered).toBe(false);

    expect(
      (await agent.client.post(`/api/calls/${callId}/wrap-up`, { disposition: 'resolved', note: 'Done.' })).status,
    ).toBe(200);
    const offer = await next;
    expect(offer.ticket.channel).toBe('voice');
    sim().hangup(waiting.sid);
    agent.socket.close();
  });

  it('ends by itself after AFTER_CALL_WORK_SECONDS: the next call is offered even without a wrap-up', async () => {
    const agent = await anAgent();
    await available(agent);
    const { endedAt } = await aFinishedCall(agent);
    const next = nextVoiceOffer(agent, (AFTER_CALL_WORK_SECONDS + 6) * 1000);
    const waiting = await aQueuedCaller();
    await next;
    expect(Date.now() - endedAt).toBeGreaterThanOrEqual((AFTER_CALL_WORK_SECONDS - 1) * 1000);
    sim().hangup(waiting.sid);
    agent.socket.close();
  });
});
