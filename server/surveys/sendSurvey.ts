import { randomBytes } from 'node:crypto';
import { newMessageId } from '../../channels/email/smtpSender';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { domainOf, replyThreading } from '../email/replyThreading';
import { queueSend } from '../outbound/sendMessageTask';
import type { Task } from '../queues/task';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { enqueueSurveySend, type SendSurveyData } from './surveyJobs';
import { fillSurveyText } from './surveyMessages';
import { surveyRecipient } from './surveyRecipient';
import { findSurveyRow, type SurveyRow } from './surveyRow';
import { SCALE_RANGE } from './surveyScales';
import { lockSurveyThrottle } from './surveyThrottle';
import { surveyPageUrl } from './surveyPageUrl';

const EMAIL_SUBJECT = { en: 'How did we do? [#{ticket}]', 'zh-CN': '请评价我们的服务 [#{ticket}]' } as const;
const EMAIL_PICK = {
  en: 'Choose your answer (you confirm it on the next page):',
  'zh-CN': '请选择您的评分（下一页确认后提交）：',
};

type Outcome = { sent?: string; skipped?: string; notDue?: true } | null;

/**
 * The survey's send time has come. In one transaction, with the survey row locked: it must still be scheduled; a
 * ticket reopened since its resolve cancels it; the recipient rules and the per-customer throttle may skip it;
 * otherwise the outbound message is stored `queued` and the survey marked sent, crediting the ticket's agent. The
 * existing send job then sends that message once. A rerun finds the survey no longer scheduled and does nothing.
 */
export async function sendSurvey(ctx: AppContext, surveyId: string): Promise<Outcome> {
  const result = await ctx.sql.begin(
    async (tx): Promise<(Outcome & { messageId?: string; ticketId?: string }) | null> => {
      const survey = await findSurveyRow(tx, surveyId, true);
      if (!survey || survey.status !== 'scheduled') return null;
      const [due] = await tx<{ due: boolean }[]>`select ${survey.sendAt} <= now() + interval '1 second' as due`;
      if (!due.due) return { notDue: true };
      const [ticket] = await tx<{ status: string; assigneeId: string | null }[]>`
      select status, assignee_id from tickets where id = ${survey.ticketId}`;
      if (survey.origin === 'resolve' && !['resolved', 'closed'].includes(ticket.status))
        return skip(tx, survey, 'reopened', 'canceled');
      const recipient = await surveyRecipient(tx, survey.ticketId, survey.channel);
      if ('skip' in recipient) return skip(tx, survey, recipient.skip);
      if (survey.origin !== 'return_visit' && survey.settings.throttleDays > 0) {
        await lockSurveyThrottle(tx, survey.customerId);
        const [recent] = await tx`
        select 1 from surveys where customer_id = ${survey.customerId} and id <> ${survey.id} and sent_at is not null
          and sent_at > now() - make_interval(days => ${survey.settings.throttleDays}) limit 1`;
        if (recent) return skip(tx, survey, 'throttled');
      }
      const token = survey.channel === 'email' ? randomBytes(24).toString('base64url') : null;
      const messageId = await storeSurveyMessage(ctx, tx, survey, recipient.to, token);
      await tx`
      update surveys set status = 'sent', sent_at = now(), expires_at = now() + make_interval(hours => ${survey.settings.expiryHours}),
        agent_id = ${ticket.assigneeId}, to_address = ${recipient.to}, public_token = ${token}, message_id = ${messageId}, updated_at = now()
      where id = ${survey.id}`;
      await writeAudit(tx, {
        actorUserId: null,
        action: 'survey.sent',
        entityType: 'ticket',
        entityId: survey.ticketId,
        data: { surveyId: survey.id, channel: survey.channel, agentId: ticket.assigneeId },
      });
      return { sent: survey.channel, messageId, ticketId: survey.ticketId };
    },
  );
  if (result?.notDue) {
    const survey = await findSurveyRow(ctx.sql, surveyId);
    if (survey) await enqueueSurveySend(ctx, survey);
  }
  if (result?.messageId) await queueSend(ctx, result.messageId);
  if (result?.ticketId) await publishTicketChanged(ctx, result.ticketId);
  if (!result) return null;
  const { sent, skipped, notDue } = result;
  return { sent, skipped, notDue };
}

async function skip(tx: TransactionSql, survey: SurveyRow, reason: string, status: 'skipped' | 'canceled' = 'skipped') {
  await tx`update surveys set status = ${status}, skip_reason = ${reason}, updated_at = now() where id = ${survey.id}`;
  return { skipped: reason, ticketId: survey.ticketId };
}

/** The survey's message on its ticket, as any outbound message: a row `queued` before it is a send. */
async function storeSurveyMessage(
  ctx: AppContext,
  tx: TransactionSql,
  survey: SurveyRow,
  to: string,
  token: string | null,
): Promise<string> {
  const texts = survey.settings.messages[survey.locale];
  const fill = (text: string) => fillSurveyText(text, { scale: survey.scale, ticketNumber: survey.ticketNumber });
  if (survey.channel === 'email') {
    const email = await replyThreading(tx, survey.ticketId, new URL(ctx.config.PUBLIC_URL).hostname);
    const mailbox =
      email.mailbox ??
      (
        await tx<{ id: string; address: string }[]>`
          select id, address from mailboxes where active order by simulated, created_at limit 1`
      )[0] ??
      null;
    // A survey about a ticket that came in some other way leaves from the first mailbox, with a Message-ID of its own.
    const threading =
      email.mailbox || !mailbox ? email.metadata : { messageId: newMessageId(domainOf(mailbox.address)) };
    const { min, max } = SCALE_RANGE[survey.scale];
    const links = Array.from(
      { length: max - min + 1 },
      (_, i) => `  ${min + i}: ${surveyPageUrl(ctx, token!, min + i)}`,
    );
    const body = [fill(texts.question), '', EMAIL_PICK[survey.locale], ...links].join('\n');
    const [m] = await tx<{ id: string }[]>`
      insert into messages (ticket_id, channel, direction, status, mailbox_id, from_address, to_address, subject, body_text, metadata)
      values (${survey.ticketId}, 'email', 'outbound', 'queued', ${mailbox?.id ?? null}, ${mailbox?.address ?? null}, ${to},
              ${fill(EMAIL_SUBJECT[survey.locale])}, ${body},
              ${tx.json({ ...threading, surveyId: survey.id } as never)})
      returning id`;
    return m.id;
  }
  const [ourNumber] = await tx<{ toAddress: string }[]>`
    select to_address from messages where ticket_id = ${survey.ticketId} and channel = 'sms' and direction = 'inbound'
    order by created_at desc limit 1`;
  const [m] = await tx<{ id: string }[]>`
    insert into messages (ticket_id, channel, direction, status, from_address, to_address, body_text, metadata)
    values (${survey.ticketId}, 'sms', 'outbound', 'queued', ${ourNumber?.toAddress ?? null}, ${to}, ${fill(texts.question)},
            ${tx.json({ surveyId: survey.id } as never)})
    returning id`;
  return m.id;
}

export const sendSurveyTask: Task<SendSurveyData> = {
  queue: 'timers',
  name: 'send-survey',
  perform: (ctx, { surveyId }) => sendSurvey(ctx, surveyId),
};
