import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SWEEP_EVERY_MS } from '../../server/presence/presenceTiming';
import { createRedis } from '../../server/redis/connection';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

// One deployment: a web+worker process (sign-in, the presence sweep) and realtime processes that hold the consoles.
const GRACE_SECONDS = 2;
// The promise of presence: every console gone, the agent is offline within the grace period plus 10 s.
const OFFLINE_DEADLINE_MS = (GRACE_SECONDS + 10) * 1000;

let db: TestDatabase;
let env: Record<string, string>;
let web: ServerProcess;
let realtimeA: ServerProcess;
let realtimeB: ServerProcess;
const processes: ServerProcess[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  env = testEnv(db.url, {
    REDIS_PREFIX: `${inject('redisPrefix')}-presence-${randomBytes(3).toString('hex')}`,
    PRESENCE_GRACE_SECONDS: String(GRACE_SECONDS),
  });
  web = await spawnServer({ ...env, SERVICES: 'web,worker' });
  [realtimeA, realtimeB] = await Promise.all([
    spawnServer({ ...env, SERVICES: 'realtime' }),
    spawnServer({ ...env, SERVICES: 'realtime' }),
  ]);
  processes.push(web, realtimeA, realtimeB);
}, 180_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(processes.map((p) => p.stop()));
  await db?.drop();
});

type Agent = Awaited<ReturnType<typeof aUser>>;

/** Signs the agent in on the web process and makes them available, with a console on each realtime process given. */
async function availableWithConsoles(agent: Agent, ...on: ServerProcess[]) {
  const client = await new TestClient(web.url).signIn(agent.email, agent.password);
  for (const realtime of on) sockets.push(await connectSocket(realtime.url, client.cookie));
  expect((await client.put('/api/me/presence', { presence: 'available' })).status).toBe(200);
  // Ready when every console is on record (the record is written just after the connection completes).
  const recorded = await waitFor(
    async () => (await db.sql`select 1 from agent_connections where user_id = ${agent.id}`).length,
    (n) => n === on.length,
  );
  expect(recorded).toBe(on.length);
  return client;
}

const presenceOf = async (userId: string) =>
  (await db.sql<{ presence: string }[]>`select presence from users where id = ${userId}`)[0].presence;
const offlineEvents = async (userId: string) =>
  db.sql<{ reason: string }[]>`select reason from presence_events where user_id = ${userId} and presence = 'offline'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes this deployment's keys only (BullMQ queues and schedulers, rate limits): the Redis server is shared. */
async function flushDeploymentKeys(prefix: string) {
  const redis = createRedis(inject('redisUrl'), 'test-flush');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

describe('presence when a realtime process dies', () => {
  it('when the process holding an agent’s only console is killed, then they go offline within grace + 10 s, and agents with a console on a surviving process stay available', async () => {
    const onlyOnA = await aUser(db.sql, 'agent');
    const onlyOnB = await aUser(db.sql, 'agent');
    const onBoth = await aUser(db.sql, 'agent');
    await availableWithConsoles(onlyOnA, realtimeA);
    await availableWithConsoles(onlyOnB, realtimeB);
    await availableWithConsoles(onBoth, realtimeA, realtimeB);

    await realtimeA.stop('SIGKILL');
    const offline = await waitFor(
      () => presenceOf(onlyOnA.id),
      (p) => p === 'offline',
      OFFLINE_DEADLINE_MS,
    );
    expect(offline).toBe('offline');
    expect(await offlineEvents(onlyOnA.id)).toEqual([{ reason: 'disconnected' }]);

    // The dead process's console of the agent on both ran out at the same moment; give the sweeps a few more rounds.
    await sleep(3 * SWEEP_EVERY_MS);
    expect(await presenceOf(onlyOnB.id)).toBe('available');
    expect(await presenceOf(onBoth.id)).toBe('available');
    expect(await offlineEvents(onBoth.id)).toEqual([]);
  });

  it('when the last realtime process is killed, then the worker alone sets its agents offline within grace + 10 s', async () => {
    const agent = await aUser(db.sql, 'agent');
    await availableWithConsoles(agent, realtimeB);

    await realtimeB.stop('SIGKILL');
    const offline = await waitFor(
      () => presenceOf(agent.id),
      (p) => p === 'offline',
      OFFLINE_DEADLINE_MS,
    );
    expect(offline).toBe('offline');
  });
});

describe('presence when Redis is flushed', () => {
  it('when the deployment’s Redis keys are flushed, then connected agents stay available, and presence still follows consoles leaving and processes dying', async () => {
    const realtime = await spawnServer({ ...env, SERVICES: 'realtime' });
    processes.push(realtime);
    const leaving = await aUser(db.sql, 'agent');
    const stranded = await aUser(db.sql, 'agent');
    await availableWithConsoles(leaving, realtime);
    const leavingConsole = sockets.at(-1)!;
    await availableWithConsoles(stranded, realtime);

    await flushDeploymentKeys(env.REDIS_PREFIX);
    // Past the grace period and several sweeps: a presence kept in Redis would have read "no console" by now.
    await sleep(GRACE_SECONDS * 1000 + 3 * SWEEP_EVERY_MS);
    expect(await presenceOf(leaving.id)).toBe('available');
    expect(await presenceOf(stranded.id)).toBe('available');

    leavingConsole.close();
    expect(
      await waitFor(
        () => presenceOf(leaving.id),
        (p) => p === 'offline',
        OFFLINE_DEADLINE_MS,
      ),
    ).toBe('offline');

    // Only the worker's sweep is left to notice, and its job scheduler was flushed with the rest.
    await realtime.stop('SIGKILL');
    expect(
      await waitFor(
        () => presenceOf(stranded.id),
        (p) => p === 'offline',
        OFFLINE_DEADLINE_MS,
      ),
    ).toBe('offline');
  });
});
