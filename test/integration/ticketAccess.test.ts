import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aQueue, aSkill, aTeam, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const as = async (user: { email: string; password: string }) =>
  new TestClient(server.url).signIn(user.email, user.password);

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('who sees a ticket', () => {
  it('when tickets sit in queues and with agents, then agents see their own and their queues’ tickets, supervisors their teams’, admins all', async () => {
    const billing = await aSkill(db.sql);
    const mandarin = await aSkill(db.sql);
    const north = await aTeam(db.sql);
    const south = await aTeam(db.sql);
    const northQueue = await aQueue(db.sql, { teamId: north, skills: [billing] });
    const southQueue = await aQueue(db.sql, { teamId: south, skills: [billing, mandarin] });

    const billingAgent = await aUser(db.sql, 'agent', { skills: [billing], teamIds: [north] });
    const otherAgent = await aUser(db.sql, 'agent', { skills: [], teamIds: [north] });
    const northSupervisor = await aUser(db.sql, 'supervisor', { teamIds: [north] });
    const southSupervisor = await aUser(db.sql, 'supervisor', { teamIds: [south] });
    const admin = await aUser(db.sql, 'admin');

    const customer = await aCustomer(db.sql);
    const waitingInNorth = await aTicket(db.sql, { customerId: customer, queueId: northQueue });
    const waitingInSouth = await aTicket(db.sql, { customerId: customer, queueId: southQueue });
    const assignedToOther = await aTicket(db.sql, { customerId: customer, assigneeId: otherAgent.id });

    const expectations: [typeof billingAgent, string, number][] = [
      [billingAgent, waitingInNorth, 200], // has the queue's skill
      [billingAgent, waitingInSouth, 404], // lacks mandarin
      [billingAgent, assignedToOther, 404], // someone else's, no queue
      [otherAgent, waitingInNorth, 404], // lacks billing
      [otherAgent, assignedToOther, 200], // their own
      [northSupervisor, waitingInNorth, 200],
      [northSupervisor, assignedToOther, 200], // assigned to a member of their team
      [northSupervisor, waitingInSouth, 404],
      [southSupervisor, waitingInNorth, 404],
      [southSupervisor, waitingInSouth, 200],
      [admin, waitingInSouth, 200],
      [admin, assignedToOther, 200],
    ];
    for (const [user, ticketId, status] of expectations) {
      const res = await (await as(user)).get(`/api/tickets/${ticketId}`);
      expect(res.status, `${user.email} → ticket ${ticketId}`).toBe(status);
      if (status === 200) expect(res.body.ticket.id).toBe(ticketId);
    }
  });

  it('when a ticket is assigned to an agent, then it is in that agent’s inbox only', async () => {
    const mine = await aUser(db.sql, 'agent');
    const theirs = await aUser(db.sql, 'agent');
    const customer = await aCustomer(db.sql);
    const ticket = await aTicket(db.sql, { customerId: customer, assigneeId: mine.id });
    expect((await (await as(mine)).get('/api/inbox')).body.tickets.map((t: { id: string }) => t.id)).toEqual([ticket]);
    expect((await (await as(theirs)).get('/api/inbox')).body.tickets).toEqual([]);
  });

  it('when the ticket id is not a UUID, then it answers 400 naming the parameter', async () => {
    const res = await (await as(await aUser(db.sql, 'admin'))).get('/api/tickets/123');
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('id');
  });
});

