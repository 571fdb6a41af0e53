import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { CHANNELS } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import { calendarDay } from '../http/validate';
import { resolveSkillIds } from './resolveSkillIds';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const businessHoursInput = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  timezone: z
    .string()
    .refine(
      (tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC',
      'must be an IANA time zone, like Europe/Paris',
    ),
  intervals: z
    .array(
      z
        .object({ weekday: z.number().int().min(0).max(6), opens: time, closes: time })
        .refine((i) => i.closes > i.opens, { message: 'closes must be after opens', path: ['closes'] }),
    )
    .min(1, 'needs at least one open interval'),
  holidays: z.array(z.object({ day: calendarDay(), name: z.string().trim().min(1) })).default([]),
});

export const queueInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    teamId: z.uuid().nullable().default(null),
    skills: z.array(z.string()).default([]),
    businessHoursId: z.uuid().nullable().default(null),
    overflowQueueId: z.uuid().nullable().default(null),
    overflowAfterSeconds: z.number().int().positive().nullable().default(null),
    /** New contacts of these channels enter this queue unless something upstream (an IVR choice) picks another. */
    entryForChannels: z.array(z.enum(CHANNELS)).default([]),
    /** Its SMS and email tickets may be offered to agents who are on a call (by default nobody on a call is offered anything else). */
    blendWithCalls: z.boolean().default(false),
  })
  .refine((q) => (q.overflowQueueId === null) === (q.overflowAfterSeconds === null), {
    message: 'overflowQueueId and overflowAfterSeconds go together',
    path: ['overflowAfterSeconds'],
  });

type Tx = Sql | TransactionSql;

async function setQueueSkills(tx: Tx, queueId: string, names: string[]) {
  const skillIds = await resolveSkillIds(tx, names);
  await tx`delete from queue_skills where queue_id = ${queueId}`;
  for (const skillId of skillIds)
    await tx`insert into queue_skills (queue_id, skill_id) values (${queueId}, ${skillId})`;
}

/** Creates a queue, or replaces its settings when `queueId` is given. */
export async function saveQueue(
  sql: Sql,
  input: z.infer<typeof queueInput>,
  actorUserId: string | null,
  queueId?: string,
) {
  try {
    return await sql.begin(async (tx) => {
      const values = {
        name: input.name,
        team_id: input.teamId,
        business_hours_id: input.businessHoursId,
        overflow_queue_id: input.overflowQueueId,
        overflow_after_seconds: input.overflowAfterSeconds,
        entry_for_channels: input.entryForChannels,
        blend_with_calls: input.blendWithCalls,
      };
      const [row] = queueId
        ? await tx<{ id: string }[]>`update queues set ${tx(values)} where id = ${queueId} returning id`
        : await tx<{ id: string }[]>`insert into queues ${tx(values)} returning id`;
      if (!row) throw new HttpError(404, 'not_found', 'Queue not found.');
      await setQueueSkills(tx, row.id, input.skills);
      await writeAudit(tx, {
        actorUserId,
        action: queueId ? 'queue.updated' : 'queue.created',
        entityType: 'queue',
        entityId: row.id,
        data: input,
      });
      return row.id;
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '23505')
      throw new HttpError(409, 'name_taken', `A queue named ${input.name} already exists.`, [
        { path: 'name', message: 'is taken' },
      ]);
    if (code === '23503' || code === '23514')
      throw new HttpError(
        400,
        'invalid_input',
        `Queue settings refer to something that does not exist or is not allowed: ${(e as Error).message}`,
      );
    throw e;
  }
}

export async function createBusinessHours(
  sql: Sql,
  input: z.infer<typeof businessHoursInput>,
  actorUserId: string | null,
) {
  return sql.begin(async (tx) => {
    const [row] = await tx<
      { id: string }[]
    >`insert into business_hours (name, timezone) values (${input.name}, ${input.timezone}) on conflict (name) do nothing returning id`;
    if (!row)
      throw new HttpError(409, 'name_taken', `Business hours named ${input.name} already exist.`, [
        { path: 'name', message: 'is taken' },
      ]);
    for (const i of input.intervals) {
      await tx`insert into business_hours_intervals (business_hours_id, weekday, opens, closes) values (${row.id}, ${i.weekday}, ${i.opens}, ${i.closes})`;
    }
    for (const h of input.holidays) {
      await tx`insert into business_hours_holidays (business_hours_id, day, name) values (${row.id}, ${h.day}, ${h.name})`;
    }
    await writeAudit(tx, {
      actorUserId,
      action: 'business_hours.created',
      entityType: 'business_hours',
      entityId: row.id,
      data: input,
    });
    return row.id;
  });
}

export const listQueues = (sql: Sql) =>
  sql`
    select q.id, q.name, q.team_id, q.business_hours_id, q.overflow_queue_id, q.overflow_after_seconds, q.entry_for_channels, q.blend_with_calls,
           coalesce((select array_agg(s.name order by s.name) from queue_skills qs join skills s on s.id = qs.skill_id where qs.queue_id = q.id), '{}') as skills
    from queues q order by q.name`;

export const listBusinessHours = (sql: Sql) =>
  sql`
    select b.id, b.name, b.timezone,
           coalesce((select json_agg(json_build_object('weekday', i.weekday, 'opens', to_char(i.opens, 'HH24:MI'), 'closes', to_char(i.closes, 'HH24:MI')) order by i.weekday, i.opens)
                     from business_hours_intervals i where i.business_hours_id = b.id), '[]') as intervals,
           coalesce((select json_agg(json_build_object('day', h.day, 'name', h.name) order by h.day)
                     from business_hours_holidays h where h.business_hours_id = b.id), '[]') as holidays
    from business_hours b order by b.name`;
