import type { TFunction } from 'i18next';
import type { AuditEntryView } from '../../../server/http/apiTypes';
import { isOwnFailureReason, isResendReason } from '../tickets/failureDetail';
import { isTicketPriority, isTicketStatus, isTicketType } from '../tickets/ticketOptions';
import { callbackOutcomeText } from '../callbacks/callbackOutcome';
import { describeSurveyAudit } from '../surveys/surveyAudit';
import { isKnownDisposition } from '../voice/dispositions';
import { isKnownAuditAction } from './auditActions';

/** The name of an agent or queue by id, if the console knows it. */
export type NameLookup = (id: unknown) => string | undefined;

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value));

const CUSTOMER_FIELDS = ['name', 'company', 'notes', 'tags'] as const;
const isCustomerField = (field: string): field is (typeof CUSTOMER_FIELDS)[number] =>
  (CUSTOMER_FIELDS as readonly string[]).includes(field);

/** A wrap-up disposition: the console's words for the ones it offers, else as stored. */
const dispositionText = (value: unknown, t: TFunction) =>
  typeof value === 'string' && isKnownDisposition(value) ? t(`voice.disposition.${value}`) : text(value);

/** Why a send failed: our own reasons in the reader's language, a provider's in its words (or its code). */
function failureText(data: Record<string, unknown>, t: TFunction): string {
  if (isOwnFailureReason(data.code)) return t(`delivery.reason.${data.code}`);
  return text(data.reason) || text(data.code);
}

/** Who did it: the user's name, or "System" / "Customer". */
export function describeActor(actor: AuditEntryView['actor'], t: TFunction): string {
  if (actor.kind === 'system') return t('audit.system');
  if (actor.kind === 'customer') return actor.name ?? t('audit.customer');
  return actor.name ?? t('audit.someone');
}

/** What happened, in the reader's language; an action the console does not know is shown as its raw name. */
export function describeAudit(entry: AuditEntryView, t: TFunction, nameOf: NameLookup): string {
  const { action, data } = entry;
  if (!isKnownAuditAction(action)) return action;

  const agent = (id: unknown) => nameOf(id) ?? t('audit.unknownAgent');
  const queue = (id: unknown) => nameOf(id) ?? t('audit.unknownQueue');
  const identity = () => {
    const kind = data.kind === 'phone' || data.kind === 'email' ? t(`identityKind.${data.kind}`) : text(data.kind);
    return `${kind} ${text(data.value)}`.trim();
  };

  switch (action) {
    case 'ticket.created': {
      const channel =
        data.channel === 'voice' || data.channel === 'sms' || data.channel === 'email'
          ? t(`channel.${data.channel}`)
          : text(data.channel);
      return t('auditAction.ticket.created', { channel });
    }
    case 'ticket.assigned':
    case 'ticket.offered':
    case 'ticket.offer_rejected':
    case 'ticket.offer_timed_out':
      return t(`auditAction.${action}`, { agent: agent(data.agentId) });
    case 'ticket.status_changed': {
      const label = (v: unknown) => (isTicketStatus(v) ? t(`ticketStatus.${v}`) : text(v));
      return t('auditAction.ticket.status_changed', { from: label(data.from), to: label(data.to) });
    }
    case 'ticket.priority_changed': {
      const label = (v: unknown) => (isTicketPriority(v) ? t(`ticketPriority.${v}`) : text(v));
      return t('auditAction.ticket.priority_changed', { from: label(data.from), to: label(data.to) });
    }
    case 'ticket.type_changed': {
      const label = (v: unknown) =>
        v == null ? t('ticketType.none') : isTicketType(v) ? t(`ticketType.${v}`) : text(v);
      return t('auditAction.ticket.type_changed', { from: label(data.from), to: label(data.to) });
    }
    case 'ticket.subject_changed':
      return t('auditAction.ticket.subject_changed', { from: text(data.from), to: text(data.to) });
    case 'ticket.transferred':
      return t('auditAction.ticket.transferred', {
        target: data.toAgentId ? agent(data.toAgentId) : queue(data.toQueueId),
      });
    case 'ticket.overflowed':
      return t('auditAction.ticket.overflowed', { from: queue(data.fromQueueId), to: queue(data.toQueueId) });
    case 'customer.updated': {
      const changes = typeof data.changes === 'object' && data.changes !== null ? Object.keys(data.changes) : [];
      const fields = changes.map((field) => (isCustomerField(field) ? t(`customer.field.${field}`) : field));
      return t('auditAction.customer.updated', { fields: fields.join(t('audit.listSeparator')) });
    }
    case 'customer.identity_added':
    case 'customer.identity_removed':
      return t(`auditAction.${action}`, { identity: identity() });
    case 'call.placed':
    case 'callback.requested':
      return t(`auditAction.${action}`, { number: text(action === 'call.placed' ? data.to : data.phone) });
    case 'callback.scheduled':
      return t('auditAction.callback.scheduled', { number: text(data.phone), time: new Date(text(data.dueAt)) });
    case 'call.agent_missed':
    case 'call.agent_dial_failed':
      return t(`auditAction.${action}`, { agent: agent(data.agentId) });
    case 'call.transferred':
      return t('auditAction.call.transferred', { target: data.agentId ? agent(data.agentId) : queue(data.queueId) });
    case 'call.wrapped_up':
      return t('auditAction.call.wrapped_up', { disposition: dispositionText(data.disposition, t) });
    case 'callback.retry_scheduled':
    case 'callback.failed':
      return t(`auditAction.${action}`, {
        attempt: text(data.attempt),
        outcome: callbackOutcomeText(text(data.outcome), t),
      });
    case 'message.failed':
      return t('auditAction.message.failed', { reason: failureText(data, t) });
    case 'message.resent':
      return t('auditAction.message.resent', {
        why: isResendReason(data.reason) ? t(`delivery.resendReason.${data.reason}`) : text(data.reason),
      });
    case 'message.reply_queued':
    case 'message.note_added':
    case 'message.auto_ack_queued':
    case 'message.sent':
    case 'message.delivered':
    case 'message.retried':
    case 'call.abandoned':
    case 'callback.canceled':
    case 'callback.completed':
    case 'customer.created':
    case 'customer.merged':
    case 'customer.merged_away':
      return t(`auditAction.${action}`);
    case 'survey.sent':
    case 'survey.answered':
    case 'customer.at_risk':
    case 'customer.no_longer_at_risk':
      return describeSurveyAudit(action, data, t);
  }
}
