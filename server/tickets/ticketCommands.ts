import { refuseOptedOutNumber } from '../sms/smsOptOut';
import { replySubject } from '../../channels/email/threadingHeaders';
import type { SessionUser } from '../auth/sessions';
import { visibleTicketsCondition } from '../auth/ticketVisibility';
import { auditInsert, writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { pipelinedTransaction, readWithCommit } from '../db/pipelinedTransaction';
import {
  claimReplyAttachments,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  storeReplyAttachments,
  type ReplyAttachmentInput,
} from '../email/replyAttachments';
import { refuseUndeliverableAddress } from '../email/refuseUndeliverableAddress';
import { replySignatures, withSignatures } from '../email/replySignature';
import { domainOf, replyThreading } from '../email/replyThreading';
import type { TicketPriority, TicketStatus, TicketType } from '../http/apiTypes';
import { HttpError, notFound } from '../http/httpError';
import { findMessageView } from '../messages/messageQueries';
import { queueSend } from '../outbound/sendMessageTask';
import { cancelPendingOffers, enqueueTicket } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { rooms } from '../realtime/rooms';
import { searchVector } from '../search/searchVector';
import { slaOnPublicResponse, slaOnTicketChanged } from '../sla/slaHooks';
import { ticketClockFactsColumns, type TicketClockFacts } from '../sla/ticketClocks';
import { surveysOnStatusChange } from '../surveys/scheduleSurvey';
import { parseSurveySettings } from '../surveys/surveySettings';
import { enqueueSurveySend } from '../surveys/surveyJobs';
import { countTemplateUse } from '../templates/templateUsage';
import { publishTicketChanged, type TicketWatchers } from './ticketEvents';
import { findTicketSummary } from './ticketQueries';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

export interface TicketChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  type?: TicketType | null;
  subject?: string;
}

interface TicketBefore {
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType | null;
  subject: string;
  /** Its queue's stored survey settings, if any: resolving asks them whether a survey is due. */
  surveySettings: unknown;
}

/**
 * Runs a change on a ticket the viewer may see, inside a transaction with the ticket row locked: one statement locks
 * the row, decides the viewer may see it (else 404, as for a ticket that does not exist) and reads what it was.
 */
async function changeVisibleTicket<T>(
  ctx: AppContext,
  viewer: Viewer,
  ticketId: string,
  change: (tx: TransactionSql, before: TicketBefore) => Promise<T>,
) {
  return pipelinedTransaction(ctx.sql, async (tx) => {
    const [before] = await tx<(TicketBefore & { visible: boolean })[]>`
      select t.status, t.priority, t.type, t.subject, ${visibleTicketsCondition(tx, viewer)} as visible,
        (select s.settings from survey_settings s where s.queue_id = t.queue_id) as survey_settings
      from tickets t where t.id = ${ticketId} for update`;
    if (!before?.visible) throw notFound('Ticket');
    return change(tx, before);
  }) as Promise<T>;
}

/**
 * Status, priority, type and subject: each change is audited; resolving or closing frees the agent's capacity and
 * withdraws a pending offer. The audit entries, the change and the withdrawal are one statement.
 */
export async function updateTicket(ctx: AppContext, viewer: Viewer, ticketId: string, changes: TicketChanges) {
  const changed = await changeVisibleTicket(ctx, viewer, ticketId, async (tx, before) => {
    const fields = (['status', 'priority', 'type', 'subject'] as const).filter(
      (f) => changes[f] !== undefined && changes[f] !== before[f],
    );
    if (!fields.length) return null;
    const status = changes.status ?? before.status;
    const audits = fields.map((field) => ({
      actorUserId: viewer.userId,
      action: `ticket.${field}_changed`,
      entityType: 'ticket',
      entityId: ticketId,
      data: { from: before[field], to: changes[field] },
    }));
    const done = status === 'resolved' || status === 'closed';
    // The change, its audit entries, the withdrawal and the facts the SLA clocks need, in one statement.
    const [{ withdrawn, assigneeId, teamId, ...clockFacts }] = await tx<
      (TicketWatchers & TicketClockFacts & { withdrawn: { id: string; agentId: string }[] })[]
    >`
      with audited as (${auditInsert(tx, audits)}),
      withdrawn as (
        update offers set status = 'canceled', responded_at = now()
        where ${done} and ticket_id = ${ticketId} and status = 'pending'
        returning id, agent_id
      ), t as (
      update tickets set
        status = ${status}, priority = ${changes.priority ?? before.priority},
        type = ${changes.type === undefined ? before.type : changes.type}, subject = ${changes.subject ?? before.subject},
        ${fields.includes('subject') ? tx`search_vector = ${searchVector(tx, changes.subject)},` : tx``}
        resolved_at = case when ${status} = 'resolved' then coalesce(resolved_at, now()) when ${status} = 'closed' then resolved_at else null end,
        closed_at = case when ${status} = 'closed' then coalesce(closed_at, now()) else null end,
        updated_at = now()
      where id = ${ticketId}
      returning *)
      select t.assignee_id, q.team_id, ${ticketClockFactsColumns(tx)},
        (select coalesce(json_agg(json_build_object('id', w.id, 'agentId', w.agent_id)), '[]') from withdrawn w) as withdrawn
      from t join customers c on c.id = t.customer_id left join queues q on q.id = t.queue_id`;
    await slaOnTicketChanged(ctx, tx, ticketId, clockFacts);
    const survey = fields.includes('status')
      ? await surveysOnStatusChange(tx, ticketId, before.status, status, parseSurveySettings(before.surveySettings))
      : null;
    const watchers = { assigneeId, queueId: clockFacts.queueId, teamId };
    return { withdrawn, watchers, survey, summary: readWithCommit(findTicketSummary(tx, ticketId)) };
  });
  if (!changed) return findTicketSummary(ctx.sql, ticketId);
  await afterTicketChange(ctx, ticketId, changed.withdrawn, changed.watchers);
  if (changed.survey) await enqueueSurveySend(ctx, changed.survey);
  return changed.summary;
}

