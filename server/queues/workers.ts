import { Worker } from 'bullmq';
import type { AppContext } from '../context';
import { createRedis } from '../redis/connection';
import { bullPrefix, QUEUE_NAMES } from './queues';
import type { Task } from './task';
import { startRouter } from '../routing/router';
import { campaignsTickTask, sendCampaignSmsTask, startCampaignTask } from '../campaigns/campaignTasks';
import { sendMessageTask } from '../outbound/sendMessageTask';
import { reconcileOutboundTask } from '../outbound/reconcileOutbound';
import { purgeExpiredSessionsTask } from './tasks/purgeExpiredSessionsTask';
import { bridgeCustomerTask, dialAgentLegTask } from '../voice/voiceTasks';
import { reconcileVoiceJobsTask } from '../voice/voiceJobReconciler';
import { presenceSweepTask } from '../presence/presenceSweepTask';
import { copyRecordingTask, reconcileRecordingCopiesTask } from '../voice/recordingCopies';
import { sendSurveyTask } from '../surveys/sendSurvey';
import { reconcileSurveyJobsTask } from '../surveys/surveyJobReconciler';
import { refreshCustomerHealthTask, sweepCustomerHealthTask } from '../health/healthJobs';
import { reconcileSlaTimersTask, slaTimerTask } from '../sla/slaTimerTasks';
import { slaAlarmSendTask } from '../sla/slaAlarmSends';
import { endExpiredWrapUpsTask } from '../wall/wrapUpEnds';

const tasks: Task<any>[] = [
  purgeExpiredSessionsTask,
  sendMessageTask,
  reconcileOutboundTask,
  startCampaignTask,
  sendCampaignSmsTask,
  campaignsTickTask,
  dialAgentLegTask,
  bridgeCustomerTask,
  reconcileVoiceJobsTask,
  presenceSweepTask,
  copyRecordingTask,
  reconcileRecordingCopiesTask,
  sendSurveyTask,
  reconcileSurveyJobsTask,
  refreshCustomerHealthTask,
  sweepCustomerHealthTask,
  slaTimerTask,
  reconcileSlaTimersTask,
  slaAlarmSendTask,
  endExpiredWrapUpsTask,
];

// How often each worker process checks that every job scheduler still exists in Redis (a flush drops them).
const SCHEDULER_CHECK_MS = 10_000;

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
        { connection, prefix: bullPrefix(ctx.config.REDIS_PREFIX), concurrency: 5 },
      )
        .on('failed', (job, err) => ctx.log.warn({ err, queue, job: job?.name, id: job?.id }, 'job failed'))
        .on('error', (err) => ctx.log.warn({ err: err.message, queue }, 'worker connection error')),
    );
  }
  const keepSchedulers = async () => {
    for (const task of tasks) {
      if (!task.schedule) continue;
      const queue = ctx.queues[task.queue];
      if (!(await queue.getJobScheduler(task.name)))
        await queue.upsertJobScheduler(task.name, task.schedule(ctx.config), { name: task.name, data: {} });
    }
  };
  await dropRetiredSchedulers(ctx);
  await keepSchedulers();
  // A Redis that lost its data (FLUSHALL, a restart without persistence) loses the schedulers too: they are put
  // back from the task list here, and each scheduled task rebuilds what it watches from the database rows.
  const schedulerCheck = setInterval(
    () => void keepSchedulers().catch((err) => ctx.log.warn({ err: err.message }, 'job scheduler check failed')),
    SCHEDULER_CHECK_MS,
  );
  const router = startRouter(ctx, redisUrl);
  return {
    workers,
    async close() {
      clearInterval(schedulerCheck);
      await router.close();
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}

/**
 * The task list is the truth about what repeats: a scheduler left in Redis by an earlier version (the routing tick,
 * now run by each router in its own process) would otherwise keep adding jobs that no worker takes.
 */
async function dropRetiredSchedulers(ctx: AppContext) {
  const scheduled = new Set(tasks.filter((t) => t.schedule).map((t) => `${t.queue}:${t.name}`));
  for (const name of QUEUE_NAMES) {
    const queue = ctx.queues[name];
    for (const scheduler of await queue.getJobSchedulers()) {
      if (scheduler.key && !scheduled.has(`${name}:${scheduler.key}`)) await queue.removeJobScheduler(scheduler.key);
    }
  }
}
