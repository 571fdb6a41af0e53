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

async function expiredSession(userId: string) {
  const { sessionId } = await createSession(db.sql, userId, 1, {});
  await db.sql`update sessions set expires_at = now() - interval '1 minute' where id = ${sessionId}`;
  return sessionId;
}

describe('SERVICES picks what a process runs', () => {
  it('when SERVICES=web, then the API answers but there is no Socket.IO and no job worker', async () => {
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'web' }));
    try {
      const user = await aUser(db.sql, 'agent');
      const client = await new TestClient(server.url).signIn(user.email, user.password);
      expect((await client.get('/api/me')).status).toBe(200);
      await expect(connectSocket(server.url, client.cookie)).rejects.toThrow();
      expect(await server.ctx.queues.maintenance.getWorkersCount()).toBe(0);
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
      expect((await fetch(`${server.url}/api/me`)).status).toBe(404);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('when SERVICES=worker, then nothing listens and the maintenance job purges expired sessions', async () => {
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'worker' }));
    try {
      expect(server.url).toBe('');
      const user = await aUser(db.sql, 'agent');
      const sessionId = await expiredSession(user.id);
      await server.ctx.queues.maintenance.add('purge-expired-sessions', {});
      expect(await waitFor(async () => (await db.sql`select 1 from sessions where id = ${sessionId}`).length === 0, Boolean)).toBe(true);
      expect(await server.ctx.queues.maintenance.getWorkersCount()).toBeGreaterThan(0);
      // Repeating work is registered once per task, under a fixed id, however many workers start.
      expect((await server.ctx.queues.maintenance.getJobSchedulers()).map((s) => s.key)).toEqual(['purge-expired-sessions']);
      expect((await server.ctx.queues.routing.getJobSchedulers()).map((s) => s.key)).toEqual(['routing-tick']);
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
      expect(await waitFor(async () => (await server.ctx.queues.maintenance.getActiveCount()) === 1, Boolean)).toBe(true);
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
