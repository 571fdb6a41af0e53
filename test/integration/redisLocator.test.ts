import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { freePort } from '../../server/net/freePort';
import { createRedis } from '../../server/redis/connection';
import { answersPing, locateRedis, RedisUnavailableError, type RedisLocation } from '../../server/redis/redisLocator';

const log = createLogger('silent');
let dataDir: string;
const started: RedisLocation[] = [];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-redis-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((location) => location.stop?.()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function locate(options: Partial<Parameters<typeof locateRedis>[0]>) {
  const location = await locateRedis({ dataDir, log, ...options });
  started.push(location);
  return location;
}

describe('locateRedis', () => {
  it('when REDIS_URL is given, then it is used as is and no redis-server is started', async () => {
    const url = 'redis://redis.internal:6380/2';
    const location = await locate({ redisUrl: url, defaultPort: await freePort() });
    expect(location).toEqual({ url });
    expect(fs.existsSync(path.join(dataDir, 'redis'))).toBe(false);
  });

  it('when REDIS_URL is unset and a Redis answers on the default port, then that Redis is used', async () => {
    const port = Number(new URL(inject('redisUrl')).port || 6379);
    const location = await locate({ defaultPort: port });
    expect(location.url).toBe(`redis://127.0.0.1:${port}`);
    expect(location.stop).toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, 'redis'))).toBe(false);
  });

  it(
    'when nothing answers and redis-server is installed, then a private server is started whose data survives a restart',
    { timeout: 60_000 },
    async () => {
      const defaultPort = await freePort();
      const key = `${inject('redisPrefix')}:locator:kept`;

      const first = await locate({ defaultPort, redisServerBinary: 'redis-server' });
      expect(first.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(first.url).not.toBe(`redis://127.0.0.1:${defaultPort}`);
      expect(first.stop).toBeTypeOf('function');
      const writer = createRedis(first.url, 'test-writer');
      try {
        await writer.set(key, 'written before the restart');
      } finally {
        writer.disconnect();
      }
      const firstPort = Number(new URL(first.url).port);
      await first.stop!();
      expect(await answersPing(firstPort)).toBe(false);
      const files = fs.readdirSync(path.join(dataDir, 'redis'), { recursive: true }).map(String);
      expect(files.some((f) => /appendonly/.test(f))).toBe(true);

      const second = await locate({ defaultPort, redisServerBinary: 'redis-server' });
      expect(second.stop).toBeTypeOf('function');
      const reader = createRedis(second.url, 'test-reader');
      try {
        expect(await reader.get(key)).toBe('written before the restart');
      } finally {
        reader.disconnect();
      }
    },
  );

  it(
    'when a private server already runs on the data folder, then a second process uses it instead of starting another',
    { timeout: 60_000 },
    async () => {
      const defaultPort = await freePort();
      const owner = await locate({ defaultPort, redisServerBinary: 'redis-server' });
      try {
        const other = await locate({ defaultPort, redisServerBinary: 'redis-server' });
        expect(other.url).toBe(owner.url);
        expect(other.stop).toBeUndefined();
      } finally {
        await owner.stop!();
      }
      const afterStop = await locate({ defaultPort, redisServerBinary: 'redis-server' });
      expect(afterStop.stop).toBeTypeOf('function'); // the recorded one is gone, so it started its own
      await afterStop.stop!();
    },
  );

  it('when nothing answers and there is no redis-server, then it fails with a message saying how to get Redis', async () => {
    const defaultPort = await freePort();
    const attempt = locateRedis({ dataDir, log, defaultPort, redisServerBinary: '/nonexistent/redis-server' });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(/REDIS_URL/);
    await expect(attempt).rejects.toThrow(/redis-server/);
    await expect(attempt).rejects.toThrow(new RegExp(`localhost:${defaultPort}`));
  });
});
