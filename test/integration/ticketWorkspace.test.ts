import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { sendJobId } from '../../server/outbound/sendMessageTask';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queue: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url, { ROUTING_TICK_SECONDS: '1' }));
  queue = await aQueue(db.sql, { entryForChannels: ['sms'] });
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/**
 * An agent holding an SMS ticket: the contact arrived in a queue of their own skill, was offered to them,
 * and they accepted. Agents without that skill cannot see it.
 */
async function anAgentWithTicket(text = 'I need help with my order') {
  const skill = await aSkill(db.sql);
  const ownQueue = await aQueue(db.sql, { skills: [skill] });
  const agent = await aUser(db.sql, 'agent', { skills: [skill] });
  const client = await new TestClient(server.url).signIn(agent.email, agent.password);
  await client.put('/api/me/presence', { presence: 'available' });
  const phone = aPhone();
  const { ticketId } = await intakeContact(server.ctx, anSms(phone, text, { queueId: ownQueue }));
  const offers = await waitFor(
    () => client.get('/api/offers/mine'),
    (r) => r.body.offers.some((o: { ticket: { id: string } }) => o.ticket.id === ticketId),
  );
  const offer = offers.body.offers.find((o: { ticket: { id: string } }) => o.ticket.id === ticketId);
  expect((await client.post(`/api/offers/${offer.offer.id}/accept`)).status).toBe(200);
  return { agent, client, ticketId, phone };
}

