import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import {
  acceptOffer,
  acknowledgeOffer,
  expireOffers,
  overflowWaitingTickets,
  rejectOffer,
} from '../../server/routing/offerLifecycle';
import { runRoutingPass } from '../../server/routing/routingPass';
import { listWaitingTickets } from '../../server/routing/routingInputs';
import { updateTicket } from '../../server/tickets/ticketCommands';
import { anEmail, aPhone, anSms } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let other: Awaited<ReturnType<typeof startTestServer>>;
const ctx = () => server.ctx;

beforeAll(async () => {
  db = await createTestDatabase();
  // No worker: nothing routes in the background, each test drives routing itself.
  const env = testEnv(db.url, { SERVICES: 'web', ROUTING_OFFER_TIMEOUT_SECONDS: '1', ROUTING_POP_ACK_SECONDS: '1' });
  server = await startTestServer(env);
  other = await startTestServer(env);
});
afterAll(async () => {
  await other?.stop();
  await server?.stop();
  await db?.drop();
});
// Each test starts from an empty floor: nobody available, nothing waiting.
beforeEach(async () => {
  await db.sql`update users set presence = 'offline'`;
  await db.sql`update tickets set status = 'closed'`;
  await db.sql`update offers set status = 'canceled' where status = 'pending'`;
});

/** Runs a deadline check (expiry, overflow) until it acts on something: what is due once its time has come. */
const untilSome = <T>(check: () => Promise<T[]>) => waitFor(check, (acted) => acted.length > 0);

async function anAvailableAgent(options: { skills?: string[]; sms?: number; idleSinceSecondsAgo?: number } = {}) {
  const agent = await aUser(db.sql, 'agent', { skills: options.skills });
  await db.sql`
    update users set presence = 'available', capacity_sms = ${options.sms ?? 3},
      presence_changed_at = now() - make_interval(secs => ${options.idleSinceSecondsAgo ?? 0})
    where id = ${agent.id}`;
  return agent.id;
}

async function aWaitingTicket(queueId: string, options: { priority?: string; phone?: string } = {}) {
  const { ticketId, customerId } = await intakeContact(ctx(), anSms(options.phone ?? aPhone(), 'help', { queueId }));
  if (options.priority) await db.sql`update tickets set priority = ${options.priority} where id = ${ticketId}`;
  return { ticketId, customerId };
}

const pendingOffers = () =>
  db.sql<
    { ticketId: string; agentId: string }[]
  >`select ticket_id, agent_id from offers where status = 'pending' order by offered_at`;
const presenceOf = async (id: string) => (await db.sql`select presence from users where id = ${id}`)[0].presence;

