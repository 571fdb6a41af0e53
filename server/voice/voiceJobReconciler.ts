import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { enqueueBridgeCustomer, enqueueDialAgentLeg } from './voiceJobs';

// Longer than a job takes to be picked up, so a job added a moment ago is not re-added (it would be ignored anyway).
const SETTLE_SECONDS = 20;

/**
 * The jobs that move a call on are added after the rows that call for them are committed. A process that dies in
 * between, or a Redis that lost its data, would leave a caller waiting for an agent who is never rung, or an agent
 * alone in the conference. The rows say what is due: an agent leg never placed, or an answered agent whose customer
 * is not in the conference yet; the jobs are added again from them.
 */
export async function reconcileVoiceJobs(ctx: AppContext) {
  const unplaced = await ctx.sql<{ id: string }[]>`
    select id from call_legs where call_sid is null and ended_at is null and created_at < now() - make_interval(secs => ${SETTLE_SECONDS})`;
  for (const leg of unplaced) await enqueueDialAgentLeg(ctx, leg.id);
  const unbridged = await ctx.sql<{ legId: string; callId: string }[]>`
    select l.id as leg_id, l.call_id from call_legs l join calls c on c.id = l.call_id
    where l.answered_at is not null and l.ended_at is null and c.ended_at is null and not c.customer_in_conference
      and l.answered_at < now() - make_interval(secs => ${SETTLE_SECONDS})`;
  for (const leg of unbridged) await enqueueBridgeCustomer(ctx, leg.callId, leg.legId);
  return { unplaced: unplaced.length, unbridged: unbridged.length };
}

export const reconcileVoiceJobsTask: Task<Record<string, never>> = {
  queue: 'voice',
  name: 'reconcile-voice-jobs',
  schedule: () => ({ every: 30_000 }),
  perform: (ctx) => reconcileVoiceJobs(ctx),
};
