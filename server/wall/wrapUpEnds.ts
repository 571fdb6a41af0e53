import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { publishCallChanged } from '../voice/callEvents';

// Often enough that a wrap-up submitted after its time is up almost never finds it unswept (it would count in full).
const SWEEP_EVERY_MS = 5_000;

/**
 * After-call work the agent did not submit ends when its time (AFTER_CALL_WORK_SECONDS) is up: the next contact may
 * be offered then. Marking that end writes the call's 'wrap_up' fact (trigger of migration 026), so AHT and occupancy
 * count the wrap-up whatever ended it. The call stays `pending`: the agent can still give its disposition and note.
 * Idempotent: a call is marked once.
 */
export async function endExpiredWrapUps(ctx: AppContext) {
  const seconds = ctx.config.AFTER_CALL_WORK_SECONDS;
  const ended = await ctx.sql<{ id: string }[]>`
    update calls set wrap_up_ended_at = ended_at + make_interval(secs => ${seconds})
    where wrap_up = 'pending' and wrap_up_ended_at is null and ended_at <= now() - make_interval(secs => ${seconds})
    returning id`;
  // The wall hears of it through the call's change, like any other.
  for (const { id } of ended) await publishCallChanged(ctx, id);
  return { ended: ended.length };
}

export const endExpiredWrapUpsTask: Task<Record<string, never>> = {
  queue: 'maintenance',
  name: 'end-expired-wrap-ups',
  schedule: () => ({ every: SWEEP_EVERY_MS }),
  perform: (ctx) => endExpiredWrapUps(ctx),
};