describe('routing', () => {
  it('when a queue requires a skill, then only an available agent with it is offered the ticket', async () => {
    const billing = await aSkill(db.sql);
    const queue = await aQueue(db.sql, { skills: [billing] });
    await anAvailableAgent({ idleSinceSecondsAgo: 600 }); // idle longest, but lacks the skill
    const offline = await aUser(db.sql, 'agent', { skills: [billing] }); // has it, but offline
    const skilled = await anAvailableAgent({ skills: [billing] });
    const { ticketId } = await aWaitingTicket(queue);
    const offers = await runRoutingPass(ctx());
    expect(offers).toEqual([expect.objectContaining({ ticketId, agentId: skilled })]);
    expect(offers[0].agentId).not.toBe(offline.id);
  });

  it('when several agents are eligible, then the one idle longest is offered first, and the next ticket goes to the next', async () => {
    const queue = await aQueue(db.sql);
    const recent = await anAvailableAgent({ idleSinceSecondsAgo: 10 });
    const longest = await anAvailableAgent({ idleSinceSecondsAgo: 300 });
    const first = await aWaitingTicket(queue);
    expect((await runRoutingPass(ctx()))[0]).toMatchObject({ ticketId: first.ticketId, agentId: longest });
    const second = await aWaitingTicket(queue);
    expect((await runRoutingPass(ctx()))[0]).toMatchObject({ ticketId: second.ticketId, agentId: recent });
  });

  it('when an agent is at capacity for a channel, counting pending offers, then nothing more is offered until a ticket is resolved', async () => {
    const queue = await aQueue(db.sql);
    const agent = await anAvailableAgent({ sms: 2 });
    const tickets = [await aWaitingTicket(queue), await aWaitingTicket(queue), await aWaitingTicket(queue)];
    expect(await runRoutingPass(ctx())).toHaveLength(2);
    const [held] = await pendingOffers();
    await acceptOffer(
      ctx(),
      (await db.sql`select id from offers where ticket_id = ${held.ticketId} and status = 'pending'`)[0].id,
      agent,
    );
    expect(await runRoutingPass(ctx())).toHaveLength(0); // one assigned + one offered = 2
    await updateTicket(ctx(), { userId: agent, role: 'agent' }, held.ticketId, { status: 'resolved' });
    const freed = await runRoutingPass(ctx());
    expect(freed).toHaveLength(1);
    expect(freed[0].ticketId).toBe(tickets[2].ticketId);
  });

  it('when tickets wait, then higher priority goes first, then the oldest', async () => {
    const queue = await aQueue(db.sql);
    const oldLow = await aWaitingTicket(queue, { priority: 'low' });
    const oldNormal = await aWaitingTicket(queue);
    const newNormal = await aWaitingTicket(queue);
    const newUrgent = await aWaitingTicket(queue, { priority: 'urgent' });
    await anAvailableAgent({ sms: 4 });
    const order = (await runRoutingPass(ctx())).map((o) => o.ticketId);
    expect(order).toEqual([newUrgent.ticketId, oldNormal.ticketId, newNormal.ticketId, oldLow.ticketId]);
  });

  it('when an offer the agent saw times out, then the agent is set away and the ticket is offered to the next agent', async () => {
    const queue = await aQueue(db.sql);
    const sleepy = await anAvailableAgent({ idleSinceSecondsAgo: 100 });
    const awake = await anAvailableAgent();
    const { ticketId } = await aWaitingTicket(queue);
    const [offer] = await runRoutingPass(ctx());
    expect(offer.agentId).toBe(sleepy);
    await acknowledgeOffer(ctx(), offer.offerId, sleepy); // the pop is on their screen
    expect(await expireOffers(ctx())).toHaveLength(0); // not due yet
    expect(await untilSome(() => expireOffers(ctx()))).toEqual([
      expect.objectContaining({ ticketId, agentId: sleepy }),
    ]);
    expect(await presenceOf(sleepy)).toBe('away');
    expect(await runRoutingPass(ctx())).toEqual([expect.objectContaining({ ticketId, agentId: awake })]);
    const audit = await db.sql`select action from audit_log where entity_id = ${ticketId} order by id`;
    expect(audit.map((a) => a.action)).toEqual([
      'ticket.created',
      'ticket.offered',
      'ticket.offer_timed_out',
      'ticket.offered',
    ]);
  });

  it('when an agent rejects, then the ticket goes to the next agent, and comes back to them only if nobody else is free', async () => {
    const queue = await aQueue(db.sql);
    const picky = await anAvailableAgent({ idleSinceSecondsAgo: 100 });
    const { ticketId } = await aWaitingTicket(queue);
    const [offer] = await runRoutingPass(ctx());
    await rejectOffer(ctx(), offer.offerId, picky);
    expect(await presenceOf(picky)).toBe('available');
    const backup = await anAvailableAgent();
    expect((await runRoutingPass(ctx()))[0]).toMatchObject({ ticketId, agentId: backup });
    await rejectOffer(
      ctx(),
      (await db.sql`select id from offers where ticket_id = ${ticketId} and status = 'pending'`)[0].id,
      backup,
    );
    expect((await runRoutingPass(ctx()))[0]).toMatchObject({ ticketId, agentId: picky });
  });

  it('when a ticket waits past its queue’s overflow time with no eligible agent, then it moves to the overflow queue and is offered there', async () => {
    const rare = await aSkill(db.sql);
    const general = await aQueue(db.sql);
    const specialist = await aQueue(db.sql, { skills: [rare], overflowQueueId: general, overflowAfterSeconds: 1 });
    const generalist = await anAvailableAgent();
    const { ticketId } = await aWaitingTicket(specialist);
    expect(await runRoutingPass(ctx())).toHaveLength(0);
    expect(await overflowWaitingTickets(ctx())).toHaveLength(0); // not yet
    expect(await untilSome(() => overflowWaitingTickets(ctx()))).toEqual([
      { id: ticketId, fromQueueId: specialist, toQueueId: general },
    ]);
    expect((await runRoutingPass(ctx()))[0]).toMatchObject({ ticketId, agentId: generalist });
    const [audit] =
      await db.sql`select data from audit_log where entity_id = ${ticketId} and action = 'ticket.overflowed'`;
    expect(audit.data).toEqual({ fromQueueId: specialist, toQueueId: general });
  });

  it('when a returning customer writes, then the agent who served them recently gets it even if another is idle longer', async () => {
    const queue = await aQueue(db.sql);
    const phone = aPhone();
    const usual = await anAvailableAgent();
    const first = await aWaitingTicket(queue, { phone });
    const [offer] = await runRoutingPass(ctx());
    await acceptOffer(ctx(), offer.offerId, usual);
    await updateTicket(ctx(), { userId: usual, role: 'agent' }, first.ticketId, { status: 'closed' });
    const idler = await anAvailableAgent({ idleSinceSecondsAgo: 3600 });
    const again = await aWaitingTicket(queue, { phone });
    expect(again.ticketId).not.toBe(first.ticketId);
    expect((await runRoutingPass(ctx()))[0]).toMatchObject({ ticketId: again.ticketId, agentId: usual });
    // A stranger's ticket still goes to the one idle longest.
    await aWaitingTicket(queue);
    expect((await runRoutingPass(ctx()))[0].agentId).toBe(idler);
  });

  it('when two routers run at once on one database, then no ticket is offered twice and no agent exceeds capacity', async () => {
    const queue = await aQueue(db.sql);
    const agents = await Promise.all(Array.from({ length: 5 }, () => anAvailableAgent({ sms: 3 })));
    for (let i = 0; i < 30; i++) await aWaitingTicket(queue);
    const passes = Array.from({ length: 8 }, (_, i) => runRoutingPass(i % 2 ? other.ctx : server.ctx));
    const results = await Promise.all(passes);
    expect(results.flat()).toHaveLength(15);
    const offers = await pendingOffers();
    expect(offers).toHaveLength(15);
    expect(new Set(offers.map((o) => o.ticketId)).size).toBe(15);
    for (const agent of agents) expect(offers.filter((o) => o.agentId === agent)).toHaveLength(3);
  });

  it('when an offer is answered late or by someone else, then accepting is refused and changes nothing', async () => {
    const queue = await aQueue(db.sql);
    const agent = await anAvailableAgent();
    const stranger = await anAvailableAgent();
    await db.sql`update users set presence = 'away' where id = ${stranger}`;
    const { ticketId } = await aWaitingTicket(queue);
    const [offer] = await runRoutingPass(ctx());
    await expect(acceptOffer(ctx(), offer.offerId, stranger)).rejects.toMatchObject({ status: 404 });
    await waitFor(
      () => db.sql`select expires_at <= now() as due from offers where id = ${offer.offerId}`,
      ([o]) => o.due,
    );
    await expect(acceptOffer(ctx(), offer.offerId, agent)).rejects.toMatchObject({ status: 409, code: 'offer_gone' });
    expect((await db.sql`select assignee_id from tickets where id = ${ticketId}`)[0].assigneeId).toBeNull();
  });

  it('when an offer’s pop is never acknowledged, then it is withdrawn as unseen, nobody is set away, and the ticket goes to someone else first', async () => {
    const queue = await aQueue(db.sql);
    const unreachable = await anAvailableAgent({ idleSinceSecondsAgo: 100 });
    const { ticketId } = await aWaitingTicket(queue);
    expect((await runRoutingPass(ctx()))[0].agentId).toBe(unreachable);
    const reachable = await anAvailableAgent();
    // Past ROUTING_POP_ACK_SECONDS (1 s here).
    expect(await untilSome(() => expireOffers(ctx()))).toEqual([
      expect.objectContaining({ ticketId, agentId: unreachable, status: 'unseen' }),
    ]);
    expect(await presenceOf(unreachable)).toBe('available');
    expect(await runRoutingPass(ctx())).toEqual([expect.objectContaining({ ticketId, agentId: reachable })]);
    const audit = await db.sql`select action from audit_log where entity_id = ${ticketId} order by id`;
    expect(audit.map((a) => a.action)).toEqual([
      'ticket.created',
      'ticket.offered',
      'ticket.offer_unseen',
      'ticket.offered',
    ]);
  });

  it('when an agent acknowledges a pop, then only their own pending offer is marked seen, once', async () => {
    const queue = await aQueue(db.sql);
    const agent = await anAvailableAgent();
    const stranger = await anAvailableAgent();
    await db.sql`update users set presence = 'away' where id = ${stranger}`;
    await aWaitingTicket(queue);
    const [offer] = await runRoutingPass(ctx());
    expect(await acknowledgeOffer(ctx(), offer.offerId, stranger)).toBeNull();
    expect(await acknowledgeOffer(ctx(), offer.offerId, agent)).toEqual(expect.any(Number));
    expect(await acknowledgeOffer(ctx(), offer.offerId, agent)).toBeNull();
  });
});

