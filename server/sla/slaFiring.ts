// What happens when a clock's warning, breach or escalation instant comes. Each is marked fired in its row by a
// conditional update, so a job that runs twice (a retry, the reconciler, a second worker) fires it once.
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import type { SlaAlarmEvent, SlaEscalation } from '../http/slaApiTypes';
import { rooms } from '../realtime/rooms';
import { enqueueTicket } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { queueAlarmSends, sendQueuedAlarms, type AlarmRecipients } from './slaAlarmSends';
import { slaOnTicketChanged } from './slaHooks';
import type { SlaEvent } from './slaTimers';

interface Fired {
  ticketId: string;
  ticketNumber: string;
  subject: string;
  target: SlaAlarmEvent['target'];
  dueAt: Date;
  assigneeId: string | null;
  queueId: string | null;
  teamId: string | null;
  policyName: string | null;
  smsRecipients: string[] | null;
  emailRecipients: string[] | null;
  quietHours: AlarmRecipients['quietHours'];
  escalation: SlaEscalation | null;
}

const FIRE_CONDITION: Record<SlaEvent, string> = {
  warning: 'warned_at is null and breached_at is null and warn_at <= now()',
  breach: 'breached_at is null and due_at <= now()',
  escalation: 'escalated_at is null and escalate_at <= now()',
};
const FIRED_COLUMN: Record<SlaEvent, string> = {
  warning: 'warned_at',
  breach: 'breached_at',
  escalation: 'escalated_at',
};

/** Marks the event fired if it is due and not fired yet; returns what the alarms need, or null. */
async function markFired(tx: TransactionSql, clockId: string, event: SlaEvent): Promise<Fired | null> {
  const [row] = await tx<Fired[]>`
    with fired as (
      update sla_clocks set ${tx(FIRED_COLUMN[event])} = now()
      where id = ${clockId} and stopped_at is null and running_since is not null and ${tx.unsafe(FIRE_CONDITION[event])}
      returning ticket_id, target, due_at, policy_id)
    select f.ticket_id, f.target, f.due_at, t.number as ticket_number, t.subject, t.assignee_id, t.queue_id,
           q.team_id, p.name as policy_name, p.sms_recipients, p.email_recipients, p.quiet_hours, p.escalation
    from fired f join tickets t on t.id = f.ticket_id
    left join queues q on q.id = t.queue_id left join sla_policies p on p.id = f.policy_id`;
  return row ?? null;
}

/**
 * Fires one event of a clock. Returns whether it fired; false when it was not due (moved, paused, stopped) or was
 * fired before.
 */
export async function fireSlaEvent(ctx: AppContext, clockId: string, event: SlaEvent): Promise<boolean> {
  const { fired, sendIds } = await ctx.sql.begin(async (tx) => {
    // The ticket first, as ticket changes lock it before its clocks: the same order everywhere, no deadlock.
    const [locked] = await tx`
      select 1 from tickets where id = (select ticket_id from sla_clocks where id = ${clockId}) for update`;
    if (!locked) return { fired: null, sendIds: [] as string[] };
    const row = await markFired(tx, clockId, event);
    if (!row) return { fired: null, sendIds: [] as string[] };
    let ids: string[] = [];
    if (event === 'breach')
      ids = await queueAlarmSends(
        tx,
        clockId,
        'breach',
        {
          sms: row.smsRecipients ?? [],
          email: row.emailRecipients ?? [],
          quietHours: row.quietHours,
        },
        ctx.config.PUBLIC_URL,
      );
    if (event === 'escalation' && row.escalation) ids = await escalate(ctx, tx, clockId, row, row.escalation);
    return { fired: row, sendIds: ids };
  });
  if (!fired) return false;
  await sendQueuedAlarms(ctx, sendIds);
  notifyConsoles(ctx, fired, event);
  await publishTicketChanged(ctx, fired.ticketId);
  if (event === 'escalation' && fired.escalation?.action === 'reassign_to_queue') await kickRouting(ctx);
  ctx.log.info({ ticketId: fired.ticketId, target: fired.target, event }, 'SLA event fired');
  return true;
}

const PRIORITY_UP = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

/** The policy's step after a breach: a higher priority, back to a queue, or word to a second level. */
async function escalate(
  ctx: AppContext,
  tx: TransactionSql,
  clockId: string,
  row: Fired,
  step: SlaEscalation,
): Promise<string[]> {
  if (step.action === 'raise_priority') {
    const [t] = await tx<
      { priority: keyof typeof PRIORITY_UP }[]
    >`select priority from tickets where id = ${row.ticketId}`;
    await tx`update tickets set priority = ${PRIORITY_UP[t.priority]}, updated_at = now() where id = ${row.ticketId}`;
  } else if (step.action === 'reassign_to_queue' && step.queueId) {
    await enqueueTicket(tx, row.ticketId, step.queueId);
  }
  await tx`
    insert into audit_log (actor_user_id, actor_kind, action, entity_type, entity_id, data)
    values (null, 'system', 'ticket.sla_escalated', 'ticket', ${row.ticketId}, ${tx.json({ target: row.target, action: step.action, queueId: step.queueId })})`;
  // A new priority or queue may choose another policy or calendar for the ticket's clocks.
  if (step.action !== 'notify_second_level') {
    await slaOnTicketChanged(ctx, tx, row.ticketId);
    return [];
  }
  return queueAlarmSends(
    tx,
    clockId,
    'escalation',
    {
      sms: step.smsRecipients,
      email: step.emailRecipients,
      quietHours: row.quietHours,
    },
    ctx.config.PUBLIC_URL,
  );
}

/** The console notice (never held by quiet hours): the assignee, or the queue's supervisors; all supervisors too. */
function notifyConsoles(ctx: AppContext, fired: Fired, event: SlaEvent) {
  const targets: string[] = [rooms.allSupervisors];
  if (fired.assigneeId) targets.push(rooms.agent(fired.assigneeId));
  else if (fired.teamId) targets.push(rooms.teamSupervisors(fired.teamId));
  ctx.publisher.emit(targets, 'sla.alarm', {
    ticketId: fired.ticketId,
    ticketNumber: Number(fired.ticketNumber),
    subject: fired.subject,
    target: fired.target,
    kind: event,
    dueAt: fired.dueAt.toISOString(),
  });
}
