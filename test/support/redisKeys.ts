import { createRedis } from '../../server/redis/connection';

/** Removes the keys matching `pattern` only (a run's own prefix): the Redis may be shared. */
export async function deleteKeys(redisUrl: string, pattern: string) {
  const redis = createRedis(redisUrl, 'test-cleanup');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
