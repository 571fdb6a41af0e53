import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../../server/voice/simulator/types';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { postTwilioWebhook } from '../support/twilioWebhooks';
import { aCallSid, incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';
import { waitFor } from '../support/waitFor';

// Calls where two things happen at once — an agent hanging up while the customer is brought in, a caller choosing a
// callback while an agent is rung, a transfer nobody answers — through the built-in Twilio simulator. Where the race
// has to be won a given way, the server's Twilio client is put behind an interceptor that holds or answers one REST
// request, or behind a fake Calls API while the test posts Twilio's signed webhooks itself.
//
// Time runs at a fifth of real time: an agent's phone rings out after 4 s, a customer's after 6 s.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queueId: string;
let teamId: string;
let simulatorClient: typeof server.ctx.voice.client;
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, {
      SIMULATOR_TIME_SCALE: '0.2',
      ROUTING_OFFER_TIMEOUT_SECONDS: '30',
      AFTER_CALL_WORK_SECONDS: '0',
      // One attempt: a callback tried again proves the attempt did not count against the customer.
      CALLBACK_MAX_ATTEMPTS: '1',
      CALLBACK_RETRY_DELAY_SECONDS: '1',
    }),
  );
  // Supervisors lead the phone queue's team: the calls they control are on tickets they may see.
  teamId = await aTeam(db.sql);
  queueId = await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'], teamId });
  simulatorClient = server.ctx.voice.client;
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
// REST requests a test held and did not let go (it failed first) are let go, and the simulator is the API again.
const heldRequests: Array<() => void> = [];
afterEach(() => {
  for (const release of heldRequests.splice(0)) release();
  server.ctx.voice.client = simulatorClient;
});

async function anAgent(role: 'agent' | 'supervisor' | 'admin' = 'agent') {
  const user = await aUser(db.sql, role, { teamIds: role === 'supervisor' ? [teamId] : [] });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  return { ...user, client, socket, device: `client:agent-${user.id}` };
}
type Agent = Awaited<ReturnType<typeof anAgent>>;
const available = async (agent: Agent) =>
  expect((await agent.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
/** The next offer of this ticket to the agent (an earlier test's contact coming back to routing late is not it). */
const nextOfferOf = (agent: Agent, ticketId: string, timeoutMs?: number) =>
  nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.id === ticketId, timeoutMs);
const said = (call: CallSnapshot) =>
  call.transcript
    .filter((e) => e.kind === 'say')
    .map((e) => e.text)
    .join(' | ');
const FINAL = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];
const ringing = (address: string) => sim().waitForCall((c) => c.to === address && c.status === 'ringing', 15_000);
const presenceOf = async (userId: string) =>
  (await db.sql`select presence from users where id = ${userId}`)[0].presence;
const callRow = async (callId: string) => (await db.sql`select * from calls where id = ${callId}`)[0];

/** A caller picks the agent option (key 1 of the default menu) and waits in the queue. */
async function aQueuedCaller(phone = aPhone()) {
  const sid = sim().placeCall({ from: phone, to: server.ctx.voice.companyNumber });
  await sim().waitFor(sid, (c) => c.awaiting?.kind === 'gather', 15_000);
  sim().pressDigits(sid, '1');
  await sim().waitFor(sid, (c) => c.queue !== null, 15_000);
  const [call] = await db.sql<
    { id: string; ticketId: string }[]
  >`select id, ticket_id from calls where call_sid = ${sid}`;
  return { phone, sid, callId: call.id, ticketId: call.ticketId };
}

type ApiRequest = { method: string; uri: string; data?: Record<string, unknown> };
type ApiAnswer = { statusCode: number; body: string; headers: Record<string, string> };
const ok = (body: Record<string, unknown>, statusCode = 200): ApiAnswer => ({
  statusCode,
  body: JSON.stringify(body),
  headers: {},
});
const sidOf = (req: ApiRequest) => new URL(req.uri).pathname.match(/\/Calls\/(CA\w+)\.json$/)?.[1] ?? null;

/**
 * Puts `intercept` between the server's Twilio client and the simulator (until the test ends): it may answer a REST
 * request itself, or hold it — the simulator serves it once the returned promise settles with nothing.
 */
