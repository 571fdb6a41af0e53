import { Queue } from 'bullmq';
import { bullPrefix, QUEUE_NAMES } from '../../../server/queues/queues';
import { createRedis } from '../../../server/redis/connection';
import { redisUrl } from './benchEnvironment';
import { onCleanup } from './benchLifetime';

/**
 * A read-only view of the server's BullMQ queues: how many jobs are waiting or running. Delayed jobs (offer
 * timeouts, schedulers) are not work in hand and are not counted.
 */
export function watchServerQueues(redisPrefix: string) {
  const connection = createRedis(redisUrl(), 'bench-watch');
  const queues = QUEUE_NAMES.map((name) => new Queue(name, { connection, prefix: bullPrefix(redisPrefix) }));
  onCleanup('close the queue watcher', async () => {
    await Promise.all(queues.map((q) => q.close()));
    connection.disconnect();
  });
  return {
    async jobsInHand() {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('wait', 'active', 'prioritized')));
      return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
    },
  };
}