/** Hands a ticket to a queue (it waits for routing there) or straight to an agent. */
export async function transferTicket(
  ctx: AppContext,
  viewer: Viewer,
  ticketId: string,
  to: { queueId: string } | { agentId: string },
) {
  const withdrawn = await changeVisibleTicket(ctx, viewer, ticketId, async (tx) => {
    if ('queueId' in to) {
      const [queue] = await tx`select 1 from queues where id = ${to.queueId}`;
      if (!queue)
        throw new HttpError(400, 'invalid_input', 'No such queue.', [{ path: 'queueId', message: 'no such queue' }]);
      const withdrawnOffers = await enqueueTicket(tx, ticketId, to.queueId);
      await writeAudit(tx, {
        actorUserId: viewer.userId,
        action: 'ticket.transferred',
        entityType: 'ticket',
        entityId: ticketId,
        data: { toQueueId: to.queueId },
      });
      // Another queue may mean another policy or calendar.
      await slaOnTicketChanged(ctx, tx, ticketId);
      return withdrawnOffers;
    }
    const [agent] = await tx`select 1 from users where id = ${to.agentId} and active and role = 'agent'`;
    if (!agent)
      throw new HttpError(400, 'invalid_input', 'No such active agent.', [
        { path: 'agentId', message: 'no such active agent' },
      ]);
    const withdrawnOffers = await cancelPendingOffers(tx, ticketId);
    await tx`update tickets set assignee_id = ${to.agentId}, status = case when status = 'new' then 'open' else status end, updated_at = now() where id = ${ticketId}`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'ticket.transferred',
      entityType: 'ticket',
      entityId: ticketId,
      data: { toAgentId: to.agentId },
    });
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'ticket.assigned',
      entityType: 'ticket',
      entityId: ticketId,
      data: { agentId: to.agentId, via: 'transfer' },
    });
    return withdrawnOffers;
  });
  // The previous assignee's inbox must drop it too.
  ctx.publisher.emit([rooms.agent(viewer.userId)], 'ticket.changed', { ticketId });
  await afterTicketChange(ctx, ticketId, withdrawn);
  return findTicketSummary(ctx.sql, ticketId);
}

