import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { routingPassSeconds } from '../../server/observability/metrics';
import { kickRouting, routingChannel } from '../../server/routing/routingTasks';
import { aPhone, anSms } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// The routing engine under a burst, and after the process that made offers is killed.
let db: TestDatabase;
let web: Awaited<ReturnType<typeof startTestServer>>;
let env: Record<string, string>;
const sockets: Socket[] = [];
const workers: ServerProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // The tick is slow on purpose: what routes here are the triggers and the offers' own deadlines.
  env = testEnv(db.url, {
    LOG_LEVEL: process.env.TEST_LOG ?? 'silent',
    ROUTING_TICK_SECONDS: '600',
    ROUTING_POP_ACK_SECONDS: '2',
    ROUTING_OFFER_TIMEOUT_SECONDS: '60',
  });
  web = await startTestServer({ ...env, SERVICES: 'web,realtime' });
}, 60_000);
// Each test starts from an empty floor: nobody available, nothing waiting, no offer pending.
beforeEach(async () => {
  await db.sql`update users set presence = 'offline'`;
  await db.sql`update tickets set status = 'closed'`;
  await db.sql`update offers set status = 'canceled' where status = 'pending'`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
  await web?.stop();
  await db?.drop();
});

async function anAgentOnline(options: { sms?: number; acknowledge?: (offerId: string) => boolean } = {}) {
  const user = await aUser(db.sql, 'agent');
  await db.sql`update users set capacity_sms = ${options.sms ?? 3} where id = ${user.id}`;
  const client = await new TestClient(web.url).signIn(user.email, user.password);
  const socket = await connectSocket(web.url, client.cookie, { acknowledgePops: false });
  sockets.push(socket);
  const pops: string[] = [];
  socket.on('offer.created', (pop: { offer: { id: string } }) => {
    pops.push(pop.offer.id);
    if (options.acknowledge?.(pop.offer.id) ?? true) socket.emit('offer.seen', { offerId: pop.offer.id });
  });
  expect((await client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
  return { id: user.id, pops };
}

const passes = async () =>
  (await routingPassSeconds.get()).values.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
const offersOf = (ticketId: string) =>
  db.sql<{ id: string; agentId: string; status: string; seenAt: Date | null }[]>`
    select id, agent_id, status, seen_at from offers where ticket_id = ${ticketId} order by offered_at`;
const presenceOf = async (id: string) => (await db.sql`select presence from users where id = ${id}`)[0].presence;

describe('the router', () => {
  let worker: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    worker = await startTestServer({ ...env, SERVICES: 'worker' });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it('when 300 routing triggers arrive at once, then they coalesce into a few passes', async () => {
    const before = await passes();
    await Promise.all(Array.from({ length: 300 }, () => kickRouting(web.ctx)));
    // A contact after the burst is routed by a pass that starts after it: once it is offered, the burst is done.
    const queue = await aQueue(db.sql, { entryForChannels: [] });
    const agent = await anAgentOnline();
    const { ticketId } = await intakeContact(web.ctx, anSms(aPhone(), 'after the burst', { queueId: queue }));
    const offered = await waitFor(
      () => offersOf(ticketId),
      (o) => o.length === 1,
    );
    expect(offered).toEqual([expect.objectContaining({ agentId: agent.id })]);
    expect((await passes()) - before).toBeLessThanOrEqual(6);
  });

  it('when 300 routing triggers arrive at once, then other processes hear of them in one or two messages, not 300', async () => {
    const listener = new Redis(env.REDIS_URL);
    const heard: string[] = [];
    listener.on('message', (_channel: string, message: string) => heard.push(message));
    await listener.subscribe(routingChannel(web.ctx.config.REDIS_PREFIX));
    try {
      await Promise.all(Array.from({ length: 300 }, () => kickRouting(web.ctx)));
      // At once for the first trigger of a moment, and once at its end for those that came during it.
      await waitFor(
        async () => heard.length,
        (n) => n >= 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard.length).toBeLessThanOrEqual(2);
    } finally {
      listener.disconnect();
    }
  });

  it('when 100 contacts arrive at once for 20 agents with 3 SMS slots each, then 60 are offered, each agent exactly 3, none twice, in a few passes', async () => {
    const queue = await aQueue(db.sql);
    const agents = await Promise.all(Array.from({ length: 20 }, () => anAgentOnline({ sms: 3 })));
    const before = await passes();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => intakeContact(web.ctx, anSms(aPhone(), `burst ${i}`, { queueId: queue }))),
    );
    const pending = () => db.sql<{ ticketId: string; agentId: string }[]>`
      select o.ticket_id, o.agent_id from offers o join tickets t on t.id = o.ticket_id where t.queue_id = ${queue} and o.status = 'pending'`;
    const offers = await waitFor(pending, (o) => o.length === 60, 20_000);
    expect(offers).toHaveLength(60);
    expect(new Set(offers.map((o) => o.ticketId)).size).toBe(60);
    for (const agent of agents) expect(offers.filter((o) => o.agentId === agent.id)).toHaveLength(3);
    expect((await passes()) - before).toBeLessThan(50);
    // Every pop reaches its agent's socket (they are sent after the offers are committed).
    const popped = await waitFor(
      async () => agents.reduce((n, a) => n + a.pops.length, 0),
      (n) => n === 60,
    );
    expect(popped).toBe(60);
  });
});

