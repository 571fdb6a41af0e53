import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { untilJobsFinished } from '../support/jobs';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';
import { waitFor } from '../support/waitFor';

// The server on Twilio, its REST client wired (through the client's `httpClient`) to a local fake of Twilio's Calls
// API that refuses to place calls: a call whose agent — or callback customer — cannot be dialled must not strand anyone.
const COMPANY = '+15005550006';
const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const AUTH_TOKEN = 'a-test-auth-token-of-32-chars-xx';
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queueId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_SMS_FROM: COMPANY,
      CALLBACK_MAX_ATTEMPTS: '2',
      CALLBACK_RETRY_DELAY_SECONDS: '1',
      ROUTING_OFFER_TIMEOUT_SECONDS: '30',
    }),
  );
  queueId = await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});
// Each test's agents are the only ones taking calls, and nothing older is waiting.
beforeEach(async () => {
  await db.sql`update users set presence = 'offline'`;
  await db.sql`update offers set status = 'canceled' where status = 'pending'`;
  await db.sql`update tickets set status = 'resolved' where status <> 'resolved'`;
});

type Answer = { statusCode: number; body: string; headers: Record<string, string> };
const twilioError = (statusCode: number, code: number, message: string): Answer => ({
  statusCode,
  body: JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: statusCode }),
  headers: {},
});
const ok = (body: Record<string, unknown>, statusCode = 200): Answer => ({
  statusCode,
  body: JSON.stringify(body),
  headers: {},
});

/**
 * Plugs a fake Calls API into the server's Twilio client. `placeCall` answers each create (To is the agent's address or
 * the customer's number); everything else (hanging up a leg) succeeds. Returns the creates it saw (their To).
 */
function fakeCallsApi(placeCall: (to: string, nth: number) => Answer) {
  const creates: string[] = [];
  const httpClient = {
    async request(opts: { method: string; uri: string; data?: Record<string, unknown> }): Promise<Answer> {
      const path = new URL(opts.uri).pathname;
      if (opts.method.toLowerCase() === 'post' && path.endsWith('/Calls.json')) {
        const to = String(opts.data?.To);
        creates.push(to);
        return placeCall(to, creates.filter((t) => t === to).length);
      }
      const sid = path.split('/').pop()!.replace('.json', '');
      if (opts.data?.Status === 'completed' || opts.data?.Status === 'canceled') hangups.push(sid);
      return ok({ sid, status: 'completed' });
    },
  };
  hangups.length = 0;
  server.ctx.voice.client = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: httpClient as never });
  return creates;
}
/** The calls the server hung up through the fake (POST …/Calls/{sid}.json with Status). */
const hangups: string[] = [];
const placed = (to: string): Answer =>
  ok({ sid: `CA${randomBytes(16).toString('hex')}`, to, from: COMPANY, status: 'queued' }, 201);

const post = (path: string, params: Record<string, string>) =>
  postTwilioWebhook(server.url, path, params, { authToken: AUTH_TOKEN, publicUrl: server.ctx.config.PUBLIC_URL });

