import { z } from 'zod';
import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { CHANNELS } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import type { ScheduleReturnVisitsResponse } from '../http/surveyApiTypes';
import { calendarDay } from '../http/validate';
import { rooms } from '../realtime/rooms';
import { kickRouting } from '../routing/routingTasks';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { cancelCallback } from '../voice/callbacks';
import { openReturnCallback } from './returnVisitTasks';
import { listReturnVisitViews } from './returnVisitViews';
import { scheduleReturnVisitSurvey } from './scheduleSurvey';
import { enqueueTicketSurveys } from './surveyJobs';
import { surveyRecipient } from './surveyRecipient';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;
const MAX_TICKETS = 500;

export const scheduleReturnVisitsInput = z
  .object({
    ticketIds: z.array(z.uuid('must be a UUID')).min(1, 'name at least one ticket').max(MAX_TICKETS).optional(),
    filter: z
      .object({
        resolvedFrom: calendarDay(),
        resolvedTo: calendarDay(),
        queueId: z.uuid('must be a UUID').optional(),
        channel: z.enum(CHANNELS).optional(),
        assigneeId: z.uuid('must be a UUID').optional(),
      })
      .refine((f) => f.resolvedTo >= f.resolvedFrom, {
        message: 'must not be before resolvedFrom',
        path: ['resolvedTo'],
      })
      .optional(),
    method: z.enum(['callback', 'sms', 'email']),
    dueAt: z.iso.datetime({ offset: true, error: 'must be an ISO date and time' }).optional(),
    note: z.string().trim().max(1000, 'at most 1000 characters').default(''),
  })
  .refine((i) => (i.ticketIds === undefined) !== (i.filter === undefined), {
    message: 'give either ticketIds or filter',
    path: ['ticketIds'],
  });

export const returnVisitListQuery = z.object({ status: z.enum(['open', 'done', 'failed', 'canceled']).optional() });

/**
 * A supervisor schedules return visits (回访) on resolved tickets they may open, named or by filter: each becomes a
 * callback in the ticket's queue or an SMS / email survey sent at the due time. A ticket not resolved, already
 * holding an open scheduled visit, or without a way to reach the customer is left out, with the reason.
 */