describe('a worker process killed after making an offer', () => {
  it('an offer whose pop was never acknowledged is withdrawn unseen by another process and made again, and nobody is set away', async () => {
    const first = await spawnServer({ ...env, SERVICES: 'worker' });
    workers.push(first);
    const queue = await aQueue(db.sql);
    // The console never shows a pop of the process that dies (sent or not before the kill: it is lost with it);
    // it shows those that come after.
    let processKilled = false;
    const agent = await anAgentOnline({ acknowledge: () => processKilled });
    const { ticketId } = await intakeContact(web.ctx, anSms(aPhone(), 'lost pop', { queueId: queue }));
    const [offer] = await waitFor(
      () => offersOf(ticketId),
      (o) => o.length === 1,
    );
    expect(offer).toMatchObject({ agentId: agent.id, status: 'pending' });
    first.child.kill('SIGKILL');
    await first.exited;
    processKilled = true;

    workers.push(await spawnServer({ ...env, SERVICES: 'worker' }));
    const offers = await waitFor(
      () => offersOf(ticketId),
      (o) => o.length === 2 && o[1].seenAt !== null,
      30_000,
    );
    expect(offers.map((o) => o.status)).toEqual(['unseen', 'pending']);
    expect(offers[1]).toMatchObject({ agentId: agent.id });
    expect(await presenceOf(agent.id)).toBe('available');
    const missed = await db.sql`select 1 from presence_events where user_id = ${agent.id} and reason = 'missed-offer'`;
    expect(missed).toHaveLength(0);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  }, 90_000);

  it('an offer the agent saw and left unanswered ends at its own timeout, ended by another process', async () => {
    const first = await spawnServer({ ...env, SERVICES: 'worker', ROUTING_OFFER_TIMEOUT_SECONDS: '4' });
    workers.push(first);
    const queue = await aQueue(db.sql);
    const agent = await anAgentOnline();
    const { ticketId } = await intakeContact(web.ctx, anSms(aPhone(), 'seen, then ignored', { queueId: queue }));
    await waitFor(
      () => offersOf(ticketId),
      (o) => o[0]?.seenAt != null,
    );
    first.child.kill('SIGKILL');
    await first.exited;

    workers.push(await spawnServer({ ...env, SERVICES: 'worker' }));
    const [ended] = await waitFor(
      () => offersOf(ticketId),
      (o) => o[0]?.status !== 'pending',
      30_000,
    );
    expect(ended.status).toBe('timed_out');
    // The agent is set away just after the offer's end commits.
    expect(
      await waitFor(
        () => presenceOf(agent.id),
        (p) => p === 'away',
      ),
    ).toBe('away');
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  }, 90_000);
});
