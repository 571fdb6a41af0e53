import type { Channel, TicketPriority } from '../../../server/http/apiTypes';
import type { EscalationAction, SlaPolicyInput, SlaPolicyView } from '../../../server/http/slaApiTypes';
import { formatTags, parseTags } from '../customers/parseTags';

/**
 * A policy as its form edits it: numbers and lists as the text typed, optional parts as a switch plus their fields
 * (so turning quiet hours off and on again keeps what was typed).
 */
export interface PolicyDraft {
  name: string;
  enabled: boolean;
  queueIds: string[];
  priorities: TicketPriority[];
  channels: Channel[];
  customerTags: string;
  firstResponseMinutes: string;
  nextResponseMinutes: string;
  resolutionMinutes: string;
  warnMinutesBefore: string;
  warnPercentUsed: string;
  smsRecipients: string;
  emailRecipients: string;
  quietHoursOn: boolean;
  quietStart: string;
  quietEnd: string;
  quietTimezone: string;
  escalationOn: boolean;
  escalationAfterMinutes: string;
  escalationAction: EscalationAction;
  escalationQueueId: string;
  escalationSmsRecipients: string;
  escalationEmailRecipients: string;
}

const numberText = (value: number | null) => (value === null ? '' : String(value));
const listText = (values: readonly string[]) => values.join(', ');

export const newPolicyDraft = (timezone = Intl.DateTimeFormat().resolvedOptions().timeZone): PolicyDraft => ({
  name: '',
  enabled: true,
  queueIds: [],
  priorities: [],
  channels: [],
  customerTags: '',
  firstResponseMinutes: '60',
  nextResponseMinutes: '',
  resolutionMinutes: '',
  warnMinutesBefore: '15',
  warnPercentUsed: '',
  smsRecipients: '',
  emailRecipients: '',
  quietHoursOn: false,
  quietStart: '22:00',
  quietEnd: '07:00',
  quietTimezone: timezone,
  escalationOn: false,
  escalationAfterMinutes: '30',
  escalationAction: 'raise_priority',
  escalationQueueId: '',
  escalationSmsRecipients: '',
  escalationEmailRecipients: '',
});

export function policyDraft(policy: SlaPolicyView): PolicyDraft {
  const blank = newPolicyDraft();
  return {
    name: policy.name,
    enabled: policy.enabled,
    queueIds: policy.queueIds,
    priorities: policy.priorities,
    channels: policy.channels,
    customerTags: formatTags(policy.customerTags),
    firstResponseMinutes: numberText(policy.firstResponseMinutes),
    nextResponseMinutes: numberText(policy.nextResponseMinutes),
    resolutionMinutes: numberText(policy.resolutionMinutes),
    warnMinutesBefore: numberText(policy.warnMinutesBefore),
    warnPercentUsed: numberText(policy.warnPercentUsed),
    smsRecipients: listText(policy.smsRecipients),
    emailRecipients: listText(policy.emailRecipients),
    quietHoursOn: policy.quietHours !== null,
    quietStart: policy.quietHours?.start ?? blank.quietStart,
    quietEnd: policy.quietHours?.end ?? blank.quietEnd,
    quietTimezone: policy.quietHours?.timezone ?? blank.quietTimezone,
    escalationOn: policy.escalation !== null,
    escalationAfterMinutes: numberText(policy.escalation?.afterMinutes ?? 30),
    escalationAction: policy.escalation?.action ?? blank.escalationAction,
    escalationQueueId: policy.escalation?.queueId ?? '',
    escalationSmsRecipients: listText(policy.escalation?.smsRecipients ?? []),
    escalationEmailRecipients: listText(policy.escalation?.emailRecipients ?? []),
  };
}

/**
 * A number as typed: empty is "none"; anything else goes to the server as a number, or as the text itself when it
 * is not one, so the server's message about it lands by the field instead of the value silently becoming "none".
 */
function typedNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return (Number.isFinite(value) ? value : trimmed) as number;
}

/** "+33 6…, a@b.c；x" → each entry trimmed, empties dropped (commas, semicolons, Chinese commas or new lines). */
export function splitList(text: string): string[] {
  return text
    .split(/[,;，；\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export function policyInput(draft: PolicyDraft): SlaPolicyInput {
  const escalationSms =
    draft.escalationAction === 'notify_second_level' ? splitList(draft.escalationSmsRecipients) : [];
  const escalationEmail =
    draft.escalationAction === 'notify_second_level' ? splitList(draft.escalationEmailRecipients) : [];
  return {
    name: draft.name,
    enabled: draft.enabled,
    queueIds: draft.queueIds,
    priorities: draft.priorities,
    channels: draft.channels,
    customerTags: parseTags(draft.customerTags),
    firstResponseMinutes: typedNumber(draft.firstResponseMinutes),
    nextResponseMinutes: typedNumber(draft.nextResponseMinutes),
    resolutionMinutes: typedNumber(draft.resolutionMinutes),
    warnMinutesBefore: typedNumber(draft.warnMinutesBefore),
    warnPercentUsed: typedNumber(draft.warnPercentUsed),
    quietHours: draft.quietHoursOn
      ? { start: draft.quietStart, end: draft.quietEnd, timezone: draft.quietTimezone.trim() }
      : null,
    smsRecipients: splitList(draft.smsRecipients),
    emailRecipients: splitList(draft.emailRecipients),
    escalation: draft.escalationOn
      ? {
          afterMinutes: typedNumber(draft.escalationAfterMinutes) as number,
          action: draft.escalationAction,
          queueId: draft.escalationAction === 'reassign_to_queue' ? draft.escalationQueueId || null : null,
          smsRecipients: escalationSms,
          emailRecipients: escalationEmail,
        }
      : null,
  };
}
