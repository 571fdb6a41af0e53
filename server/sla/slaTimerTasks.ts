import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../context';
import type { Task } from '../queues/task';
import { alarmSendJobId, SLA_ALARM_SEND_JOB, slaAlarmSendTask } from './slaAlarmSends';
import type { SlaClockRow } from './slaClockRows';
import { fireSlaEvent } from './slaFiring';
import { addSlaTimer, pendingEvents, SLA_TIMER_JOB, type SlaTimerData } from './slaTimers';

// A job this close to its instant waits for it (timers may wake a little early); one further off is for an instant
// that has moved since, whose own job is added (a new instant, a new job id).
const EARLY_WAIT_MS = 5_000;
// Longer than a job takes to be picked up: an event this overdue has lost its job, and the reconciler fires it.
const SETTLE_MS = 10_000;

export const slaTimerTask: Task<SlaTimerData> = {
  queue: 'timers',
  name: SLA_TIMER_JOB,
  async perform(ctx, { clockId, event }) {
    if (await fireSlaEvent(ctx, clockId, event)) return { fired: true };
    const [clock] = await ctx.sql<SlaClockRow[]>`select * from sla_clocks where id = ${clockId}`;
    const pending = clock && pendingEvents(clock).find((e) => e.event === event);
    if (!pending || pending.at.getTime() <= Date.now()) return { fired: false };
    const early = pending.at.getTime() - Date.now();
    if (early > EARLY_WAIT_MS) {
      await addSlaTimer(ctx, clockId, event, pending.at);
      return { fired: false, rescheduled: true };
    }
    await sleep(early + 20);
    return { fired: await fireSlaEvent(ctx, clockId, event) };
  },
};

/**
 * Rebuilds SLA timers from the rows: every pending event gets its job back (the same id, so an existing one is
 * untouched), and one already overdue beyond the settle time, whose job is gone, fires now. Alarm sends likewise.
 * After a Redis flush nothing is lost, and the conditional updates keep anything from firing twice.
 */
export async function reconcileSlaTimers(ctx: AppContext) {
  const clocks = await ctx.sql<SlaClockRow[]>`
    select * from sla_clocks
    where stopped_at is null and running_since is not null
      and ((warn_at is not null and warned_at is null and breached_at is null)
           or (due_at is not null and breached_at is null)
           or (escalate_at is not null and escalated_at is null))
    order by due_at limit 5000`;
  let fired = 0;
  for (const clock of clocks) {
    for (const { event, at } of pendingEvents(clock)) {
      if (at.getTime() < Date.now() - SETTLE_MS) fired += Number(await fireSlaEvent(ctx, clock.id, event));
      else await addSlaTimer(ctx, clock.id, event, at);
    }
  }
  const sends = await ctx.sql<{ id: string; sendAfter: Date }[]>`
    select id, send_after from sla_alarm_sends where status = 'pending' order by send_after limit 5000`;
  for (const send of sends) {
    if (send.sendAfter.getTime() < Date.now() - SETTLE_MS)
      await slaAlarmSendTask.perform(ctx, { sendId: send.id }, { lastAttempt: false }).catch((err: Error) => {
        ctx.log.warn({ err: err.message, sendId: send.id }, 'SLA alarm send failed');
      });
    else
      await ctx.queues.timers.add(
        SLA_ALARM_SEND_JOB,
        { sendId: send.id },
        { jobId: alarmSendJobId(send.id), delay: Math.max(0, send.sendAfter.getTime() - Date.now()) },
      );
  }
  return { clocks: clocks.length, fired, sends: sends.length };
}

export const reconcileSlaTimersTask: Task<Record<string, never>> = {
  queue: 'timers',
  name: 'reconcile-sla-timers',
  schedule: () => ({ every: 15_000 }),
  perform: (ctx) => reconcileSlaTimers(ctx),
};
