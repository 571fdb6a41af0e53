import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { freePort } from '../../server/net/freePort';
import { aPhone, anSms } from '../support/contacts';
import { aCustomer, aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// Redis holds only what can be rebuilt: this test's own Redis loses everything while deadlines are pending,
// and each deadline still fires, from its row, without a restart.
let db: TestDatabase;
let redisServer: ChildProcess;
let redisUrl: string;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const port = await freePort();
  redisServer = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  const probe = new Redis(redisUrl, { maxRetriesPerRequest: 0, retryStrategy: () => 100 }).on('error', () => {}); // refused until it listens
  await waitFor(
    () => probe.ping().catch(() => 'down'),
    (answer) => answer === 'PONG',
  );
  probe.disconnect();
  server = await startTestServer(testEnv(db.url, { REDIS_URL: redisUrl, ROUTING_OFFER_TIMEOUT_SECONDS: '5' }));
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
  redisServer?.kill();
  await db?.drop();
});

async function signedIn(role: 'agent' | 'supervisor' | 'admin') {
  const user = await aUser(db.sql, role);
  const client = await new TestClient(server.url).signIn(user.email, user.password);
  const socket = await connectSocket(server.url, client.cookie);
  sockets.push(socket);
  return { ...user, client };
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('after Redis loses everything (FLUSHALL)', () => {
  it('an offer running out, a booked callback and a scheduled campaign all fire within 60 s, without a restart', async () => {
    const queue = await aQueue(db.sql);
    // An admin: a supervisor books callbacks only into their teams' queues.
    const admin = await signedIn('admin');
    const first = await signedIn('agent');
    expect((await first.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);

    // An offer the agent saw and leaves unanswered: due to time out in 5 s.
    const { ticketId: texted } = await intakeContact(server.ctx, anSms(aPhone(), 'anyone there?', { queueId: queue }));
    const seen = await waitFor(
      () => db.sql`select id from offers where ticket_id = ${texted} and status = 'pending' and seen_at is not null`,
      (r) => r.length === 1,
    );
    expect(seen).toHaveLength(1);
    // A callback booked for in 4 s, and a mass SMS scheduled for in 4 s.
    const phone = aPhone();
    const customerId = await aCustomer(db.sql, { phone });
    const booked = await admin.client.post('/api/callbacks', {
      customerId,
      phoneNumber: phone,
      queueId: queue,
      dueAt: inSeconds(4),
    });
    expect(booked.status).toBe(201);
    const campaign = await admin.client.post('/api/sms-campaigns', {
      name: 'After the flush',
      text: 'Your order shipped',
      customerIds: [customerId],
      scheduledAt: inSeconds(4),
    });
    expect(campaign.status).toBe(201);

    const redis = new Redis(redisUrl);
    expect(await redis.flushall()).toBe('OK');
    redis.disconnect();
    const second = await signedIn('agent');
    expect((await second.client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);

    // All three within the same 60 s budget from the flush.
    const [expired, callbackOffer, sent] = await Promise.all([
      waitFor(
        () => db.sql`select status from offers where id = ${seen[0].id}`,
        ([o]) => o.status !== 'pending',
        60_000,
      ),
      waitFor(
        () => db.sql`select agent_id from offers where ticket_id = ${booked.body.ticketId}`,
        (r) => r.length > 0,
        60_000,
      ),
      waitFor(
        async () => (await admin.client.get(`/api/sms-campaigns/${campaign.body.campaign.id}`)).body.campaign,
        (c) => c.status === 'completed',
        60_000,
      ),
    ]);
    expect(expired[0].status).toBe('timed_out');
    expect(callbackOffer.length).toBeGreaterThan(0);
    expect(sent).toMatchObject({
      status: 'completed',
      counts: expect.objectContaining({ total: 1, failed: 0, pending: 0 }),
    });
  }, 120_000);
});