/** An internal note: on the ticket for colleagues, never sent to the customer. */
export async function addNote(ctx: AppContext, viewer: Viewer, ticketId: string, text: string) {
  const messageId = await changeVisibleTicket(ctx, viewer, ticketId, async (tx) => {
    const [m] = await tx<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, author_user_id, status, body_text, search_vector)
      values (${ticketId}, 'note', 'internal', ${viewer.userId}, 'received', ${text}, ${searchVector(tx, text)}) returning id`;
    await tx`update tickets set updated_at = now() where id = ${ticketId}`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'message.note_added',
      entityType: 'ticket',
      entityId: ticketId,
      data: { messageId: m.id },
    });
    return m.id;
  });
  await publishTicketChanged(ctx, ticketId);
  return findMessageView(ctx.sql, messageId);
}

/**
 * A reply to the customer through the ticket's channel: stored `queued` first, then a job sends it.
 * It goes to the address the customer last wrote from, else to their identity for that channel.
 * An email reply leaves from the mailbox the customer last wrote to, threaded under their latest mail, with the
 * agent's and the mailbox's signatures, and may carry files. A reply written from a template counts as its use.
 */
export async function queueReply(
  ctx: AppContext,
  viewer: Viewer,
  ticketId: string,
  text: string,
  attachments: ReplyAttachmentInput[] = [],
  templateId?: string,
) {
  const messageId = await changeVisibleTicket(ctx, viewer, ticketId, async (tx) => {
    const [t] = await tx<
      {
        channel: 'voice' | 'sms' | 'email';
        subject: string;
        number: string;
        to: string | null;
        ourAddress: string | null;
      }[]
    >`
      select t.channel, t.subject, t.number,
        coalesce((select m.from_address from messages m where m.ticket_id = t.id and m.direction = 'inbound' order by m.created_at desc limit 1),
                 (select i.value from customer_identities i where i.customer_id = t.customer_id
                    and i.kind = case t.channel when 'email' then 'email' else 'phone' end order by i.created_at limit 1)) as to,
        (select m.to_address from messages m where m.ticket_id = t.id and m.direction = 'inbound' order by m.created_at desc limit 1) as our_address
      from tickets t where t.id = ${ticketId}`;
    // A reply is sent through the ticket's channel, and a phone line carries no written message: it would go nowhere.
    if (t.channel === 'voice')
      throw new HttpError(
        409,
        'voice_ticket',
        'This is a phone ticket: call the customer back, or add an internal note.',
      );
    if (attachments.length && t.channel !== 'email') {
      throw new HttpError(400, 'invalid_input', 'attachments are only sent by email', [
        { path: 'attachments', message: 'attachments are only sent by email' },
      ]);
    }
    if (!t.to)
      throw new HttpError(
        409,
        'no_address',
        `The customer has no ${t.channel === 'email' ? 'email address' : 'phone number'} to reply to.`,
      );
    if (t.channel === 'sms') await refuseOptedOutNumber(tx, t.to);
    if (t.channel === 'email') refuseUndeliverableAddress(t.to);
    const email =
      t.channel === 'email'
        ? await replyThreading(
            tx,
            ticketId,
            t.ourAddress ? domainOf(t.ourAddress) : new URL(ctx.config.PUBLIC_URL).hostname,
          )
        : null;
    const files = email
      ? await claimReplyAttachments(
          tx,
          viewer.userId,
          attachments,
          email.mailbox?.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
        )
      : [];
    if (templateId) await countTemplateUse(tx, viewer, templateId);
    const signatures = email ? await replySignatures(tx, viewer.userId, email.mailbox?.id ?? null) : null;
    // Stored as sent, signatures included, so the thread and any resend show what the customer got; searched by
    // the agent's words only.
    const body = signatures ? withSignatures(text, signatures.agent, signatures.mailbox) : text;
    const [m] = await tx<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, author_user_id, status, mailbox_id, from_address, to_address, subject, body_text, metadata, search_vector, template_id)
      values (${ticketId}, ${t.channel}, 'outbound', ${viewer.userId}, 'queued', ${email?.mailbox?.id ?? null},
              ${email?.mailbox?.address ?? t.ourAddress}, ${t.to},
              ${email ? replySubject(t.subject, Number(t.number)) : null}, ${body}, ${tx.json((email?.metadata ?? {}) as never)},
              ${searchVector(tx, text)}, ${templateId ?? null})
      returning id`;
    await storeReplyAttachments(tx, m.id, files);
    // A public answer stops the response clock (notes never come here).
    await slaOnPublicResponse(ctx, tx, ticketId);
    await tx`update tickets set status = case when status = 'new' then 'open' else status end, updated_at = now() where id = ${ticketId}`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'message.reply_queued',
      entityType: 'ticket',
      entityId: ticketId,
      data: { messageId: m.id },
    });
    return m.id;
  });
  // Read before the send is queued: the answer shows the reply as stored, whatever the worker does next.
  const stored = await findMessageView(ctx.sql, messageId);
  await queueSend(ctx, messageId);
  await publishTicketChanged(ctx, ticketId);
  return stored;
}

async function afterTicketChange(
  ctx: AppContext,
  ticketId: string,
  withdrawn: { id: string; agentId: string }[],
  watchers?: TicketWatchers,
) {
  for (const offer of withdrawn)
    ctx.publisher.emit([rooms.agent(offer.agentId)], 'offer.ended', {
      offerId: offer.id,
      ticketId,
      reason: 'canceled',
    });
  await publishTicketChanged(ctx, ticketId, watchers);
  // Capacity may have freed up, or the ticket may be waiting again.
  await kickRouting(ctx);
}
