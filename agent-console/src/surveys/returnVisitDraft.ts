import type { Channel } from '../../../server/http/apiTypes';
import type { ScheduleReturnVisitsInput, ScheduleReturnVisitsResponse } from '../../../server/http/surveyApiTypes';
import { localInputToIso } from '../campaigns/scheduleTime';

export const RETURN_VISIT_METHODS = ['callback', 'sms', 'email'] as const;
export type ScheduledMethod = (typeof RETURN_VISIT_METHODS)[number];

/** How and when, as typed: `dueAt` is a datetime-local value (empty: now). */
export interface ReturnVisitDraft {
  method: ScheduledMethod;
  dueAt: string;
  note: string;
}

/** Which resolved tickets, as typed: days as date-input values, '' for "any". */
export interface ReturnVisitFilterDraft {
  resolvedFrom: string;
  resolvedTo: string;
  queueId: string;
  channel: Channel | '';
  assigneeId: string;
}

export const newReturnVisitDraft = (): ReturnVisitDraft => ({ method: 'callback', dueAt: '', note: '' });

/**
 * The request for the tickets named or the filter. A time that is not one is sent as typed, so the server's
 * complaint about `dueAt` shows by the field; empty filter choices are left out ("any").
 */
export function scheduleInputOf(
  draft: ReturnVisitDraft,
  target: { ticketIds: string[] } | { filter: ReturnVisitFilterDraft },
): ScheduleReturnVisitsInput {
  const dueAt = draft.dueAt.trim();
  const note = draft.note.trim();
  const common = {
    method: draft.method,
    ...(dueAt ? { dueAt: localInputToIso(dueAt) ?? dueAt } : {}),
    ...(note ? { note } : {}),
  };
  if ('ticketIds' in target) return { ...common, ticketIds: target.ticketIds };
  const { resolvedFrom, resolvedTo, queueId, channel, assigneeId } = target.filter;
  return {
    ...common,
    filter: {
      resolvedFrom,
      resolvedTo,
      ...(queueId ? { queueId } : {}),
      ...(channel ? { channel } : {}),
      ...(assigneeId ? { assigneeId } : {}),
    },
  };
}

/** Tickets left out, counted by why ("not resolved: 3"), most common first. */
export function skippedByReason(skipped: ScheduleReturnVisitsResponse['skipped']): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
