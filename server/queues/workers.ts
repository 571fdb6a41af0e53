import { Worker } from 'bullmq';
import type { AppContext } from '../context';
import { createRedis } from '../redis/connection';
import { bullPrefix, QUEUE_NAMES, type QueueName } from './queues';
import type { Task } from './task';
import { purgeExpiredSessionsTask } from './tasks/purgeExpiredSessionsTask';

const tasks: Task<any>[] = [purgeExpiredSessionsTask];

/**
 * The worker role: one BullMQ worker per queue that has tasks, dispatching jobs by name.
 * Closing waits for the jobs in progress to finish.
 */
export async function startWorkers(ctx: AppContext, redisUrl: string) {
  const workers: Worker[] = [];
  const connection = createRedis(redisUrl, 'worker', ctx.log);
  for (const queue of QUEUE_NAMES) {
    const byName = new Map(tasks.filter((t) => t.queue === queue).map((t) => [t.name, t]));
    if (byName.size === 0) continue;
    workers.push(
      new Worker(
        queue,
        async (job) => {
          const task = byName.get(job.name);
          if (!task) throw new Error(`No task named ${job.name} on queue ${queue}`);
          return task.perform(ctx, job.data);
        },
        { connection, prefix: bullPrefix(ctx.config.REDIS_PREFIX), concurrency: 5 },
      )
        .on('failed', (job, err) => ctx.log.warn({ err, queue, job: job?.name, id: job?.id }, 'job failed'))
        .on('error', (err) => ctx.log.warn({ err: err.message, queue }, 'worker connection error')),
    );
  }
  for (const task of tasks) {
    if (task.schedule) await ctx.queues[task.queue as QueueName].upsertJobScheduler(task.name, task.schedule, { name: task.name, data: {} });
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
