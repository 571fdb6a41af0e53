import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { rooms } from '../realtime/rooms';
import { kickRouting } from '../routing/routingTasks';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { openFollowUpTicket, openReturnCallback } from './returnVisitTasks';
import type { SurveyRow } from './surveyRow';
import { findSurveyView } from './surveyViews';

/**
 * A score at or below the survey's threshold just came in (inside the transaction that recorded it): the return
 * visit the queue's setting asks for — a callback, else (or without a number) a follow-up ticket — assigned to the
 * ticket's queue, once per survey. Returns the return visit's id, or null when the setting asks for none.
 */
export async function openLowScoreReturnVisit(
  tx: TransactionSql,
  survey: SurveyRow,
  score: number,
  comment: string | null,
) {
  const action = survey.settings.lowScoreAction;
  if (action === 'none') return null;
  const [ticket] = await tx<{ channel: string }[]>`select channel from tickets where id = ${survey.ticketId}`;
  const target = survey;
  const note = `Low ${survey.scale.toUpperCase()} score ${score} on ticket #${survey.ticketNumber}${comment ? `: “${comment}”` : ''}. Please contact the customer (回访).`;
  const callback =
    action === 'callback'
      ? await openReturnCallback(tx, target, {
          phone: survey.channel === 'email' ? null : survey.toAddress,
          dueAt: new Date(),
          note,
          actorUserId: null,
          maxAttempts: 3,
        })
      : null;
  const followUpTicketId = callback ? null : await openFollowUpTicket(tx, { ...target, channel: ticket.channel }, note);
  const [visit] = await tx<{ id: string }[]>`
    insert into return_visits (ticket_id, customer_id, queue_id, method, reason, note, cause_survey_id, callback_id, follow_up_ticket_id)
    values (${survey.ticketId}, ${survey.customerId}, ${survey.queueId}, ${callback ? 'callback' : 'ticket'}, 'low_score', ${note},
            ${survey.id}, ${callback?.callbackId ?? null}, ${followUpTicketId})
    on conflict do nothing
    returning id`;
  return visit ? { id: visit.id, ticketId: callback?.ticketId ?? followUpTicketId! } : null;
}

/**
 * After commit: the supervisors of the ticket's queue (its team's, and admins) see the low score arrive, and the
 * return visit's ticket is routed.
 */
export async function announceLowScore(
  ctx: AppContext,
  surveyId: string,
  returnVisit: { id: string; ticketId: string } | null,
) {
  const survey = await findSurveyView(ctx.sql, surveyId);
  if (!survey) return;
  const [queue] = survey.queue
    ? await ctx.sql<{ teamId: string | null }[]>`select team_id from queues where id = ${survey.queue.id}`
    : [];
  // A queue without a team belongs to every supervisor.
  const targets = queue?.teamId ? [rooms.allSupervisors, rooms.teamSupervisors(queue.teamId)] : [rooms.anySupervisor];
  ctx.publisher.emit(targets, 'survey.low_score', { survey });
  if (returnVisit) {
    ctx.publisher.emit(targets, 'return_visit.changed', { returnVisitId: returnVisit.id, ticketId: survey.ticketId });
    await publishTicketChanged(ctx, returnVisit.ticketId);
    await kickRouting(ctx);
  }
}