async function anAvailableAgent() {
  const user = await aUser(db.sql, 'agent');
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  expect((await client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
  return { ...user, client, socket, device: `client:agent-${user.id}` };
}
type Agent = Awaited<ReturnType<typeof anAvailableAgent>>;
const nextVoiceOffer = (agent: Agent, timeoutMs?: number) =>
  nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.channel === 'voice', timeoutMs);

/** A caller comes in by Twilio's webhooks and picks the queue; resolves with their call's id. */
async function aQueuedCaller() {
  const params = incomingCallParams(aPhone(), COMPANY);
  const menu = parseTwiml(await (await post('/webhooks/twilio/voice', params)).text());
  const queued = parseTwiml(await (await post(pathOf(menu.Gather[0].action), { ...params, Digits: '1' })).text());
  expect(queued.Enqueue[0].text).toBe(queueId);
  return new URL(menu.Gather[0].action).searchParams.get('callId')!;
}

const legsOf = (agentId: string) =>
  db.sql`select status, ended_at, call_sid from call_legs where agent_id = ${agentId}`;
const presenceOf = async (agentId: string) =>
  (await db.sql`select presence from users where id = ${agentId}`)[0].presence;

describe('when the agent’s leg cannot be placed', () => {
  it.each([
    ['Twilio keeps answering 500: retried, then given up', twilioError(500, 20500, 'Internal Server Error'), 3],
    [
      'Twilio refuses with 400: given up at once, no retry can help',
      twilioError(400, 21211, "Invalid 'To' Phone Number"),
      1,
    ],
  ])(
    '(%s) the leg fails, the agent stays available, and the call is offered to the next agent while the caller waits',
    async (_, refusal, tries) => {
      const first = await anAvailableAgent();
      const second = await anAvailableAgent();
      const creates = fakeCallsApi((to) => (to === first.device ? refusal : placed(to)));
      const offered = nextVoiceOffer(first);
      const callId = await aQueuedCaller();
      const offer = await offered;

      const reoffered = nextVoiceOffer(second);
      expect((await first.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
      expect((await reoffered).ticket.id).toBe(offer.ticket.id);

      expect(creates.filter((to) => to === first.device)).toHaveLength(tries);
      const [leg] = await legsOf(first.id);
      expect(leg).toMatchObject({ status: 'failed', callSid: null });
      expect(leg.endedAt).toBeInstanceOf(Date);
      // Nothing rang: the agent missed nothing and is not set away; the ticket says what happened.
      expect(await presenceOf(first.id)).toBe('available');
      const [audit] =
        await db.sql`select data from audit_log where entity_id = ${offer.ticket.id} and action = 'call.agent_dial_failed'`;
      expect(audit.data).toMatchObject({
        agentId: first.id,
        callId,
        error: expect.stringMatching(new RegExp(`^Twilio ${refusal.statusCode} error`)),
      });
      expect(
        await db.sql`select 1 from audit_log where entity_id = ${offer.ticket.id} and action = 'call.agent_missed'`,
      ).toHaveLength(0);
      // The caller is still waiting in the queue: their call neither ended nor has an agent.
      expect((await db.sql`select ended_at, agent_id from calls where id = ${callId}`)[0]).toEqual({
        endedAt: null,
        agentId: null,
      });

      // The next agent can take it: their leg is placed.
      const next = await reoffered;
      expect((await second.client.post(`/api/offers/${next.offer.id}/accept`)).status).toBe(200);
      const [secondLeg] = await waitFor(
        () => legsOf(second.id),
        (legs) => legs[0]?.callSid != null,
      );
      expect(secondLeg.callSid).toMatch(/^CA/);
      first.socket.close();
      second.socket.close();
    },
    30_000,
  );
});

describe('when the caller hangs up while the agent’s leg is still being placed', () => {
  it('the leg is dropped: not dialled again, and the agent is neither rung nor blamed', async () => {
    const agent = await anAvailableAgent();
    const creates = fakeCallsApi((to) =>
      to === agent.device ? twilioError(503, 20503, 'Service Unavailable') : placed(to),
    );
    const params = incomingCallParams(aPhone(), COMPANY);
    const offered = nextVoiceOffer(agent);
    const menu = parseTwiml(await (await post('/webhooks/twilio/voice', params)).text());
    await post(pathOf(menu.Gather[0].action), { ...params, Digits: '1' });
    const offer = await offered;
    expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
    await waitFor(
      async () => creates.length,
      (n) => n >= 1,
    );

    // The job will retry in a second; the caller gives up first.
    expect(
      (await post('/webhooks/twilio/voice/status', { ...params, CallStatus: 'completed', CallDuration: '30' })).status,
    ).toBe(204);
    const [leg] = await waitFor(
      () => legsOf(agent.id),
      (legs) => legs[0]?.status === 'canceled',
    );
    expect(leg).toMatchObject({ status: 'canceled', callSid: null });
    // The dial job's retry has run (and found the leg dropped): only now can "not dialled again" be told.
    const [{ id: legId }] = await db.sql`select id from call_legs where agent_id = ${agent.id}`;
    expect(await untilJobsFinished(server.ctx.queues.voice, [`dial-agent-leg-${legId}`])).toEqual(['completed']);
    expect(creates).toHaveLength(1);
    expect(
      await db.sql`select action from audit_log where entity_id = ${offer.ticket.id} and action like 'call.agent_%'`,
    ).toEqual([]);
    expect(await presenceOf(agent.id)).toBe('available');
    agent.socket.close();
  }, 30_000);
});

describe('when a callback’s customer cannot be dialled', () => {
  it('the attempt is settled failed and the callback retried after the delay, until its attempts run out; a retried dial job counts one attempt', async () => {
    const agent = await anAvailableAgent();
    const customerPhone = aPhone();
    // The customer's number: 500 (the job retries), then 400 (it gives up) — one attempt for one placement.
    const creates = fakeCallsApi((to, nth) => {
      if (to !== customerPhone) return placed(to);
      return nth % 2 === 1
        ? twilioError(500, 20500, 'Internal Server Error')
        : twilioError(400, 21211, "Invalid 'To' Phone Number");
    });
    const customerId = await aCustomer(db.sql, { phone: customerPhone });
    // Each offer is listened for before what makes it: a callback due now is offered at once, possibly before the
    // booking's answer arrives, and the retry a second after the failed attempt is settled.
    let offered = nextVoiceOffer(agent);
    const booked = await agent.client.post('/api/callbacks', {
      customerId,
      phoneNumber: customerPhone,
      queueId,
      dueAt: new Date().toISOString(),
    });
    expect(booked.status).toBe(201);
    const callbackId = booked.body.callback.id;

    for (const attempt of [1, 2]) {
      const offer = await offered;
      expect(offer.ticket.id).toBe(booked.body.ticketId);
      expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
      if (attempt === 1) offered = nextVoiceOffer(agent, 30_000);
      // The agent's leg is placed; they pick up, which brings the customer in.
      const leg = await waitFor(
        async () =>
          (await db.sql`select id, call_sid from call_legs where agent_id = ${agent.id} and ended_at is null`)[0],
        (l) => l?.callSid != null,
      );
      const answered = await post(`/webhooks/twilio/voice/leg?legId=${leg.id}`, {
        AccountSid: ACCOUNT_SID,
        CallSid: leg.callSid,
        CallStatus: 'in-progress',
        Direction: 'outbound-api',
        From: COMPANY,
        To: agent.device,
      });
      expect(answered.status).toBe(200);

      const settled = await waitFor(
        async () => (await db.sql`select status, attempts, last_outcome from callbacks where id = ${callbackId}`)[0],
        (cb) => cb.lastOutcome !== null && cb.attempts === attempt && cb.status !== 'dialing',
      );
      expect(settled).toEqual({
        status: attempt === 1 ? 'pending' : 'failed',
        attempts: attempt,
        lastOutcome: 'failed',
      });
      const [call] =
        await db.sql`select status, ended_at, error from calls where callback_id = ${callbackId} order by created_at desc limit 1`;
      expect(call).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/^Could not dial the customer: Twilio 400 error 21211/),
      });
      // The agent, alone in the conference, is let go: the server hangs up their leg (a REST call that may come
      // just after the attempt is settled), and Twilio reports it ended.
      await expect.poll(() => hangups).toContain(leg.callSid);
      expect(
        (
          await post(`/webhooks/twilio/voice/leg/status?legId=${leg.id}`, {
            AccountSid: ACCOUNT_SID,
            CallSid: leg.callSid,
            CallStatus: 'completed',
          })
        ).status,
      ).toBe(204);
    }
    expect(creates.filter((to) => to === customerPhone)).toHaveLength(4);
    const attempts =
      await db.sql`select attempt, outcome from callback_attempts where callback_id = ${callbackId} order by attempt`;
    expect(attempts).toEqual([
      { attempt: 1, outcome: 'failed' },
      { attempt: 2, outcome: 'failed' },
    ]);
    agent.socket.close();
  }, 60_000);
});