function interceptVoiceApi(intercept: (req: ApiRequest) => Promise<ApiAnswer | undefined> | ApiAnswer | undefined) {
  const simulator = sim();
  const httpClient = {
    async request(req: ApiRequest) {
      return (await intercept(req)) ?? simulator.request(req as never);
    },
  };
  server.ctx.voice.client = twilio(server.ctx.voice.accountSid, server.ctx.voice.authToken, {
    httpClient: httpClient as never,
  });
}

/**
 * A fake Calls API in place of the simulator, keeping each call's state as Twilio would: `canceled` ends only a call
 * still queued or ringing (an answered one carries on, and the answer says so), `completed` ends any live call.
 * `answer(sid)` is the far end picking up, before any webhook of ours could tell the server.
 */
function fakeCallsApi() {
  const calls = new Map<string, { to: string; status: string }>();
  interceptVoiceApi((req) => {
    const post = req.method.toLowerCase() === 'post';
    if (post && new URL(req.uri).pathname.endsWith('/Calls.json')) {
      const sid = aCallSid();
      calls.set(sid, { to: String(req.data?.To), status: 'ringing' });
      return ok({ sid, to: req.data?.To, status: 'queued' }, 201);
    }
    const sid = sidOf(req);
    if (!sid) return ok({});
    if (!calls.has(sid)) calls.set(sid, { to: '', status: 'in-progress' });
    const call = calls.get(sid)!;
    const status = post ? req.data?.Status : undefined;
    if (status === 'canceled' && ['queued', 'ringing'].includes(call.status)) call.status = 'canceled';
    if (status === 'completed' && !FINAL.includes(call.status))
      call.status = call.status === 'in-progress' ? 'completed' : 'canceled';
    return ok({ sid, to: call.to, status: call.status });
  });
  return {
    calls,
    answer: (sid: string) => (calls.get(sid)!.status = 'in-progress'),
    placedTo: (to: string) => [...calls.entries()].filter(([, c]) => c.to === to).map(([sid]) => sid),
  };
}

/** Posts a voice webhook as Twilio does (signed with the simulated account's token). */
const post = (path: string, params: Record<string, string>) =>
  postTwilioWebhook(server.url, path, params, {
    authToken: server.ctx.sms.authToken,
    publicUrl: server.ctx.config.PUBLIC_URL,
  });

/** With the fake Calls API: a caller (their own CallSid) dials in and picks the agent option; returns their call. */
async function aCallerByWebhooks() {
  const phone = aPhone();
  const params = incomingCallParams(phone, server.ctx.voice.companyNumber);
  const menu = parseTwiml(await (await post('/webhooks/twilio/voice', params)).text());
  const queued = parseTwiml(await (await post(pathOf(menu.Gather[0].action), { ...params, Digits: '1' })).text());
  expect(queued.Enqueue).toHaveLength(1);
  const [call] = await db.sql<
    { id: string; ticketId: string }[]
  >`select id, ticket_id from calls where call_sid = ${params.CallSid}`;
  return { phone, params, callId: call.id, ticketId: call.ticketId };
}

