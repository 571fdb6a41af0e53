import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * The one way this codebase opens a Redis connection. BullMQ workers need maxRetriesPerRequest: null
 * (blocking commands must wait through a reconnect rather than fail). Connection errors go to the log:
 * ioredis reconnects by itself, and without a listener it would print each attempt to the console.
 */
export function createRedis(url: string, purpose: string, log?: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: `switchboard:${purpose}` });
  redis.on('error', (err) => log?.warn({ err: err.message, purpose }, 'redis connection error'));
  return redis;
}
