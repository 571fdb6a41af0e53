import { SURVEY_AUDIT_ACTIONS } from '../surveys/surveyAudit';

/** Audit actions the console can put into words; any other action is shown as its raw name. */
export const KNOWN_AUDIT_ACTIONS = [
  'ticket.created',
  'ticket.assigned',
  'ticket.offered',
  'ticket.offer_rejected',
  'ticket.offer_timed_out',
  'ticket.status_changed',
  'ticket.priority_changed',
  'ticket.type_changed',
  'ticket.subject_changed',
  'ticket.transferred',
  'ticket.overflowed',
  'message.reply_queued',
  'message.note_added',
  'message.auto_ack_queued',
  'message.sent',
  'message.delivered',
  'message.failed',
  'message.resent',
  'message.retried',
  'call.placed',
  'call.abandoned',
  'call.agent_missed',
  'call.agent_dial_failed',
  'call.transferred',
  'call.wrapped_up',
  'callback.requested',
  'callback.scheduled',
  'callback.canceled',
  'callback.retry_scheduled',
  'callback.completed',
  'callback.failed',
  'customer.created',
  'customer.updated',
  'customer.merged',
  'customer.merged_away',
  'customer.identity_added',
  'customer.identity_removed',
  ...SURVEY_AUDIT_ACTIONS,
] as const;

export type KnownAuditAction = (typeof KNOWN_AUDIT_ACTIONS)[number];

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return (KNOWN_AUDIT_ACTIONS as readonly string[]).includes(action);
}