export async function scheduleReturnVisits(
  ctx: AppContext,
  viewer: Viewer,
  input: z.infer<typeof scheduleReturnVisitsInput>,
): Promise<ScheduleReturnVisitsResponse> {
  const dueAt = input.dueAt ? new Date(input.dueAt) : new Date();
  const tickets = await ctx.sql<
    { id: string; number: string; customerId: string; queueId: string | null; status: string; open: boolean }[]
  >`
    select t.id, t.number, t.customer_id, t.queue_id, t.status,
      exists (select 1 from return_visits r where r.ticket_id = t.id and r.reason = 'scheduled' and r.canceled_at is null
              and r.failure is null and r.created_at > now() - interval '1 day') as open
    from tickets t
    where ${visibleTicketsCondition(ctx.sql, viewer)} and ${
      input.ticketIds
        ? ctx.sql`t.id = any(${input.ticketIds}::uuid[])`
        : ctx.sql`t.status in ('resolved', 'closed')
            and t.resolved_at >= ${input.filter!.resolvedFrom}::date and t.resolved_at < ${input.filter!.resolvedTo}::date + 1
            ${input.filter!.queueId ? ctx.sql`and t.queue_id = ${input.filter!.queueId}` : ctx.sql``}
            ${input.filter!.channel ? ctx.sql`and t.channel = ${input.filter!.channel}` : ctx.sql``}
            ${input.filter!.assigneeId ? ctx.sql`and t.assignee_id = ${input.filter!.assigneeId}` : ctx.sql``}`
    }
    order by t.resolved_at limit ${MAX_TICKETS}`;
  const skipped: ScheduleReturnVisitsResponse['skipped'] = [];
  for (const id of input.ticketIds ?? []) {
    if (!tickets.some((t) => t.id === id)) skipped.push({ ticketId: id, reason: 'not_found' });
  }
  const created: string[] = [];
  for (const t of tickets) {
    if (!['resolved', 'closed'].includes(t.status)) {
      skipped.push({ ticketId: t.id, reason: 'not_resolved' });
      continue;
    }
    if (t.open) {
      skipped.push({ ticketId: t.id, reason: 'already_scheduled' });
      continue;
    }
    const outcome = await ctx.sql.begin(async (tx) => {
      const target = { ticketId: t.id, ticketNumber: t.number, customerId: t.customerId, queueId: t.queueId };
      let callbackId: string | null = null;
      let surveyId: string | null = null;
      if (input.method === 'callback') {
        const cb = await openReturnCallback(tx, target, {
          phone: null,
          dueAt,
          note: input.note || `Return visit (回访) for #${t.number}`,
          actorUserId: viewer.userId,
          maxAttempts: ctx.config.CALLBACK_MAX_ATTEMPTS,
        });
        if (!cb) return { skip: 'no_phone' };
        callbackId = cb.callbackId;
      } else {
        const recipient = await surveyRecipient(tx, t.id, input.method);
        if ('skip' in recipient)
          return {
            skip: recipient.skip === 'no_address' ? (input.method === 'sms' ? 'no_phone' : 'no_email') : recipient.skip,
          };
        surveyId = await scheduleReturnVisitSurvey(tx, t.id, input.method, dueAt);
      }
      const [visit] = await tx<{ id: string }[]>`
        insert into return_visits (ticket_id, customer_id, queue_id, method, reason, note, due_at, callback_id, survey_id, created_by)
        values (${t.id}, ${t.customerId}, ${t.queueId}, ${input.method}, 'scheduled', ${input.note}, ${dueAt}, ${callbackId},
                ${surveyId}, ${viewer.userId})
        returning id`;
      await writeAudit(tx, {
        actorUserId: viewer.userId,
        action: 'ticket.return_visit_scheduled',
        entityType: 'ticket',
        entityId: t.id,
        data: { returnVisitId: visit.id, method: input.method, dueAt: dueAt.toISOString() },
      });
      return { id: visit.id };
    });
    if ('skip' in outcome) skipped.push({ ticketId: t.id, reason: outcome.skip! });
    else {
      created.push(outcome.id);
      await enqueueTicketSurveys(ctx, t.id);
      await publishTicketChanged(ctx, t.id);
      ctx.publisher.emit([rooms.anySupervisor], 'return_visit.changed', { returnVisitId: outcome.id, ticketId: t.id });
    }
  }
  if (input.method === 'callback' && created.length) await kickRouting(ctx);
  const returnVisits = created.length
    ? await listReturnVisitViews(ctx.sql, viewer, ctx.sql`v.id = any(${created}::uuid[])`)
    : [];
  return { returnVisits, skipped };
}

/** Cancels a return visit not yet done: its callback is canceled, its survey not sent. */
export async function cancelReturnVisit(ctx: AppContext, viewer: Viewer, id: string) {
  const [visit] = await listReturnVisitViews(ctx.sql, viewer, ctx.sql`v.id = ${id}`, 1);
  if (!visit) throw new HttpError(404, 'not_found', 'Return visit not found.');
  if (visit.status !== 'open')
    throw new HttpError(409, 'not_open', `This return visit is ${visit.status}: only an open one can be canceled.`);
  if (visit.callbackId) await cancelCallback(ctx, visit.callbackId, viewer).catch(() => undefined);
  await ctx.sql.begin(async (tx) => {
    await tx`update return_visits set canceled_at = now() where id = ${id} and canceled_at is null`;
    if (visit.surveyId)
      await tx`update surveys set status = 'canceled', skip_reason = 'canceled', updated_at = now() where id = ${visit.surveyId} and status = 'scheduled'`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'ticket.return_visit_canceled',
      entityType: 'ticket',
      entityId: visit.ticketId,
      data: { returnVisitId: id },
    });
  });
  ctx.publisher.emit([rooms.anySupervisor], 'return_visit.changed', { returnVisitId: id, ticketId: visit.ticketId });
  await publishTicketChanged(ctx, visit.ticketId);
  return (await listReturnVisitViews(ctx.sql, viewer, ctx.sql`v.id = ${id}`, 1))[0];
}
