import { Worker } from 'bullmq';
import type { AppContext } from '../context';
import { createRedis } from '../redis/connection';
import { bullPrefix, QUEUE_NAMES, type QueueName } from './queues';
import type { Task } from './task';
import { offerTimeoutTask, routePassTask, routingTickTask } from '../routing/routingTasks';
import { campaignsTickTask, sendCampaignSmsTask, startCampaignTask } from '../campaigns/campaignTasks';
import { confirmSendTask, sendMessageTask } from '../outbound/sendMessageTask';
import { purgeExpiredSessionsTask } from './tasks/purgeExpiredSessionsTask';
import { bridgeCustomerTask, dialAgentLegTask } from '../voice/voiceTasks';
import { reconcileVoiceJobsTask } from '../voice/voiceJobReconciler';

const tasks: Task<any>[] = [purgeExpiredSessionsTask, routePassTask, offerTimeoutTask, routingTickTask, sendMessageTask, confirmSendTask,
  startCampaignTask, sendCampaignSmsTask, campaignsTickTask, dialAgentLegTask, bridgeCustomerTask, reconcileVoiceJobsTask];

// Routing decisions are serialised by a database lock anyway; more than one at a time per process only waits.
const CONCURRENCY: Partial<Record<QueueName, number>> = { routing: 1 };

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
          return task.perform(ctx, job.data, { lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
        },
        { connection, prefix: bullPrefix(ctx.config.REDIS_PREFIX), concurrency: CONCURRENCY[queue] ?? 5 },
      )
        .on('failed', (job, err) => ctx.log.warn({ err, queue, job: job?.name, id: job?.id }, 'job failed'))
        .on('error', (err) => ctx.log.warn({ err: err.message, queue }, 'worker connection error')),
    );
  }
  for (const task of tasks) {
    if (task.schedule) await ctx.queues[task.queue].upsertJobScheduler(task.name, task.schedule(ctx.config), { name: task.name, data: {} });
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
