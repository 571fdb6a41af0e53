import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { enqueueSurveySend } from './surveyJobs';

// Surveys due further out than this get their job from a later run (a delayed job far ahead buys nothing).
const LOOKAHEAD_HOURS = 24;

/**
 * A survey's send time is a column; its delayed job is only how it fires on time. A commit whose job was never added
 * (the process died in between) or a Redis that lost its data would leave it unsent: the scheduled rows say what is
 * due, and their jobs are added again. Job ids are fixed per survey and send time, so re-adding changes nothing.
 */
export async function reconcileSurveyJobs(ctx: AppContext) {
  const scheduled = await ctx.sql<{ id: string; sendAt: Date }[]>`
    select id, send_at from surveys
    where status = 'scheduled' and send_at < now() + make_interval(hours => ${LOOKAHEAD_HOURS})
    order by send_at limit 1000`;
  for (const survey of scheduled) await enqueueSurveySend(ctx, survey);
  return { scheduled: scheduled.length };
}

export const reconcileSurveyJobsTask: Task<Record<string, never>> = {
  queue: 'timers',
  name: 'reconcile-survey-jobs',
  schedule: () => ({ every: 15_000 }),
  perform: (ctx) => reconcileSurveyJobs(ctx),
};