describe('every route that takes a ticket id, or the id of a message, attachment or call on a ticket', () => {
  it('when the viewer may not open the ticket, then it answers exactly as for an id that does not exist, and changes nothing', async () => {
    const billing = await aSkill(db.sql);
    const mandarin = await aSkill(db.sql);
    const north = await aTeam(db.sql);
    const south = await aTeam(db.sql);
    const northQueue = await aQueue(db.sql, { teamId: north, skills: [billing] });
    const southQueue = await aQueue(db.sql, { teamId: south, skills: [mandarin] });
    const southAgent = await aUser(db.sql, 'agent', { skills: [mandarin], teamIds: [south] });
    const customer = await aCustomer(db.sql);
    const ticket = await aTicket(db.sql, { customerId: customer, queueId: southQueue, channel: 'sms' });
    const [failed] = await db.sql<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, to_address, body_text)
      values (${ticket}, 'sms', 'outbound', 'failed', '+14155550100', 'Your refund is on its way') returning id`;
    const [attachment] = await db.sql<{ id: string }[]>`
      insert into message_attachments (message_id, filename, content_type, size_bytes, location)
      values (${failed.id}, 'refund.pdf', 'application/pdf', 3, 'attachments/refund.pdf') returning id`;
    // A call the south agent took on it and has not wrapped up yet.
    const [call] = await db.sql<{ id: string }[]>`
      insert into calls (call_sid, ticket_id, customer_id, direction, from_number, to_number, status, agent_id, ended_at, wrap_up)
      values (${`CA${randomUUID().replaceAll('-', '')}`}, ${ticket}, ${customer}, 'inbound', '+14155550100', '+14155550199',
              'completed', ${southAgent.id}, now(), 'pending')
      returning id`;
    const state = async () => ({
      ticket: (
        await db.sql`select status, queue_id, assignee_id, subject, updated_at from tickets where id = ${ticket}`
      )[0],
      messages: (await db.sql`select id, status from messages where ticket_id = ${ticket} order by id`).map((m) => ({
        ...m,
      })),
      call: (
        await db.sql`select agent_id, ended_at, wrap_up, disposition, customer_on_hold from calls where id = ${call.id}`
      )[0],
      calls: (await db.sql`select count(*)::int as n from calls`)[0].n,
    });
    const before = await state();

    type Ids = { ticket: string; message: string; attachment: string; call: string };
    const routes: [string, (ids: Ids) => string, unknown?][] = [
      ['GET', (i) => `/api/tickets/${i.ticket}`],
      ['PATCH', (i) => `/api/tickets/${i.ticket}`, { status: 'resolved' }],
      ['POST', (i) => `/api/tickets/${i.ticket}/replies`, { text: 'Hello' }],
      ['POST', (i) => `/api/tickets/${i.ticket}/messages/${i.message}/retry`],
      ['POST', (i) => `/api/tickets/${i.ticket}/notes`, { text: 'A note' }],
      ['POST', (i) => `/api/tickets/${i.ticket}/transfer`, { queueId: northQueue }],
      ['GET', (i) => `/api/tickets/${i.ticket}/calls`],
      ['GET', (i) => `/api/attachments/${i.attachment}`],
      ['GET', (i) => `/api/calls/${i.call}`],
      ['GET', (i) => `/api/calls/${i.call}/recording`],
      ['POST', (i) => `/api/calls/${i.call}/hangup`],
      ['POST', (i) => `/api/calls/${i.call}/hold`, { hold: true }],
      ['POST', (i) => `/api/calls/${i.call}/mute`, { muted: true }],
      ['POST', (i) => `/api/calls/${i.call}/transfer`, { queueId: northQueue }],
      ['POST', (i) => `/api/calls/${i.call}/wrap-up`, { disposition: 'resolved' }],
    ];
    const real: Ids = { ticket, message: failed.id, attachment: attachment.id, call: call.id };
    const missing: Ids = { ticket: randomUUID(), message: randomUUID(), attachment: randomUUID(), call: randomUUID() };
    const phone = '+14155550100';

    // An agent without the queue's skill, and a supervisor of another team.
    for (const viewer of [
      await aUser(db.sql, 'agent', { skills: [billing], teamIds: [north] }),
      await aUser(db.sql, 'supervisor', { teamIds: [north] }),
    ]) {
      const client = await as(viewer);
      for (const [method, path, body] of routes) {
        const hidden = await client.request(method, path(real), method === 'GET' ? undefined : (body ?? {}));
        const absent = await client.request(method, path(missing), method === 'GET' ? undefined : (body ?? {}));
        expect(hidden.status, `${viewer.role} ${method} ${path(real)}`).toBe(404);
        expect(hidden.body, `${viewer.role} ${method} ${path(real)}`).toEqual(absent.body);
      }
      // Click-to-dial onto it: the ticket id rides in the body.
      const dial = (ticketId: string) =>
        client.post('/api/calls', { customerId: customer, phoneNumber: phone, ticketId });
      const hidden = await dial(ticket);
      expect(hidden.status, `${viewer.role} POST /api/calls`).toBe(404);
      expect(hidden.body).toEqual((await dial(missing.ticket)).body);
    }
    expect(await state()).toEqual(before);

    // The ids are real: those who may open the ticket get it.
    const owner = await as(southAgent);
    expect((await owner.get(`/api/tickets/${ticket}`)).status).toBe(200);
    expect((await owner.get(`/api/calls/${call.id}`)).body.call.id).toBe(call.id);
    expect((await owner.get(`/api/tickets/${ticket}/calls`)).body.calls.map((c: { id: string }) => c.id)).toEqual([
      call.id,
    ]);
  });

  it('when a call’s ticket moves where its agent may not follow, then the agent still sees the call and can wrap it up', async () => {
    const agent = await aUser(db.sql, 'agent');
    const elsewhere = await aQueue(db.sql, { skills: [await aSkill(db.sql)] });
    const customer = await aCustomer(db.sql);
    const ticket = await aTicket(db.sql, { customerId: customer, queueId: elsewhere, channel: 'voice' });
    const [call] = await db.sql<{ id: string }[]>`
      insert into calls (call_sid, ticket_id, customer_id, direction, from_number, to_number, status, agent_id, ended_at, wrap_up)
      values (${`CA${randomUUID().replaceAll('-', '')}`}, ${ticket}, ${customer}, 'inbound', '+14155550100', '+14155550199',
              'completed', ${agent.id}, now(), 'pending')
      returning id`;
    const client = await as(agent);
    expect((await client.get(`/api/tickets/${ticket}`)).status).toBe(404);
    expect((await client.get(`/api/calls/${call.id}`)).status).toBe(200);
    const wrapped = await client.post(`/api/calls/${call.id}/wrap-up`, { disposition: 'resolved', note: 'Done.' });
    expect(wrapped.status).toBe(200);
    expect(wrapped.body.call).toMatchObject({ wrapUp: 'done', disposition: 'resolved' });
  });
});

describe('callbacks follow the ticket rule when they change a ticket', () => {
  const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

  it('when an agent books a callback into a queue whose tickets they may not open, then it is refused as no such queue and nothing is stored', async () => {
    const billing = await aSkill(db.sql);
    const billingQueue = await aQueue(db.sql, { skills: [billing] });
    const agent = await aUser(db.sql, 'agent', { skills: [] });
    const customerId = await aCustomer(db.sql, { phone: '+14155550123' });
    const before = await db.sql`select count(*)::int as n from callbacks`;
    const res = await (
      await as(agent)
    ).post('/api/callbacks', { customerId, phoneNumber: '+14155550123', queueId: billingQueue, dueAt: inAMinute() });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'queueId', message: 'no such queue' }]);
    expect(await db.sql`select count(*)::int as n from callbacks`).toEqual(before);
  });

  it('when a callback’s ticket has moved to a queue the agent may not open, then the agent still lists it by its queue but cannot cancel it', async () => {
    const billing = await aSkill(db.sql);
    const openQueue = await aQueue(db.sql);
    const billingQueue = await aQueue(db.sql, { skills: [billing] });
    const agent = await aUser(db.sql, 'agent', { skills: [] });
    const customerId = await aCustomer(db.sql, { phone: '+14155550124' });
    const client = await as(agent);
    const booked = await client.post('/api/callbacks', {
      customerId,
      phoneNumber: '+14155550124',
      queueId: openQueue,
      dueAt: inAMinute(),
    });
    expect(booked.status).toBe(201);
    await db.sql`update tickets set queue_id = ${billingQueue} where id = ${booked.body.ticketId}`;

    const listed = await client.get('/api/callbacks');
    expect(listed.body.callbacks.map((c: { id: string }) => c.id)).toContain(booked.body.callback.id);
    const cancel = await client.post(`/api/callbacks/${booked.body.callback.id}/cancel`);
    expect(cancel.status).toBe(404);
    expect(await db.sql`select status from callbacks where id = ${booked.body.callback.id}`).toEqual([
      { status: 'pending' },
    ]);
  });
});
