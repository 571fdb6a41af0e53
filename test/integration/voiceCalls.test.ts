import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../../server/voice/simulator/types';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// The whole path through the built-in Twilio simulator: it follows the TwiML the server answers and posts the same
// signed webhooks and status callbacks Twilio would; the server drives it through the official client's REST calls.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queueId: string;
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, {
      SIMULATOR_TIME_SCALE: '0.05',
      ROUTING_OFFER_TIMEOUT_SECONDS: '30',
      CALLBACK_RETRY_DELAY_SECONDS: '1',
      CALLBACK_MAX_ATTEMPTS: '2',
    }),
  );
  queueId = await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** An agent signed in with the console's socket, taking contacts only once they set themselves available. */
async function anAgent() {
  const agent = await aUser(db.sql, 'agent');
  const client = await new TestClient(server.url).signIn(agent.email, agent.password);
  const socket = await connectSocket(server.url, client.cookie);
  return { ...agent, client, socket, device: `client:agent-${agent.id}` };
}

const said = (call: CallSnapshot) =>
  call.transcript
    .filter((e) => e.kind === 'say')
    .map((e) => e.text)
    .join(' | ');
const awaitingGather = (c: CallSnapshot) => c.awaiting?.kind === 'gather';

describe('a call from the phone simulator', () => {
  it('is filed, as it rings in, under the customer whose number calls, and under nobody for a number no customer has', async () => {
    const known = aPhone();
    const customerId = await aCustomer(db.sql, { phone: known });
    const stranger = aPhone();
    const sids = [known, stranger].map((from) => sim().placeCall({ from, to: server.ctx.voice.companyNumber }));
    await Promise.all(sids.map((sid) => sim().waitFor(sid, awaitingGather, 10_000)));
    const calls = await db.sql<{ fromNumber: string; customerId: string | null }[]>`
      select from_number, customer_id from calls where call_sid in ${db.sql(sids)}`;
    expect(Object.fromEntries(calls.map((c) => [c.fromNumber, c.customerId]))).toEqual({
      [known]: customerId,
      [stranger]: null,
    });
    sids.forEach((sid) => sim().hangup(sid));
  });

  it('runs when no Twilio credentials are configured, on the company number', async () => {
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    expect((await client.get('/api/simulator')).body.voice).toEqual({
      enabled: true,
      companyNumber: server.ctx.voice.companyNumber,
    });
  });

  it('goes caller → IVR → queue → offer → accept → agent answers → connected → completed, with a recording, and the agent wraps up', async () => {
    const agent = await anAgent();
    const caller = aPhone();
    const sid = sim().placeCall({ from: caller, to: server.ctx.voice.companyNumber });
    await sim().waitFor(sid, awaitingGather, 10_000);
    expect(said(sim().snapshot(sid)!)).toMatch(/Thank you for calling/);
    sim().pressDigits(sid, '1');
    const queued = await sim().waitFor(sid, (c) => c.queue !== null, 10_000);
    expect(queued.queue!.name).toBe(queueId);
    await sim().waitFor(sid, (c) => /next in line/.test(said(c)), 10_000);

    const offered = nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.channel === 'voice');
    await agent.client.put('/api/me/presence', { presence: 'available' });
    const pop = await offered;
    expect(pop.customer.identities.some((i: any) => i.value === caller)).toBe(true);
    expect((await agent.client.post(`/api/offers/${pop.offer.id}/accept`)).status).toBe(200);

    const ringing = await sim().waitForCall((c) => c.to === agent.device && c.status === 'ringing', 10_000);
    sim().answer(ringing.sid);
    await sim().waitFor(sid, (c) => c.conference !== null && c.conference.participants.length === 2, 10_000);
    const [call] = await db.sql`select id, connected_at, wait_seconds, agent_id from calls where call_sid = ${sid}`;
    expect(call.connectedAt).not.toBeNull();
    expect(call.agentId).toBe(agent.id);

    expect((await agent.client.post(`/api/calls/${call.id}/hold`, { hold: true })).status).toBe(200);
    await sim().waitFor(sid, (c) => c.conference?.held === true, 5_000);
    expect((await agent.client.post(`/api/calls/${call.id}/hold`, { hold: false })).status).toBe(200);
    expect((await agent.client.post(`/api/calls/${call.id}/mute`, { muted: true })).body.call.legs[0].muted).toBe(true);

    expect((await agent.client.post(`/api/calls/${call.id}/hangup`)).status).toBe(204);
    await sim().waitFor(sid, (c) => c.status === 'completed', 10_000);
    const ended = await waitFor(
      async () => {
        const [row] =
          await db.sql`select status, ended_at, talk_seconds, recording_sid, wrap_up, abandoned from calls where id = ${call.id}`;
        return row;
      },
      (row) => Boolean(row.endedAt && row.recordingSid),
    );
    expect(ended).toMatchObject({
      status: 'completed',
      wrapUp: 'pending',
      abandoned: false,
      recordingSid: expect.stringMatching(/^RE/),
    });
    expect(ended.talkSeconds).toBeGreaterThanOrEqual(0);

    const wrap = await agent.client.post(`/api/calls/${call.id}/wrap-up`, {
      disposition: 'Resolved',
      note: 'Reset the router.',
    });
    expect(wrap.status).toBe(200);
    expect(wrap.body.call).toMatchObject({ wrapUp: 'done', disposition: 'Resolved' });
    agent.socket.close();
  });

  it('a caller who hangs up while queued is abandoned; a voicemail becomes a message on a voice ticket', async () => {
    const sid = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
    await sim().waitFor(sid, awaitingGather, 10_000);
    sim().pressDigits(sid, '1');
    await sim().waitFor(sid, (c) => c.queue !== null, 10_000);
    sim().hangup(sid);
    const abandoned = await waitFor(
      async () => {
        const [row] = await db.sql`select abandoned from calls where call_sid = ${sid} and ended_at is not null`;
        return row ?? null;
      },
      (row) => row !== null,
    );
    expect(abandoned?.abandoned).toBe(true);

    const vm = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
    await sim().waitFor(vm, awaitingGather, 10_000);
    sim().pressDigits(vm, '2');
    await sim().waitFor(vm, (c) => c.awaiting?.kind === 'record', 10_000);
    sim().leaveRecording(vm, 'Please call me about my invoice');
    const message = await waitFor(
      async () => {
        const [row] =
          await db.sql`select m.body_text, t.channel from messages m join calls c on c.id = m.call_id join tickets t on t.id = m.ticket_id where c.call_sid = ${vm}`;
        return row ?? null;
      },
      (row) => row !== null,
    );
    expect(message).toMatchObject({ bodyText: expect.stringMatching(/^Voicemail/), channel: 'voice' });
    // Twilio's transcription arrives later, by its own callback, and replaces the placeholder text.
    const transcribed = await waitFor(
      async () => {
        const [row] =
          await db.sql`select m.body_text from messages m join calls c on c.id = m.call_id where c.call_sid = ${vm}`;
        return row.bodyText as string;
      },
      (text) => !/pending/.test(text),
    );
    expect(transcribed).toBe('Voicemail transcription: Please call me about my invoice');
  });

  it('a caller who presses the callback key leaves the line, confirms their number, is not counted abandoned, and is called back when an agent accepts: agent first, then the customer, retried on no answer', async () => {
    const agent = await anAgent();
    const caller = aPhone();
    const sid = sim().placeCall({ from: caller, to: server.ctx.voice.companyNumber });
    await sim().waitFor(sid, awaitingGather, 10_000);
    sim().pressDigits(sid, '1');
    await sim().waitFor(sid, (c) => c.queue !== null && c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(sid, '*');
    await sim().waitFor(sid, (c) => /call you back at/.test(said(c)) && awaitingGather(c), 10_000);
    sim().pressDigits(sid, '1#');
    await sim().waitFor(sid, (c) => c.status === 'completed', 10_000);
    const [cb] =
      await db.sql`select id, ticket_id, phone_number, status from callbacks where origin_call_id = (select id from calls where call_sid = ${sid})`;
    expect(cb).toMatchObject({ phoneNumber: caller, status: 'pending' });
    const [call] = await db.sql`select abandoned, callback_requested from calls where call_sid = ${sid}`;
    expect(call).toEqual({ abandoned: false, callbackRequested: true });

    // The callback is routed like a contact: the agent accepts, is rung first, then the customer is dialled.
    // (Contacts left waiting by the earlier tests leave the queue, so the callback is the one offered.)
    await db.sql`update offers set status = 'canceled' where status = 'pending' and ticket_id <> ${cb.ticketId}`;
    await db.sql`update tickets set status = 'resolved', queue_id = null where id <> ${cb.ticketId} and status <> 'resolved'`;
    sim().setEndpointBehaviour(caller, 'no-answer');
    for (const attempt of [1, 2]) {
      const offered = nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.channel === 'voice');
      if (attempt === 1) await agent.client.put('/api/me/presence', { presence: 'available' });
      const offer = await offered;
      expect(offer.ticket.id).toBe(cb.ticketId);
      expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
      const ringing = await sim().waitForCall((c) => c.to === agent.device && c.status === 'ringing', 10_000);
      sim().answer(ringing.sid);
      // The customer's phone rings out; the attempt is recorded with its outcome.
      const rang = await waitFor(
        async () => {
          const [row] =
            await db.sql`select call_sid, outcome from callback_attempts where callback_id = ${cb.id} and attempt = ${attempt}`;
          return row ?? null;
        },
        (row) => row?.outcome != null,
      );
      expect(sim().snapshot(rang!.callSid)).toMatchObject({ to: caller, status: 'no-answer' });
      const settled = (await db.sql`select status, attempts, last_outcome from callbacks where id = ${cb.id}`)[0];
      // No answer: tried again after the delay, until the attempts (2 here) run out.
      expect(settled).toMatchObject({
        attempts: attempt,
        lastOutcome: 'no-answer',
        status: attempt === 1 ? 'pending' : 'failed',
      });
    }
    const attempts =
      await db.sql`select attempt, agent_id, outcome, call_sid, started_at, ended_at from callback_attempts where callback_id = ${cb.id} order by attempt`;
    expect(attempts.map((a) => [a.attempt, a.agentId, a.outcome])).toEqual([
      [1, agent.id, 'no-answer'],
      [2, agent.id, 'no-answer'],
    ]);
    expect(attempts.every((a) => /^CA/.test(a.callSid))).toBe(true);
    // The retry waited CALLBACK_RETRY_DELAY_SECONDS (1 s here) after the first attempt ended.
    expect(attempts[1].startedAt.getTime() - attempts[0].endedAt.getTime()).toBeGreaterThanOrEqual(1000);

    agent.socket.close();
  });
});
