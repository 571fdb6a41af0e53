import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/net/freePort';
import { answersPing } from '../../server/redis/redisLocator';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('health', () => {
  it('when Postgres and Redis answer, then /healthz and /readyz are 200; when Redis dies, /readyz is 503 naming it while /healthz stays 200', async () => {
    const port = await freePort();
    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    try {
      while (!(await answersPing(port))) await new Promise((r) => setTimeout(r, 50));
      const server = await startTestServer(
        testEnv(db.url, { REDIS_URL: `redis://127.0.0.1:${port}`, SERVICES: 'web' }),
      );
      try {
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        const ready = await fetch(`${server.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', redis: 'ok' });

        redis.kill('SIGKILL');
        await new Promise((r) => redis.once('exit', r));
        const notReady = await fetch(`${server.url}/readyz`);
        expect(notReady.status).toBe(503);
        const body = await notReady.json();
        expect(body.error.code).toBe('not_ready');
        expect(body.error.message).toMatch(/database: ok; redis: failed/);
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      redis.kill('SIGKILL');
    }
  });

  it('when the database goes away, then /readyz is 503 naming the database', async () => {
    const doomed = await createTestDatabase();
    const server = await startTestServer(testEnv(doomed.url, { SERVICES: 'web' }));
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await doomed.drop();
      const res = await fetch(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect((await res.json()).error.message).toMatch(/^database: failed/);
    } finally {
      await server.stop();
    }
  });
});
