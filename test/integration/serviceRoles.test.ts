import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/auth/sessions';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** A 404 in JSON naming the route: never the console's index.html. */
async function expectJson404(url: string) {
  const res = await fetch(url);
  expect(res.status, url).toBe(404);
  expect(res.headers.get('content-type'), url).toMatch(/^application\/json/);
  expect((await res.json()).error.code).toBe('not_found');
}

async function expiredSession(userId: string) {
  const { sessionId } = await createSession(db.sql, userId, 1, {});
  await db.sql`update sessions set expires_at = now() - interval '1 minute' where id = ${sessionId}`;
  return sessionId;
}

describe('SERVICES picks what a process runs', () => {
  it('when SERVICES=web, then the API and console answer but there is no Socket.IO and no job worker, and unknown API, webhook, Socket.IO and metrics paths are JSON 404s', async () => {
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
    try {
      const user = await aUser(db.sql, 'agent');
      const client = await new TestClient(server.url).signIn(user.email, user.password);
      expect((await client.get('/api/me')).status).toBe(200);
      await expect(connectSocket(server.url, client.cookie)).rejects.toThrow();
      expect(await server.ctx.queues.maintenance.getWorkersCount()).toBe(0);
      for (const path of [
        '/api/nope',
        '/webhooks/nope',
        '/socket.io/',
        '/socket.io/?EIO=4&transport=polling',
        '/metrics/nope',
      ])
        await expectJson404(server.url + path);
      // A deep link into the console is the console.
      expect((await fetch(`${server.url}/tickets/123`)).headers.get('content-type')).toMatch(/^text\/html/);
    } finally {
      await server.stop();
    }
  });

  it('when SERVICES=realtime, then sockets connect but the API and console do not answer', async () => {
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'realtime' }));
    try {
      const user = await aUser(db.sql, 'agent');
      const { token } = await createSession(db.sql, user.id, 1, {});
      const socket = await connectSocket(server.url, `sb_session=${token}`);
      socket.close();
      for (const path of ['/api/me', '/webhooks/twilio/sms', '/tickets/123', '/metrics/nope'])
        await expectJson404(server.url + path);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('when SERVICES=worker, then only health and metrics answer over HTTP and the maintenance job purges expired sessions', async () => {
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'worker' }));
    try {
      expect(server.ctx.selfUrl).toBeNull();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      for (const path of ['/api/me', '/', '/socket.io/']) await expectJson404(server.url + path);
      const user = await aUser(db.sql, 'agent');
      const sessionId = await expiredSession(user.id);
      await server.ctx.queues.maintenance.add('purge-expired-sessions', {});
      expect(
        await waitFor(async () => (await db.sql`select 1 from sessions where id = ${sessionId}`).length === 0, Boolean),
      ).toBe(true);
      expect(await server.ctx.queues.maintenance.getWorkersCount()).toBeGreaterThan(0);
      // Repeating work is registered once per task, under a fixed id, however many workers start.
      const maintenance = (await server.ctx.queues.maintenance.getJobSchedulers()).map((s) => s.key);
      expect(maintenance).toContain('purge-expired-sessions');
      expect(new Set(maintenance).size).toBe(maintenance.length);
    } finally {
      await server.stop();
    }
  });

  it('when Redis holds a job scheduler an earlier version made, then a starting worker removes it and keeps its own', async () => {
    const env = testEnv(db.url, { SERVICES: 'worker' });
    const earlier = await startTestServer(env);
    await earlier.ctx.queues.routing.upsertJobScheduler(
      'routing-tick',
      { every: 2000 },
      { name: 'routing-tick', data: {} },
    );
    await earlier.stop();
    const server = await startTestServer(env);
    try {
      expect(await server.ctx.queues.routing.getJobSchedulers()).toEqual([]);
      expect((await server.ctx.queues.maintenance.getJobSchedulers()).map((s) => s.key)).toContain(
        'purge-expired-sessions',
      );
    } finally {
      await server.stop();
    }
  });

  it('when the worker is stopped while a job runs, then stopping waits for that job to finish', async () => {
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'worker' }));
    const user = await aUser(db.sql, 'agent');
    const sessionId = await expiredSession(user.id);
    // Hold the sessions table so the purge job blocks mid-run.
    const blocker = await db.sql.reserve();
    await blocker.unsafe('begin');
    await blocker.unsafe('lock table sessions in access exclusive mode');
    try {
      await server.ctx.queues.maintenance.add('purge-expired-sessions', {});
      // Other maintenance jobs (the presence sweep) may be running too, and may wait on the same lock.
      const purging = async () =>
        (await server.ctx.queues.maintenance.getJobs(['active'])).some((job) => job.name === 'purge-expired-sessions');
      expect(await waitFor(purging, Boolean)).toBe(true);
      let stopped = false;
      const stopping = server.stop().then(() => (stopped = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(stopped).toBe(false);
      await blocker.unsafe('commit');
      await stopping;
      expect(await db.sql`select 1 from sessions where id = ${sessionId}`).toHaveLength(0);
    } finally {
      await blocker.unsafe('rollback').catch(() => {});
      blocker.release();
    }
  });
});
