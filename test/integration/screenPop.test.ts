import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenPop } from '../../server/http/apiTypes';
import { intakeContact } from '../../server/intake/intakeContact';
import { buildScreenPop } from '../../server/routing/screenPop';
import { aPhone, anEmail, anSms } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let queue: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // Every role in one process, as `npm start` runs: the worker routes by itself. The safety-net tick is slowed
  // right down, so what happens here is driven by events (arrivals, presence, timeouts) alone.
  server = await startTestServer(testEnv(db.url, { ROUTING_OFFER_TIMEOUT_SECONDS: '2', ROUTING_TICK_SECONDS: '60' }));
  queue = await aQueue(db.sql, { entryForChannels: ['sms', 'email'] });
});
// Each test starts from an empty floor: nobody available, nothing waiting or offered.
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await db.sql`update users set presence = 'offline'`;
  await db.sql`update tickets set status = 'closed'`;
  await db.sql`update offers set status = 'canceled' where status = 'pending'`;
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

async function availableAgentWithSocket() {
  const agent = await aUser(db.sql, 'agent');
  const client = await new TestClient(server.url).signIn(agent.email, agent.password);
  const socket = await connectSocket(server.url, client.cookie);
  sockets.push(socket);
  await client.put('/api/me/presence', { presence: 'available' });
  return { agent, client, socket };
}