describe('an agent who hangs up before the customer is in the conference', () => {
  it('on a callback: the customer’s ringing phone stops, the attempt is settled canceled, and the callback is tried again without using up an attempt', async () => {
    const agent = await anAgent();
    const phone = aPhone();
    sim().setEndpointBehaviour(phone, 'manual');
    const customerId = await aCustomer(db.sql, { phone });
    const booked = await agent.client.post('/api/callbacks', {
      customerId,
      phoneNumber: phone,
      queueId,
      dueAt: new Date().toISOString(),
    });
    expect(booked.status).toBe(201);
    const callbackId = booked.body.callback.id;
    const offered = nextOfferOf(agent, booked.body.ticketId);
    await available(agent);
    expect((await agent.client.post(`/api/offers/${(await offered).offer.id}/accept`)).status).toBe(200);
    const agentLeg = await ringing(agent.device);
    sim().answer(agentLeg.sid);
    const customer = await ringing(phone);

    const reoffered = nextOfferOf(agent, booked.body.ticketId);
    sim().hangup(agentLeg.sid);
    // Stopped by the server, not rung out (that would end `no-answer`, after 6 s).
    const stopped = await sim().waitFor(customer.sid, (c) => FINAL.includes(c.status), 15_000);
    expect(stopped.status).toBe('canceled');
    expect(stopped.conference).toBeNull();
    const [call] = await db.sql`select id, status, connected_at, error from calls where call_sid = ${customer.sid}`;
    expect(call).toMatchObject({
      status: 'canceled',
      connectedAt: null,
      error: 'The agent hung up before the customer was connected.',
    });
    const settled = await waitFor(
      async () => (await db.sql`select status, attempts, last_outcome from callbacks where id = ${callbackId}`)[0],
      (cb) => cb.lastOutcome !== null,
    );
    expect(settled).toEqual({ status: 'pending', attempts: 1, lastOutcome: 'canceled' });
    expect((await db.sql`select assignee_id from tickets where id = ${booked.body.ticketId}`)[0].assigneeId).toBeNull();

    // Offered again after the retry delay, though CALLBACK_MAX_ATTEMPTS is 1: this time the customer picks up.
    sim().setEndpointBehaviour(phone, 'answer');
    const again = await reoffered;
    expect((await agent.client.post(`/api/offers/${again.offer.id}/accept`)).status).toBe(200);
    sim().answer((await ringing(agent.device)).sid);
    const talking = await sim().waitForCall((c) => c.to === phone && c.conference?.participants.length === 2, 15_000);
    sim().hangup(talking.sid);
    const done = await waitFor(
      async () => (await db.sql`select status, attempts from callbacks where id = ${callbackId}`)[0],
      (cb) => cb.status === 'completed',
    );
    expect(done).toEqual({ status: 'completed', attempts: 2 });
    agent.socket.close();
  });

  it('on a click-to-dial: a customer who picks up just as the agent hangs up hears an apology, alone in no conference, and the call is not counted connected', async () => {
    const agent = await anAgent();
    const phone = aPhone();
    sim().setEndpointBehaviour(phone, 'manual');
    const customerId = await aCustomer(db.sql, { phone });
    const placed = await agent.client.post('/api/calls', { customerId, phoneNumber: phone });
    expect(placed.status).toBe(201);
    const callId = placed.body.call.id;
    const agentLeg = await ringing(agent.device);
    sim().answer(agentLeg.sid);
    const customer = await ringing(phone);
    // The server's cancel of the customer's phone is lost in the race: the customer picks up regardless.
    const cancels: string[] = [];
    interceptVoiceApi((req) => {
      if (sidOf(req) !== customer.sid || !req.data?.Status) return undefined;
      cancels.push(String(req.data.Status));
      return ok({ sid: customer.sid, status: 'canceled' });
    });

    sim().hangup(agentLeg.sid);
    const ended = await waitFor(
      () => callRow(callId),
      (c) => c.endedAt !== null,
    );
    expect(ended).toMatchObject({ status: 'canceled', error: 'The agent hung up before the customer was connected.' });
    expect(cancels).toContain('canceled');
    sim().answer(customer.sid);
    const heard = await sim().waitFor(customer.sid, (c) => FINAL.includes(c.status), 15_000);
    expect(said(heard)).toMatch(/Sorry, we could not put you through to an agent just now\. Goodbye\./);
    expect(heard.transcript.filter((e) => e.kind === 'conference')).toEqual([]);
    expect(await callRow(callId)).toMatchObject({ connectedAt: null, customerInConference: false, talkSeconds: null });
    agent.socket.close();
  });

  it('on a queued caller: the caller, already redirected to the conference, goes back to the queue; the ticket goes to the next agent; the agent is set away as for a missed call', async () => {
    const first = await anAgent();
    const second = await anAgent();
    const caller = await aQueuedCaller();
    const offered = nextOfferOf(first, caller.ticketId);
    await available(first);
    const offer = await offered;
    // The bridge's (first) redirect of the caller to the conference is held until the agent has hung up.
    let releaseRedirect!: () => void;
    const redirectHeld = new Promise<void>((resolve) => {
      let held = false;
      interceptVoiceApi(async (req) => {
        if (held || sidOf(req) !== caller.sid || !String(req.data?.Url ?? '').includes('/join')) return undefined;
        held = true;
        resolve();
        await new Promise<void>((release) => heldRequests.push((releaseRedirect = release)));
        return undefined;
      });
    });
    expect((await first.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    const firstLeg = await ringing(first.device);
    sim().answer(firstLeg.sid);
    await redirectHeld;

    const reoffered = nextOfferOf(second, caller.ticketId);
    sim().hangup(firstLeg.sid);
    const requeued = await waitFor(
      async () => (await db.sql`select assignee_id, queue_id from tickets where id = ${offer.ticket.id}`)[0],
      (t) => t.assigneeId === null,
    );
    expect(requeued).toEqual({ assigneeId: null, queueId });
    releaseRedirect();
    // Turned back at the conference's door: waiting in the queue again, never connected.
    const back = await sim().waitFor(
      caller.sid,
      (c) => /the agent is no longer available/.test(said(c)) && c.queue !== null,
      15_000,
    );
    expect(back.transcript.filter((e) => e.kind === 'conference')).toEqual([]);
    expect(await callRow(caller.callId)).toMatchObject({
      connectedAt: null,
      agentId: null,
      endedAt: null,
      customerInConference: false,
    });
    expect(await presenceOf(first.id)).toBe('away');
    const [missed] =
      await db.sql`select data from audit_log where entity_id = ${offer.ticket.id} and action = 'call.agent_missed'`;
    expect(missed.data).toMatchObject({ agentId: first.id, callId: caller.callId, hungUpBeforeConnected: true });

    // The next agent takes it and talks to the caller.
    await available(second);
    const next = await reoffered;
    expect((await second.client.post(`/api/offers/${next.offer.id}/accept`)).status).toBe(200);
    sim().answer((await ringing(second.device)).sid);
    await sim().waitFor(caller.sid, (c) => c.conference?.participants.length === 2, 15_000);
    sim().hangup(caller.sid);
    first.socket.close();
    second.socket.close();
  });
});

describe('a caller who asks for a callback while an agent holds their ticket', () => {
  it('while the agent’s phone rings: the ringing stops (the agent is not blamed), the ticket leaves the agent, and once the number is confirmed the callback is offered and dialled', async () => {
    const agent = await anAgent();
    const caller = await aQueuedCaller();
    const offered = nextOfferOf(agent, caller.ticketId);
    await available(agent);
    const offer = await offered;
    expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    const agentLeg = await ringing(agent.device);

    await sim().waitFor(caller.sid, (c) => c.queue !== null && c.awaiting?.kind === 'gather', 15_000);
    sim().pressDigits(caller.sid, '*');
    const stopped = await sim().waitFor(agentLeg.sid, (c) => FINAL.includes(c.status), 15_000);
    expect(stopped.status).toBe('canceled');
    expect((await db.sql`select assignee_id from tickets where id = ${offer.ticket.id}`)[0].assigneeId).toBeNull();

    await sim().waitFor(caller.sid, (c) => /call you back at/.test(said(c)) && c.awaiting?.kind === 'gather', 15_000);
    const callbackOffer = nextOfferOf(agent, caller.ticketId);
    sim().pressDigits(caller.sid, '1#');
    await sim().waitFor(caller.sid, (c) => c.status === 'completed', 15_000);
    expect(await presenceOf(agent.id)).toBe('available');
    expect(
      await db.sql`select 1 from audit_log where entity_id = ${offer.ticket.id} and action = 'call.agent_missed'`,
    ).toHaveLength(0);

    const next = await callbackOffer;
    expect((await agent.client.post(`/api/offers/${next.offer.id}/accept`)).status).toBe(200);
    sim().answer((await ringing(agent.device)).sid);
    const talking = await sim().waitForCall(
      (c) => c.to === caller.phone && c.conference?.participants.length === 2,
      15_000,
    );
    const [call] = await db.sql`select direction, origin, callback_id from calls where call_sid = ${talking.sid}`;
    expect(call).toMatchObject({ direction: 'outbound', origin: 'callback', callbackId: expect.any(String) });
    sim().hangup(talking.sid);
    agent.socket.close();
  });

  it('accepted while the caller still hears goodbye: the agent is rung for the callback, not for the call that is ending, and the customer is dialled', async () => {
    const agent = await anAgent();
    const api = fakeCallsApi();
    const caller = await aCallerByWebhooks();
    const choice = parseTwiml(
      await (
        await post(`/webhooks/twilio/voice/wait-choice?callId=${caller.callId}`, { ...caller.params, Digits: '*' })
      ).text(),
    );
    expect(choice.Leave).toHaveLength(1);
    const ask = parseTwiml(
      await (
        await post(`/webhooks/twilio/voice/queue-result?callId=${caller.callId}`, {
          ...caller.params,
          QueueResult: 'leave',
          QueueTime: '20',
        })
      ).text(),
    );
    const goodbye = parseTwiml(
      await (await post(pathOf(ask.Gather[0].action), { ...caller.params, Digits: '1' })).text(),
    );
    expect(goodbye.Hangup).toHaveLength(1);
    // The caller's call is still on (Twilio has not said it ended): an agent takes the callback now.
    const [callback] = await db.sql`select id, ticket_id from callbacks where origin_call_id = ${caller.callId}`;
    const offered = nextOfferOf(agent, callback.ticketId);
    await available(agent);
    const offer = await offered;
    expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);

    const [leg] = await waitFor(
      () =>
        db.sql`select l.id, l.call_sid, c.direction, c.callback_id from call_legs l join calls c on c.id = l.call_id where l.agent_id = ${agent.id}`,
      (legs) => legs[0]?.callSid != null,
    );
    expect(leg).toMatchObject({ direction: 'outbound', callbackId: callback.id });
    expect(await db.sql`select 1 from call_legs where call_id = ${caller.callId}`).toHaveLength(0);
    // The agent picks up; the customer's phone is dialled.
    api.answer(leg.callSid);
    expect(
      (
        await post(`/webhooks/twilio/voice/leg?legId=${leg.id}`, {
          ...incomingCallParams(server.ctx.voice.companyNumber, agent.device),
          CallSid: leg.callSid,
          CallStatus: 'in-progress',
          Direction: 'outbound-api',
        })
      ).status,
    ).toBe(200);
    await waitFor(
      async () => api.placedTo(caller.phone),
      (sids) => sids.length === 1,
    );

    // The goodbye ends: the callback being dialled is left alone.
    expect(
      (await post('/webhooks/twilio/voice/status', { ...caller.params, CallStatus: 'completed', CallDuration: '40' }))
        .status,
    ).toBe(204);
    expect((await db.sql`select status from callbacks where id = ${callback.id}`)[0].status).toBe('dialing');
    expect((await db.sql`select assignee_id from tickets where id = ${callback.ticketId}`)[0].assigneeId).toBe(
      agent.id,
    );
    agent.socket.close();
  });

  it('when the caller hangs up while confirming the number and their ticket was handed to an agent meanwhile, the callback leaves that agent and is offered', async () => {
    const admin = await anAgent('admin');
    const holder = await anAgent();
    const taker = await anAgent();
    const caller = await aQueuedCaller();
    await sim().waitFor(caller.sid, (c) => c.queue !== null && c.awaiting?.kind === 'gather', 15_000);
    sim().pressDigits(caller.sid, '*');
    await sim().waitFor(caller.sid, (c) => /call you back at/.test(said(c)), 15_000);
    const [{ ticketId }] = await db.sql`select ticket_id from calls where id = ${caller.callId}`;
    expect((await admin.client.post(`/api/tickets/${ticketId}/transfer`, { agentId: holder.id })).status).toBe(200);

    const offered = nextOfferOf(taker, ticketId);
    await available(taker);
    sim().hangup(caller.sid);
    const offer = await offered;
    const [callback] = await db.sql`select status, phone_number from callbacks where origin_call_id = ${caller.callId}`;
    expect(callback).toEqual({ status: 'pending', phoneNumber: caller.phone });
    expect(
      await db.sql`select 1 from audit_log where entity_id = ${ticketId} and action = 'ticket.transferred' and data->>'reason' = 'callback-waiting'`,
    ).toHaveLength(1);
    expect((await taker.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    sim().answer((await ringing(taker.device)).sid);
    const talking = await sim().waitForCall(
      (c) => c.to === caller.phone && c.conference?.participants.length === 2,
      15_000,
    );
    sim().hangup(talking.sid);
    await waitFor(
      async () => (await db.sql`select status from callbacks where origin_call_id = ${caller.callId}`)[0].status,
      (s) => s === 'completed',
    );
    for (const a of [admin, holder, taker]) a.socket.close();
  });
});

describe('a cold transfer of a click-to-dial call to an agent who does not pick up', () => {
  async function aTransferredCall() {
    const first = await anAgent();
    const second = await anAgent();
    await available(first);
    // Signed in and available (a transfer to an offline agent is refused), with nothing else waiting to be offered.
    await available(second);
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    const placed = await first.client.post('/api/calls', { customerId, phoneNumber: phone });
    expect(placed.status).toBe(201);
    sim().answer((await ringing(first.device)).sid);
    const customer = await sim().waitForCall((c) => c.to === phone && c.conference?.participants.length === 2, 15_000);
    expect((await first.client.post(`/api/calls/${placed.body.call.id}/transfer`, { agentId: second.id })).status).toBe(
      200,
    );
    const secondLeg = await ringing(second.device);
    await sim().waitFor(customer.sid, (c) => c.conference?.held === true, 15_000);
    return {
      first,
      second,
      customer,
      secondLeg,
      callId: placed.body.call.id as string,
      ticketId: placed.body.ticketId as string,
    };
  }

  it('goes back to the agent who transferred it while they are free: their phone rings, and they talk to the customer again', async () => {
    const { first, second, customer, secondLeg, callId, ticketId } = await aTransferredCall();
    sim().reject(secondLeg.sid, 'no-answer');
    const recall = await ringing(first.device);
    sim().answer(recall.sid);
    const talking = await sim().waitFor(
      customer.sid,
      (c) => c.conference?.held === false && c.conference.participants.length === 2,
      15_000,
    );
    expect(talking.conference!.participants.map((p) => p.callSid)).toContain(recall.sid);
    expect((await db.sql`select assignee_id from tickets where id = ${ticketId}`)[0].assigneeId).toBe(first.id);
    expect((await callRow(callId)).agentId).toBe(first.id);
    expect(await presenceOf(second.id)).toBe('away');
    const [recalled] =
      await db.sql`select data from audit_log where entity_id = ${ticketId} and action = 'call.transferred' and data->>'recall' = 'true'`;
    expect(recalled.data).toMatchObject({ callId, agentId: first.id });
    sim().hangup(customer.sid);
    first.socket.close();
    second.socket.close();
  });

  it('when that agent is no longer free, takes the customer off hold with an apology and ends the call; the ticket goes back to that agent', async () => {
    const { first, second, customer, secondLeg, callId, ticketId } = await aTransferredCall();
    await first.client.put('/api/me/presence', { presence: 'away' });
    sim().reject(secondLeg.sid, 'no-answer');
    const ended = await sim().waitFor(customer.sid, (c) => FINAL.includes(c.status), 15_000);
    expect(said(ended)).toMatch(/Sorry, nobody is free to take your call right now/);
    expect(sim().ringing(first.device)).toEqual([]);
    await waitFor(
      () => callRow(callId),
      (c) => c.endedAt !== null,
    );
    expect((await db.sql`select assignee_id from tickets where id = ${ticketId}`)[0].assigneeId).toBe(first.id);
    expect(await presenceOf(second.id)).toBe('away');
    first.socket.close();
    second.socket.close();
  });
});

describe('an agent and a caller hanging up at the same moment', () => {
  it('the agent’s leg ending first is acknowledged though the caller can no longer hear goodbye, and the caller’s own status ends the call', async () => {
    const agent = await anAgent();
    const caller = await aQueuedCaller();
    const offered = nextOfferOf(agent, caller.ticketId);
    await available(agent);
    expect((await agent.client.post(`/api/offers/${(await offered).offer.id}/accept`)).status).toBe(200);
    sim().answer((await ringing(agent.device)).sid);
    await sim().waitFor(caller.sid, (c) => c.conference?.participants.length === 2, 15_000);
    const [leg] = await db.sql`select id, call_sid from call_legs where agent_id = ${agent.id} and ended_at is null`;

    // The caller has hung up at Twilio; their status callback is still on its way.
    const redirects: string[] = [];
    interceptVoiceApi((req) => {
      if (sidOf(req) !== caller.sid || !req.data?.Url) return undefined;
      redirects.push(String(req.data.Url));
      return ok({ code: 21220, message: 'Call is not in-progress. Cannot redirect.', status: 400 }, 400);
    });
    const legEnded = await post(`/webhooks/twilio/voice/leg/status?legId=${leg.id}`, {
      AccountSid: server.ctx.voice.accountSid,
      CallSid: leg.callSid,
      CallStatus: 'completed',
    });
    expect(legEnded.status).toBe(204);
    expect(redirects).toEqual([expect.stringContaining('/goodbye')]);

    sim().hangup(caller.sid);
    const ended = await waitFor(
      () => callRow(caller.callId),
      (c) => c.endedAt !== null,
    );
    expect(ended).toMatchObject({ abandoned: false, agentId: agent.id, customerInConference: false });
    expect(ended.talkSeconds).not.toBeNull();
    agent.socket.close();
  });
});

describe('hanging up an agent’s leg that Twilio has answered before its webhook reached us', () => {
  it.each([
    ['the caller hangs up', 'caller'],
    ['a supervisor hangs up the call', 'supervisor'],
  ] as const)('(%s) the leg is ended: canceled, then completed as Twilio still has it in progress', async (_, who) => {
    const agent = await anAgent();
    const api = fakeCallsApi();
    const caller = await aCallerByWebhooks();
    const offered = nextOfferOf(agent, caller.ticketId);
    await available(agent);
    expect((await agent.client.post(`/api/offers/${(await offered).offer.id}/accept`)).status).toBe(200);
    const [leg] = await waitFor(
      () => db.sql`select call_sid, answered_at from call_legs where agent_id = ${agent.id}`,
      (legs) => legs[0]?.callSid != null,
    );
    api.answer(leg.callSid);
    expect(leg.answeredAt).toBeNull();

    if (who === 'caller') {
      expect(
        (await post('/webhooks/twilio/voice/status', { ...caller.params, CallStatus: 'completed', CallDuration: '30' }))
          .status,
      ).toBe(204);
    } else {
      const supervisor = await anAgent('supervisor');
      expect((await supervisor.client.post(`/api/calls/${caller.callId}/hangup`)).status).toBe(204);
      supervisor.socket.close();
    }
    const hungUp = await waitFor(
      async () => api.calls.get(leg.callSid)!.status,
      (s) => FINAL.includes(s),
    );
    expect(hungUp).toBe('completed');
    if (who === 'supervisor')
      await post('/webhooks/twilio/voice/status', { ...caller.params, CallStatus: 'completed', CallDuration: '30' });
    agent.socket.close();
  });
});

describe('canceling a callback', () => {
  it('resolves the ticket booked for it, with an audit entry, so it no longer shows as an open ticket', async () => {
    const agent = await anAgent();
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const booked = await agent.client.post('/api/callbacks', {
      customerId,
      phoneNumber: aPhone(),
      queueId,
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(booked.status).toBe(201);
    expect((await agent.client.post(`/api/callbacks/${booked.body.callback.id}/cancel`)).status).toBe(204);
    const [ticket] = await db.sql`select status, resolved_at, queue_id from tickets where id = ${booked.body.ticketId}`;
    expect(ticket).toMatchObject({ status: 'resolved', queueId: null });
    expect(ticket.resolvedAt).toBeInstanceOf(Date);
    const [audit] =
      await db.sql`select actor_user_id, data from audit_log where entity_id = ${booked.body.ticketId} and action = 'ticket.status_changed'`;
    expect(audit).toMatchObject({
      actorUserId: agent.id,
      data: { from: 'new', to: 'resolved', reason: 'callback-canceled', callbackId: booked.body.callback.id },
    });
    agent.socket.close();
  });

  it('leaves a booked ticket someone has written on open, and a caller’s own ticket open: they only leave the queue', async () => {
    const agent = await anAgent();
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const booked = await agent.client.post('/api/callbacks', {
      customerId,
      phoneNumber: aPhone(),
      queueId,
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(
      (await agent.client.post(`/api/tickets/${booked.body.ticketId}/notes`, { text: 'Customer wants a quote first.' }))
        .status,
    ).toBe(201);
    expect((await agent.client.post(`/api/callbacks/${booked.body.callback.id}/cancel`)).status).toBe(204);
    expect((await db.sql`select status from tickets where id = ${booked.body.ticketId}`)[0].status).toBe('new');

    const caller = await aQueuedCaller();
    await sim().waitFor(caller.sid, (c) => c.queue !== null && c.awaiting?.kind === 'gather', 15_000);
    sim().pressDigits(caller.sid, '*');
    await sim().waitFor(caller.sid, (c) => /call you back at/.test(said(c)) && c.awaiting?.kind === 'gather', 15_000);
    sim().pressDigits(caller.sid, '1#');
    await sim().waitFor(caller.sid, (c) => c.status === 'completed', 15_000);
    const [callback] = await db.sql`select id, ticket_id from callbacks where origin_call_id = ${caller.callId}`;
    expect((await agent.client.post(`/api/callbacks/${callback.id}/cancel`)).status).toBe(204);
    const [ticket] = await db.sql`select status, queue_id from tickets where id = ${callback.ticketId}`;
    expect(ticket.status).not.toBe('resolved');
    expect(ticket.queueId).toBeNull();
    agent.socket.close();
  });
});
