// "A ticket created at T in queue Q would be due at": the policy that would match and its instants, on Q's calendar.
import { z } from 'zod';
import type { Sql } from '../db/client';
import { CHANNELS, TICKET_PRIORITIES } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import { SLA_TARGETS, type SlaPreviewResponse } from '../http/slaApiTypes';
import { findSchedule } from '../settings/businessHoursSettings';
import { placeInstants, targetMinutesOf } from './slaClockRows';
import { matchSlaPolicy } from './slaPolicies';

export const slaPreviewInput = z.object({
  createdAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time, like 2026-03-06T16:30:00Z' }),
  queueId: z.uuid('must be a queue id').nullable().default(null),
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  channel: z.enum(CHANNELS),
  customerTags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});

export async function previewSla(sql: Sql, input: z.infer<typeof slaPreviewInput>): Promise<SlaPreviewResponse> {
  const [queue] = input.queueId
    ? await sql<{ businessHoursId: string | null; hoursName: string | null; timezone: string | null }[]>`
        select q.business_hours_id, b.name as hours_name, b.timezone
        from queues q left join business_hours b on b.id = q.business_hours_id where q.id = ${input.queueId}`
    : [];
  if (input.queueId && !queue)
    throw new HttpError(400, 'invalid_input', 'No such queue.', [{ path: 'queueId', message: 'no such queue' }]);
  const policy = await matchSlaPolicy(sql, input);
  const schedule = queue?.businessHoursId ? await findSchedule(sql, queue.businessHoursId) : null;
  const createdAt = new Date(input.createdAt);
  const targets = policy
    ? SLA_TARGETS.flatMap((target) => {
        const minutes = targetMinutesOf(policy, target);
        if (minutes === null) return [];
        const at = placeInstants({ policy, schedule }, { targetMinutes: minutes, usedMinutes: 0 }, createdAt);
        return [{ target, minutes, warnAt: at.warnAt?.toISOString() ?? null, dueAt: at.dueAt.toISOString() }];
      })
    : [];
  return {
    policy: policy ? { id: policy.id, name: policy.name } : null,
    businessHours: queue?.businessHoursId
      ? { id: queue.businessHoursId, name: queue.hoursName!, timezone: queue.timezone! }
      : null,
    targets,
  };
}
