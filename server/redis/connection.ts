import { Redis } from 'ioredis';

/**
 * The one way this codebase opens a Redis connection. BullMQ workers need maxRetriesPerRequest: null
 * (blocking commands must wait through a reconnect rather than fail).
 */
export function createRedis(url: string, purpose: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: `switchboard:${purpose}`, lazyConnect: false });
}