describe('the screen pop', () => {
  it('when a contact arrives for an available agent, then their console gets the customer, history, open tickets and the message', async () => {
    const phone = aPhone();
    // History: an earlier email conversation, resolved.
    const earlier = await intakeContact(server.ctx, anEmail('grace@example.org', 'Billing', 'Earlier email'));
    await db.sql`insert into customer_identities (customer_id, kind, value) values (${earlier.customerId}, 'phone', ${phone})`;
    await db.sql`update customers set name = 'Grace Hopper', company = 'Navy Labs', tags = '{vip}' where id = ${earlier.customerId}`;
    await db.sql`update tickets set status = 'resolved' where id = ${earlier.ticketId}`;

    const { socket } = await availableAgentWithSocket();
    const popped = nextEvent<ScreenPop>(socket, 'offer.created', () => true);
    // How fast is the benchmarks' business (P1); here, only that it comes by itself.
    const result = await intakeContact(server.ctx, anSms(phone, 'My order has not arrived'));
    const pop = await popped;

    expect(pop.ticket.id).toBe(result.ticketId);
    expect(pop.customer).toMatchObject({ name: 'Grace Hopper', company: 'Navy Labs', tags: ['vip'] });
    expect(pop.customer.identities.map((i) => i.value).sort()).toEqual(['grace@example.org', phone].sort());
    expect(pop.message).toMatchObject({ text: 'My order has not arrived', channel: 'sms', direction: 'inbound' });
    expect(pop.recentInteractions.map((i) => [i.channel, i.text])).toEqual([
      ['sms', 'My order has not arrived'],
      ['email', 'Earlier email'],
    ]);
    expect(pop.openTickets.map((t) => t.id)).toEqual([result.ticketId]);
    expect(new Date(pop.offer.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('when the offered agent does nothing, then after the reservation the next agent gets the pop and the first is set away', async () => {
    const first = await availableAgentWithSocket();
    await db.sql`update users set presence_changed_at = now() - interval '1 hour' where id = ${first.agent.id}`;
    const second = await availableAgentWithSocket();
    const toFirst = nextEvent<ScreenPop>(first.socket, 'offer.created');
    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'anyone there?'));
    expect((await toFirst).ticket.id).toBe(ticketId);
    const ended = nextEvent<{ reason: string }>(first.socket, 'offer.ended', () => true);
    const toSecond = nextEvent<ScreenPop>(second.socket, 'offer.created', () => true);
    expect((await ended).reason).toBe('timed_out');
    expect((await toSecond).ticket.id).toBe(ticketId);
    expect((await first.client.get('/api/me')).body.user.presence).toBe('away');
  });

  it('when the console reloads, then the pending offer is restored over HTTP, and accepting assigns the ticket', async () => {
    const { client, socket } = await availableAgentWithSocket();
    const popped = nextEvent<ScreenPop>(socket, 'offer.created');
    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'hello'));
    const pop = await popped;
    const restored = await client.get('/api/offers/mine');
    expect(restored.body.offers.map((o: ScreenPop) => o.offer.id)).toEqual([pop.offer.id]);
    const accepted = await client.post(`/api/offers/${pop.offer.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.ticket).toMatchObject({ id: ticketId, status: 'open' });
    expect((await client.get('/api/inbox')).body.tickets.map((t: { id: string }) => t.id)).toContain(ticketId);
    expect((await client.post(`/api/offers/${pop.offer.id}/accept`)).body.error.code).toBe('offer_gone');
    expect((await client.get('/api/offers/mine')).body.offers).toEqual([]);
  });

  it('when a contact is already waiting and an agent becomes available, then it pops for them at once', async () => {
    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'waiting for someone'));
    const agent = await aUser(db.sql, 'agent');
    const client = await new TestClient(server.url).signIn(agent.email, agent.password);
    const socket = await connectSocket(server.url, client.cookie);
    sockets.push(socket);
    const popped = nextEvent<ScreenPop>(socket, 'offer.created', () => true);
    await client.put('/api/me/presence', { presence: 'available' });
    expect((await popped).ticket.id).toBe(ticketId);
  });

  it('when an agent with an unanswered offer goes away, then the offer is withdrawn and goes to the next agent at once', async () => {
    const first = await availableAgentWithSocket();
    await db.sql`update users set presence_changed_at = now() - interval '1 hour' where id = ${first.agent.id}`;
    const second = await availableAgentWithSocket();
    const toFirst = nextEvent<ScreenPop>(first.socket, 'offer.created');
    const { ticketId } = await intakeContact(server.ctx, anSms(aPhone(), 'hello?'));
    await toFirst;
    const withdrawn = nextEvent<{ reason: string }>(first.socket, 'offer.ended');
    const toSecond = nextEvent<ScreenPop>(second.socket, 'offer.created', () => true);
    await first.client.put('/api/me/presence', { presence: 'away' });
    expect((await withdrawn).reason).toBe('canceled');
    expect((await toSecond).ticket.id).toBe(ticketId);
  });
});

describe('the screen pop of a voice offer', () => {
  // Rows as the voice handlers leave them, offered straight to an agent, so routing plays no part.
  async function offerVoiceTicket(subject: string) {
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    const agent = await aUser(db.sql, 'agent');
    const [ticket] = await db.sql<{ id: string }[]>`
      insert into tickets (customer_id, channel, subject, status) values (${customerId}, 'voice', ${subject}, 'open') returning id`;
    const [offer] = await db.sql<{ id: string }[]>`
      insert into offers (ticket_id, agent_id, channel, expires_at) values (${ticket.id}, ${agent.id}, 'voice', now() + interval '1 minute') returning id`;
    return { phone, customerId, ticketId: ticket.id, offerId: offer.id };
  }

  it('when a live call is offered, then the pop says it is a call, through which queue and since when the caller waits', async () => {
    const { phone, customerId, ticketId, offerId } = await offerVoiceTicket('Call');
    const enqueuedAt = new Date(Date.now() - 90_000);
    await db.sql`
      insert into calls (call_sid, ticket_id, customer_id, direction, from_number, to_number, status, queue_id, enqueued_at)
      values (${`CA${crypto.randomUUID().replaceAll('-', '')}`}, ${ticketId}, ${customerId}, 'inbound', ${phone}, '+15550000000', 'in-progress', ${queue}, ${enqueuedAt})`;
    const [{ name }] = await db.sql<{ name: string }[]>`select name from queues where id = ${queue}`;
    const pop = await buildScreenPop(db.sql, offerId);
    expect(pop!.voice).toEqual({
      kind: 'call',
      queueName: name,
      waitingSince: enqueuedAt.toISOString(),
      callback: null,
    });
  });

  it('when a callback is offered, then the pop carries the number to call, the note, when it is due and the attempts so far', async () => {
    const { phone, customerId, ticketId, offerId } = await offerVoiceTicket('Callback');
    const dueAt = new Date(Date.now() - 60_000);
    await db.sql`
      insert into callbacks (customer_id, ticket_id, queue_id, phone_number, due_at, status, attempts, max_attempts, note)
      values (${customerId}, ${ticketId}, ${queue}, ${phone}, ${dueAt}, 'offered', 1, 3, 'Wants the new tariff')`;
    const pop = await buildScreenPop(db.sql, offerId);
    expect(pop!.voice).toMatchObject({
      kind: 'callback',
      callback: {
        phoneNumber: phone,
        note: 'Wants the new tariff',
        dueAt: dueAt.toISOString(),
        attempts: 1,
        maxAttempts: 3,
      },
    });
  });

  it('when the offer is not a voice ticket, then the pop has no voice part', async () => {
    const { socket } = await availableAgentWithSocket();
    const popped = nextEvent<ScreenPop>(socket, 'offer.created');
    await intakeContact(server.ctx, anSms(aPhone(), 'text only'));
    expect((await popped).voice).toBeNull();
  });
});