describe('blending calls with SMS and email', () => {
  async function onACall(agentId: string, queueId: string) {
    const { ticketId } = await aWaitingTicket(queueId);
    await db.sql`update tickets set channel = 'voice', assignee_id = ${agentId} where id = ${ticketId}`;
    await db.sql`insert into calls (call_sid, ticket_id, agent_id, direction, from_number, to_number, status)
                 values (${`CA${ticketId.replaceAll('-', '')}`}, ${ticketId}, ${agentId}, 'inbound', '+15550000001', '+15550000002', 'in-progress')`;
  }

  it('when an agent is on a call, then they are offered no SMS by default, and once the queue allows blending they are', async () => {
    const queue = await aQueue(db.sql);
    const busy = await anAvailableAgent({ idleSinceSecondsAgo: 600 });
    await onACall(busy, queue);
    await aWaitingTicket(queue);
    expect(await runRoutingPass(ctx())).toEqual([]);
    const admin = await aUser(db.sql, 'admin');
    const api = await new TestClient(server.url).signIn(admin.email, admin.password);
    const [settings] = (await api.get('/api/admin/queues')).body.queues.filter((q: { id: string }) => q.id === queue);
    expect(settings.blendWithCalls).toBe(false);
    const saved = await api.put(`/api/admin/queues/${queue}`, { name: settings.name, blendWithCalls: true });
    expect(saved.status).toBe(200);
    expect(await runRoutingPass(ctx())).toEqual([expect.objectContaining({ agentId: busy })]);
  });

  it('when an agent on a call lets a blended offer lapse, then they are not set away mid-call', async () => {
    const queue = await aQueue(db.sql);
    await db.sql`update queues set blend_with_calls = true where id = ${queue}`;
    const busy = await anAvailableAgent();
    await onACall(busy, queue);
    await aWaitingTicket(queue);
    const [offer] = await runRoutingPass(ctx());
    await acknowledgeOffer(ctx(), offer.offerId, busy);
    expect(await untilSome(() => expireOffers(ctx()))).toEqual([
      expect.objectContaining({ agentId: busy, status: 'timed_out' }),
    ]);
    expect(await presenceOf(busy)).toBe('available');
  });

  it('when one channel has a long backlog, then the waiting tickets of another channel are still read for routing', async () => {
    const queue = await aQueue(db.sql);
    for (let i = 0; i < 3; i++)
      await intakeContact(
        ctx(),
        anEmail(`backlog${i}-${aPhone().slice(1)}@example.com`, 'help', 'waiting', { queueId: queue }),
      );
    const { ticketId: sms } = await aWaitingTicket(queue);
    // A limit of 2 per read: three emails wait ahead of the SMS in serving order.
    const { tickets } = await db.sql.begin((tx) => listWaitingTickets(tx, ['sms', 'email'], 0, 2));
    expect(tickets.filter((t) => t.channel === 'email')).toHaveLength(2);
    expect(tickets.filter((t) => t.channel === 'sms').map((t) => t.id)).toEqual([sms]);
  });
});
