import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * One BullMQ queue per business area, not per job. Later features add their processors:
 * routing (offers, reservation timeouts, overflow), messaging (SMS and email sends),
 * voice (call follow-ups, callbacks), timers (SLA alarms, surveys), maintenance (housekeeping).
 */
export const QUEUE_NAMES = ['routing', 'messaging', 'voice', 'timers', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
export type Queues = Record<QueueName, Queue>;

export const bullPrefix = (redisPrefix: string) => `${redisPrefix}:bull`;

export function createQueues(connection: Redis, redisPrefix: string, log: Logger): Queues {
  const entries = QUEUE_NAMES.map((name) => [
    name,
    new Queue(name, {
      connection,
      prefix: bullPrefix(redisPrefix),
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    }).on('error', (err) => log.warn({ err: err.message, queue: name }, 'queue connection error')),
  ]);
  return Object.fromEntries(entries) as Queues;
}

export async function closeQueues(queues: Queues) {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
