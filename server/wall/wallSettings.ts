import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { HttpError } from '../http/httpError';
import {
  THRESHOLD_FIGURES,
  type QueueStatsSettingsView,
  type ThresholdView,
  type WallSettingsResponse,
} from '../http/wallApiTypes';

export const thresholdsInput = z.object({
  thresholds: z
    .array(
      z.object({
        queueId: z.uuid('must be a UUID').nullable(),
        figure: z.enum(THRESHOLD_FIGURES),
        warning: z.number().min(0, 'must be 0 or more').nullable(),
        critical: z.number().min(0, 'must be 0 or more').nullable(),
      }),
    )
    .max(1000)
    .refine((list) => list.every((t) => t.warning !== null || t.critical !== null), {
      message: 'each threshold needs a warning or a critical value',
    })
    .refine((list) => new Set(list.map((t) => `${t.queueId}:${t.figure}`)).size === list.length, {
      message: 'one threshold per queue and figure',
    }),
});

const validTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const queueStatsInput = z.object({
  serviceLevelSeconds: z.number().int().min(1, 'must be 1 to 3600').max(3600, 'must be 1 to 3600'),
  resetTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time, like 06:00'),
  timezone: z.string().refine(validTimezone, 'must be an IANA time zone, like Asia/Shanghai'),
});

export const monitoringInput = z.object({
  notifyAgentWhenMonitored: z.boolean(),
  shortAbandonSeconds: z.number().int().min(0, 'must be 0 to 600').max(600, 'must be 0 to 600'),
});

export const listThresholds = (sql: Sql) =>
  sql<
    ThresholdView[]
  >`select queue_id, figure, warning, critical from wall_thresholds order by queue_id nulls first, figure`;

export async function loadWallSettings(sql: Sql): Promise<WallSettingsResponse> {
  const [thresholds, queues, [settings]] = await Promise.all([
    listThresholds(sql),
    sql<QueueStatsSettingsView[]>`
      select id as queue_id, name as queue_name, service_level_seconds, to_char(stats_reset_time, 'HH24:MI') as reset_time,
        stats_timezone as timezone
      from queues order by name`,
    sql<{ shortAbandonSeconds: number; notifyAgentWhenMonitored: boolean }[]>`
      select short_abandon_seconds, notify_agent_when_monitored from wall_settings`,
  ]);
  return { thresholds, queues, ...settings };
}

export async function saveThresholds(sql: Sql, input: z.infer<typeof thresholdsInput>, actorUserId: string) {
  await sql.begin(async (tx) => {
    const queueIds = [...new Set(input.thresholds.map((t) => t.queueId).filter((id): id is string => id !== null))];
    const known = queueIds.length ? await tx<{ id: string }[]>`select id from queues where id = any(${queueIds})` : [];
    const unknown = queueIds.filter((id) => !known.some((k) => k.id === id));
    if (unknown.length)
      throw new HttpError(400, 'invalid_input', `thresholds: no such queue ${unknown[0]}`, [
        { path: 'thresholds', message: `no such queue ${unknown[0]}` },
      ]);
    await tx`delete from wall_thresholds`;
    for (const t of input.thresholds)
      await tx`insert into wall_thresholds (queue_id, figure, warning, critical) values (${t.queueId}, ${t.figure}, ${t.warning}, ${t.critical})`;
    await writeAudit(tx, {
      actorUserId,
      action: 'wall.thresholds_changed',
      entityType: 'settings',
      entityId: 'wall',
      data: { count: input.thresholds.length },
    });
  });
}

export async function saveQueueStats(
  sql: Sql,
  queueId: string,
  input: z.infer<typeof queueStatsInput>,
  actorUserId: string,
) {
  await sql.begin(async (tx) => {
    const [row] = await tx`
      update queues set service_level_seconds = ${input.serviceLevelSeconds}, stats_reset_time = ${input.resetTime},
        stats_timezone = ${input.timezone}
      where id = ${queueId} returning id`;
    if (!row) throw new HttpError(404, 'not_found', 'Queue not found.');
    await writeAudit(tx, {
      actorUserId,
      action: 'queue.stats_settings_changed',
      entityType: 'queue',
      entityId: queueId,
      data: input,
    });
  });
}

export async function saveMonitoringSettings(sql: Sql, input: z.infer<typeof monitoringInput>, actorUserId: string) {
  await sql.begin(async (tx) => {
    await tx`
      update wall_settings set notify_agent_when_monitored = ${input.notifyAgentWhenMonitored},
        short_abandon_seconds = ${input.shortAbandonSeconds}, updated_at = now()`;
    await writeAudit(tx, {
      actorUserId,
      action: 'wall.settings_changed',
      entityType: 'settings',
      entityId: 'wall',
      data: input,
    });
  });
}
