import { listTicketSurveys } from '../../surveys/surveyViews';
import { z } from 'zod';
import { noteReplyArticles } from '../../../knowledge-base/usage/replyArticles';
import { requireVisibleTicket } from '../../auth/ticketAccess';
import { listAudit } from '../../audit/auditQueries';
import { findCustomerView } from '../../customers/customerQueries';
import { listTicketMessages } from '../../messages/messageQueries';
import { retrySend } from '../../outbound/retrySend';
import { listTicketTags } from '../../tags/tagQueries';
import { placeholdersIn } from '../../templates/templateText';
import { addNote, queueReply, transferTicket, updateTicket } from '../../tickets/ticketCommands';
import { listInbox } from '../../tickets/ticketQueries';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type TicketDetailResponse } from '../apiTypes';
import { ANY_ROLE, route } from '../route';
import { idParams } from '../validate';

const text = z.string().trim().min(1, 'is required').max(20_000, 'is too long (20,000 characters at most)');

// Files on an email reply, uploaded first (POST /api/uploads) and named by id; only the replying agent's own uploads
// are accepted, and their total size is checked against the mailbox's limit when the reply is stored.
const reply = z.object({
  // Placeholders of a template (`[[order number]]`) are the agent's to fill: a reply still holding one is refused.
  text: text.superRefine((t, ctx) => {
    const left = placeholdersIn(t);
    if (left.length)
      ctx.addIssue({
        code: 'custom',
        message: `still holds placeholders to fill: ${left.map((p) => `[[${p}]]`).join(', ')}`,
      });
  }),
  /** The reply template it was written from, counted as a use of it. */
  templateId: z.uuid('must be the id of a template you may use').optional(),
  /** Knowledge base articles inserted into it, logged as sent with it (knowledge stats). */
  knowledgeArticleIds: z.array(z.uuid('must be an article id')).max(10, 'at most 10 articles').optional(),
  attachments: z
    .array(z.object({ uploadId: z.uuid('must be the id of one of your uploads') }))
    .max(10, 'at most 10 attachments')
    .optional(),
});

const ticketChanges = z
  .object({
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(TICKET_PRIORITIES),
    type: z.enum(TICKET_TYPES).nullable(),
    subject: z.string().trim().min(1).max(300),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'give at least one of status, priority, type, subject');

const transferTarget = z.union([z.object({ queueId: z.uuid() }).strict(), z.object({ agentId: z.uuid() }).strict()], {
  error: 'give either queueId or agentId (a UUID)',
});

export const ticketRoutes = [
  route({
    method: 'get',
    path: '/api/inbox',
    access: ANY_ROLE,
    summary: 'Your open assigned tickets.',
    async handler({ ctx, session }) {
      return { tickets: await listInbox(ctx.sql, session) };
    },
  }),
  route({
    method: 'get',
    path: '/api/tickets/:id',
    access: ANY_ROLE,
    summary:
      'One ticket with its customer, whole thread, audit trail and your pending offer: agents see their own and their queues’ tickets, supervisors their teams’.',
    params: idParams,
    async handler({ ctx, params: { id }, session }): Promise<TicketDetailResponse> {
      const ticket = await requireVisibleTicket(ctx.sql, session, id);
      const [customer, messages, audit, tags, [offer], surveys] = await Promise.all([
        findCustomerView(ctx.sql, ticket.customer.id),
        listTicketMessages(ctx.sql, id),
        listAudit(ctx.sql, 'ticket', id),
        listTicketTags(ctx.sql, id),
        ctx.sql<{ id: string; ticketId: string; expiresAt: Date }[]>`
          select id, ticket_id, expires_at from offers where ticket_id = ${id} and agent_id = ${session.userId} and status = 'pending'`,
        listTicketSurveys(ctx.sql, id),
      ]);
      return {
        ticket,
        customer: customer!,
        messages,
        audit,
        tags,
        pendingOffer: offer
          ? { id: offer.id, ticketId: offer.ticketId, expiresAt: offer.expiresAt.toISOString() }
          : null,
        surveys,
      };
    },
  }),
  route({
    method: 'patch',
    path: '/api/tickets/:id',
    access: ANY_ROLE,
    summary: 'Change status (resolve, close, reopen), priority, type or subject.',
    params: idParams,
    body: ticketChanges,
    async handler({ ctx, params: { id }, body, session }) {
      return { ticket: await updateTicket(ctx, session, id, body) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tickets/:id/replies',
    access: ANY_ROLE,
    summary:
      'Reply to the customer through the ticket’s channel (stored as queued, then sent by a job). A phone ticket takes no written reply (409): call back, or add a note. A text still holding template placeholders ([[…]]) is refused (400, text); templateId counts a use of the template; knowledgeArticleIds names the knowledge base articles it carries, logged as sent once the reply is sent; email replies get the agent’s and the mailbox’s signatures.',
    params: idParams,
    body: reply,
    async handler({ ctx, params: { id }, body, res, session }) {
      const message = await queueReply(ctx, session, id, body.text, body.attachments, body.templateId);
      if (body.knowledgeArticleIds?.length)
        await noteReplyArticles(ctx.sql, {
          ticketId: id,
          userId: session.userId,
          messageId: message!.id,
          articleIds: body.knowledgeArticleIds,
        });
      res.status(201);
      return { message };
    },
  }),
  route({
    method: 'post',
    path: '/api/tickets/:id/messages/:messageId/retry',
    access: ANY_ROLE,
    summary:
      'Send a failed or undelivered reply again (409 for any other; the same access as replying). It is queued as before; an email keeps its Message-ID.',
    params: z.object({ id: z.uuid('must be a UUID'), messageId: z.uuid('must be a UUID') }),
    async handler({ ctx, params, session }) {
      return { message: await retrySend(ctx, session, params.id, params.messageId) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tickets/:id/notes',
    access: ANY_ROLE,
    summary: 'Add an internal note, never sent to the customer.',
    params: idParams,
    body: z.object({ text }),
    async handler({ ctx, params: { id }, body, res, session }) {
      res.status(201);
      return { message: await addNote(ctx, session, id, body.text) };
    },
  }),
  route({
    method: 'post',
    path: '/api/tickets/:id/transfer',
    access: ANY_ROLE,
    summary:
      'Transfer to a queue ({queueId}: it waits there for routing) or to an agent ({agentId}: assigned at once).',
    params: idParams,
    body: transferTarget,
    async handler({ ctx, params: { id }, body, session }) {
      return { ticket: await transferTicket(ctx, session, id, body) };
    },
  }),
];
