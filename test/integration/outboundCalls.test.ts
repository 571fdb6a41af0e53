import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aSkill, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// Calls we place to customers — booked callbacks and click-to-dial — through the built-in Twilio simulator.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queueId: string;
let teamId: string;
const sim = () => server.ctx.voice.simulator!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(
    testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05', ROUTING_OFFER_TIMEOUT_SECONDS: '30' }),
  );
  teamId = await aTeam(db.sql);
  queueId = await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'], teamId });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

// Supervisors lead the phone queue's team, so they see its tickets and callbacks.
async function anAgent(role: 'agent' | 'supervisor' | 'admin' = 'agent', options: { skills?: string[] } = {}) {
  const user = await aUser(db.sql, role, { ...options, teamIds: role === 'supervisor' ? [teamId] : [] });
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  return { ...user, client, socket, device: `client:agent-${user.id}` };
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('a callback booked for a time', () => {
  it('is refused with a 400 naming the field when the number or queue is wrong, and nothing is stored', async () => {
    const supervisor = await anAgent('supervisor');
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const before = (await db.sql`select count(*)::int as n from callbacks`)[0].n;
    const badPhone = await supervisor.client.post('/api/callbacks', {
      customerId,
      phoneNumber: 'call me',
      queueId,
      dueAt: inSeconds(60),
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.fields).toEqual([{ path: 'phoneNumber', message: 'must be a phone number' }]);
    const badQueue = await supervisor.client.post('/api/callbacks', {
      customerId,
      phoneNumber: aPhone(),
      queueId: crypto.randomUUID(),
      dueAt: inSeconds(60),
    });
    expect(badQueue.status).toBe(400);
    expect(badQueue.body.error.fields[0].path).toBe('queueId');
    expect((await db.sql`select count(*)::int as n from callbacks`)[0].n).toBe(before);
    supervisor.socket.close();
  });

  it('is refused with a 400 naming dueAt when it is more than a minute in the past, and nothing is stored', async () => {
    const supervisor = await anAgent('supervisor');
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const before = (await db.sql`select count(*)::int as n from callbacks`)[0].n;
    const past = await supervisor.client.post('/api/callbacks', {
      customerId,
      phoneNumber: aPhone(),
      queueId,
      dueAt: inSeconds(-3600),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual([{ path: 'dueAt', message: 'must not be in the past' }]);
    expect((await db.sql`select count(*)::int as n from callbacks`)[0].n).toBe(before);
    supervisor.socket.close();
  });

  it('waits until it is due, is offered like a call, rings the agent first, then the customer, and completes', async () => {
    const supervisor = await anAgent('supervisor');
    const agent = await anAgent();
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    expect((await agent.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);

    const offered = nextEvent<any>(agent.socket, 'offer.created', (p) => p.ticket.channel === 'voice');
    const booked = await supervisor.client.post('/api/callbacks', {
      customerId,
      phoneNumber: phone,
      queueId,
      dueAt: inSeconds(2),
      note: 'Wants the new tariff',
    });
    expect(booked.status).toBe(201);
    expect(booked.body.callback).toMatchObject({
      status: 'pending',
      phoneNumber: phone,
      note: 'Wants the new tariff',
      attempts: 0,
    });
    const bookedAt = Date.now();

    const offer = await offered;
    // Not before it is due (the agent was available all along).
    expect(Date.now() - bookedAt).toBeGreaterThanOrEqual(1500);
    expect(offer.ticket.id).toBe(booked.body.ticketId);
    expect((await agent.client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);

    const agentLeg = await sim().waitForCall((c) => c.to === agent.device && c.status === 'ringing', 10_000);
    // The customer is not dialled while the agent's phone rings.
    expect(
      sim()
        .calls()
        .some((c) => c.to === phone),
    ).toBe(false);
    sim().answer(agentLeg.sid);
    const customerLeg = await sim().waitForCall(
      (c) => c.to === phone && c.conference?.participants.length === 2,
      10_000,
    );

    const [call] =
      await db.sql`select id, origin, direction, ticket_id, agent_id from calls where call_sid = ${customerLeg.sid}`;
    expect(call).toMatchObject({
      origin: 'callback',
      direction: 'outbound',
      ticketId: booked.body.ticketId,
      agentId: agent.id,
    });
    expect((await agent.client.post(`/api/calls/${call.id}/hangup`)).status).toBe(204);

    const done = await waitFor(
      async () => (await agent.client.get(`/api/tickets/${booked.body.ticketId}/calls`)).body,
      (b) => b.callbacks?.[0]?.status === 'completed',
    );
    expect(done.callbacks[0]).toMatchObject({ status: 'completed', attempts: 1, lastOutcome: 'completed' });
    expect(done.callbacks[0].attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, agentId: agent.id, outcome: 'completed' }),
    ]);
    expect(done.calls.map((c: any) => c.id)).toContain(call.id);
    agent.socket.close();
    supervisor.socket.close();
  });

  it('can be canceled while waiting, but not once over; lists show open ones soonest first, then finished ones latest first', async () => {
    const supervisor = await anAgent('supervisor');
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const book = async (inS: number) =>
      (
        await supervisor.client.post('/api/callbacks', {
          customerId,
          phoneNumber: aPhone(),
          queueId,
          dueAt: inSeconds(inS),
        })
      ).body;
    const later = await book(7200);
    const sooner = await book(3600);
    const canceledFirst = await book(5400);
    const canceledSecond = await book(9000);
    expect((await supervisor.client.post(`/api/callbacks/${canceledFirst.callback.id}/cancel`)).status).toBe(204);
    expect((await supervisor.client.post(`/api/callbacks/${canceledSecond.callback.id}/cancel`)).status).toBe(204);
    const again = await supervisor.client.post(`/api/callbacks/${canceledFirst.callback.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/canceled/);
    // A canceled callback's ticket leaves the queue: nobody is offered it.
    expect((await db.sql`select queue_id from tickets where id = ${canceledFirst.ticketId}`)[0].queueId).toBeNull();

    const listed = (await supervisor.client.get(`/api/callbacks?customerId=${customerId}`)).body.callbacks.map(
      (c: any) => c.id,
    );
    expect(listed).toEqual([
      sooner.callback.id,
      later.callback.id,
      canceledSecond.callback.id,
      canceledFirst.callback.id,
    ]);

    // Callbacks are seen, and canceled, only by those who may see their tickets.
    // Booked by an admin: a supervisor may book only into their teams' queues.
    const elsewhere = await aQueue(db.sql, { skills: [await aSkill(db.sql)] });
    const admin = await anAgent('admin');
    const hidden = (
      await admin.client.post('/api/callbacks', {
        customerId,
        phoneNumber: aPhone(),
        queueId: elsewhere,
        dueAt: inSeconds(600),
      })
    ).body;
    const outsider = await anAgent();
    expect(
      (await outsider.client.get(`/api/callbacks?customerId=${customerId}`)).body.callbacks.map((c: any) => c.id),
    ).toEqual([sooner, later, canceledSecond, canceledFirst].map((b) => b.callback.id));
    expect((await outsider.client.post(`/api/callbacks/${hidden.callback.id}/cancel`)).status).toBe(404);
    expect((await db.sql`select status from callbacks where id = ${hidden.callback.id}`)[0].status).toBe('pending');
    admin.socket.close();
    supervisor.socket.close();
    outsider.socket.close();
  });
});

describe('click-to-dial', () => {
  it('rings the agent, then calls the customer, and logs the call on the ticket given', async () => {
    const agent = await anAgent();
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    const placed = await agent.client.post('/api/calls', { customerId, phoneNumber: phone });
    expect(placed.status).toBe(201);
    expect(placed.body.call).toMatchObject({
      direction: 'outbound',
      origin: 'click_to_dial',
      to: phone,
      agentId: agent.id,
    });

    const agentLeg = await sim().waitForCall((c) => c.to === agent.device && c.status === 'ringing', 10_000);
    sim().answer(agentLeg.sid);
    const customerLeg = await sim().waitForCall(
      (c) => c.to === phone && c.conference?.participants.length === 2,
      10_000,
    );
    expect((await agent.client.get(`/api/tickets/${placed.body.ticketId}/calls`)).body.calls).toEqual([
      expect.objectContaining({ id: placed.body.call.id, callSid: customerLeg.sid, phase: 'connected' }),
    ]);

    // A second call from the same ticket is logged on it too.
    sim().hangup(customerLeg.sid);
    await waitFor(async () => (await agent.client.get(`/api/calls/${placed.body.call.id}`)).body.call.endedAt, Boolean);
    const again = await agent.client.post('/api/calls', {
      customerId,
      phoneNumber: phone,
      ticketId: placed.body.ticketId,
    });
    expect(again.status).toBe(201);
    expect(again.body.ticketId).toBe(placed.body.ticketId);
    agent.socket.close();
  });

  it('is refused with a 400 for a number that cannot be dialled, and nothing is stored', async () => {
    const agent = await anAgent();
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const before = (await db.sql`select count(*)::int as n from calls`)[0].n;
    const res = await agent.client.post('/api/calls', { customerId, phoneNumber: '12' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('phoneNumber');
    expect((await db.sql`select count(*)::int as n from calls`)[0].n).toBe(before);
    agent.socket.close();
  });
});