describe('the agent workspace', () => {
  it('when the agent replies, then the reply is stored queued, sent through the ticket’s channel, and shown with its delivery status', async () => {
    const { client, ticketId, phone } = await anAgentWithTicket();
    const res = await client.post(`/api/tickets/${ticketId}/replies`, { text: 'Your parcel ships today.' });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({
      direction: 'outbound',
      channel: 'sms',
      status: 'queued',
      to: phone,
      text: 'Your parcel ships today.',
    });
    // Without Twilio credentials SMS goes through the simulated Messages API, which reports delivery back.
    const delivered = await waitFor(
      () => client.get(`/api/tickets/${ticketId}`),
      (r) => r.body.messages.at(-1).status === 'delivered',
    );
    expect(delivered.body.messages.map((m: { direction: string; status: string }) => [m.direction, m.status])).toEqual([
      ['inbound', 'received'],
      ['outbound', 'delivered'],
    ]);
    const [row] = await db.sql`select provider_id, metadata from messages where id = ${res.body.message.id}`;
    expect(row.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(row.metadata).toEqual({ transport: 'twilio' });
    expect(await db.sql`select body from simulator_messages where phone = ${phone} and direction = 'to_phone'`).toEqual(
      [{ body: 'Your parcel ships today.' }],
    );
  });

  it('when the agent adds a note, then it is internal and never sent', async () => {
    const { client, ticketId } = await anAgentWithTicket();
    const res = await client.post(`/api/tickets/${ticketId}/notes`, { text: 'Customer sounds upset; offer a refund.' });
    expect(res.body.message).toMatchObject({ channel: 'note', direction: 'internal', status: 'received' });
    // A send is queued before the request is answered: a note has none, so nothing can send it later.
    expect(await server.ctx.queues.messaging.getJobState(sendJobId(res.body.message.id, 0))).toBe('unknown');
    expect((await db.sql`select status from messages where id = ${res.body.message.id}`)[0].status).toBe('received');
  });

  it('when status, priority and type change, then each change is audited with who made it and shown on the ticket', async () => {
    const { agent, client, ticketId } = await anAgentWithTicket();
    const res = await client.patch(`/api/tickets/${ticketId}`, {
      priority: 'high',
      type: 'complaint',
      status: 'pending',
    });
    expect(res.body.ticket).toMatchObject({ priority: 'high', type: 'complaint', status: 'pending' });
    const detail = await client.get(`/api/tickets/${ticketId}`);
    const changes = detail.body.audit.filter((a: { action: string }) => a.action.endsWith('_changed'));
    expect(
      changes.map((a: { action: string; data: unknown; actor: { id: string } }) => [a.action, a.data, a.actor.id]),
    ).toEqual([
      ['ticket.status_changed', { from: 'open', to: 'pending' }, agent.id],
      ['ticket.priority_changed', { from: 'normal', to: 'high' }, agent.id],
      ['ticket.type_changed', { from: null, to: 'complaint' }, agent.id],
    ]);
    expect(detail.body.audit.map((a: { action: string }) => a.action).slice(0, 3)).toEqual([
      'ticket.created',
      'ticket.offered',
      'ticket.assigned',
    ]);
  });

  it('when the agent resolves the ticket, then it leaves their inbox and their capacity frees up', async () => {
    const { client, ticketId } = await anAgentWithTicket();
    const res = await client.patch(`/api/tickets/${ticketId}`, { status: 'resolved' });
    expect(res.body.ticket.status).toBe('resolved');
    expect((await db.sql`select resolved_at from tickets where id = ${ticketId}`)[0].resolvedAt).toBeInstanceOf(Date);
    expect((await client.get('/api/inbox')).body.tickets.map((t: { id: string }) => t.id)).not.toContain(ticketId);
  });

  it('when the agent transfers to a queue, then the ticket waits there and is offered to an agent with its skills', async () => {
    const spanish = await aSkill(db.sql);
    const spanishQueue = await aQueue(db.sql, { skills: [spanish] });
    const { client, ticketId } = await anAgentWithTicket('¿Hablan español?');
    const colleague = await aUser(db.sql, 'agent', { skills: [spanish] });
    const colleagueClient = await new TestClient(server.url).signIn(colleague.email, colleague.password);
    await colleagueClient.put('/api/me/presence', { presence: 'available' });
    const res = await client.post(`/api/tickets/${ticketId}/transfer`, { queueId: spanishQueue });
    expect(res.body.ticket).toMatchObject({ queueId: spanishQueue, assigneeId: null });
    const offers = await waitFor(
      () => colleagueClient.get('/api/offers/mine'),
      (r) => r.body.offers.length > 0,
    );
    expect(offers.body.offers[0].ticket.id).toBe(ticketId);
    // The transferring agent no longer sees it: it is neither theirs nor in a queue they serve.
    expect((await client.get(`/api/tickets/${ticketId}`)).status).toBe(404);
  });

  it('when the agent transfers to an agent, then it is assigned to them at once', async () => {
    const { client, ticketId } = await anAgentWithTicket();
    const colleague = await aUser(db.sql, 'agent');
    const res = await client.post(`/api/tickets/${ticketId}/transfer`, { agentId: colleague.id });
    expect(res.body.ticket.assigneeId).toBe(colleague.id);
    const colleagueClient = await new TestClient(server.url).signIn(colleague.email, colleague.password);
    expect((await colleagueClient.get('/api/inbox')).body.tickets.map((t: { id: string }) => t.id)).toContain(ticketId);
  });

  it('when the input is wrong, then the answer is 400 naming the field and nothing changes', async () => {
    const { client, ticketId } = await anAgentWithTicket();
    const badStatus = await client.patch(`/api/tickets/${ticketId}`, { status: 'done' });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.fields[0].path).toBe('status');
    expect((await client.patch(`/api/tickets/${ticketId}`, {})).status).toBe(400);
    const empty = await client.post(`/api/tickets/${ticketId}/replies`, { text: '   ' });
    expect(empty.body.error.fields[0].path).toBe('text');
    expect((await client.post(`/api/tickets/${ticketId}/transfer`, { queueId: queue, agentId: queue })).status).toBe(
      400,
    );
    const [t] = await db.sql`select status, assignee_id from tickets where id = ${ticketId}`;
    expect(t.status).toBe('open');
    expect(await db.sql`select 1 from messages where ticket_id = ${ticketId} and direction = 'outbound'`).toHaveLength(
      0,
    );
  });

  it('when another agent tries to change a ticket they cannot see, then it is 404 and nothing changes', async () => {
    const { ticketId } = await anAgentWithTicket();
    const outsider = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(outsider.email, outsider.password);
    expect((await client.patch(`/api/tickets/${ticketId}`, { status: 'closed' })).status).toBe(404);
    expect((await client.post(`/api/tickets/${ticketId}/replies`, { text: 'hi' })).status).toBe(404);
    expect((await db.sql`select status from tickets where id = ${ticketId}`)[0].status).toBe('open');
  });
});
