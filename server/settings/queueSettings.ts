import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, SqlFragment, TransactionSql } from '../db/client';
import { CHANNELS, type Channel } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import { changedFields } from './auditChanges';
import { resolveSkillIds } from './resolveSkillIds';

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
    /** Served before lower priority queues when an agent could take work from several (0–100, higher first). */
    priority: z.number().int().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100').default(0),
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

export interface QueueView {
  id: string;
  name: string;
  teamId: string | null;
  businessHoursId: string | null;
  overflowQueueId: string | null;
  overflowAfterSeconds: number | null;
  entryForChannels: Channel[];
  blendWithCalls: boolean;
  priority: number;
  skills: string[];
}

const selectQueues = (tx: Tx, where: SqlFragment) =>
  tx<QueueView[]>`
    select q.id, q.name, q.team_id, q.business_hours_id, q.overflow_queue_id, q.overflow_after_seconds, q.entry_for_channels,
           q.blend_with_calls, q.priority,
           coalesce((select array_agg(s.name order by s.name) from queue_skills qs join skills s on s.id = qs.skill_id where qs.queue_id = q.id), '{}') as skills
    from queues q where ${where} order by q.name`;

export const listQueues = (sql: Sql) => selectQueues(sql, sql`true`);

/** A reference the database refused, as the field it came from. */
const REFUSED_REFERENCES: Record<string, { path: string; message: string }> = {
  queues_team_id_fkey: { path: 'teamId', message: 'no such team' },
  queues_business_hours_id_fkey: { path: 'businessHoursId', message: 'no such business hours' },
  queues_overflow_queue_id_fkey: { path: 'overflowQueueId', message: 'no such queue' },
  queues_check: { path: 'overflowQueueId', message: 'cannot be the queue itself' },
};

function refusal(e: unknown, name: string): unknown {
  const { code, constraint_name: constraint } = e as { code?: string; constraint_name?: string };
  if (code === '23505')
    return new HttpError(409, 'name_taken', `A queue named ${name} already exists.`, [
      { path: 'name', message: 'is taken' },
    ]);
  const field = constraint ? REFUSED_REFERENCES[constraint] : undefined;
  if ((code === '23503' || code === '23514') && field)
    return new HttpError(400, 'invalid_input', `Invalid body: ${field.path}: ${field.message}`, [field]);
  return e;
}

/** Creates a queue, or replaces its settings when `queueId` is given; the audit entry of an update keeps what changed. */
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
        priority: input.priority,
      };
      if (queueId) await tx`select 1 from queues where id = ${queueId} for update`;
      const [before] = queueId ? await selectQueues(tx, tx`q.id = ${queueId}`) : [];
      if (queueId && !before) throw new HttpError(404, 'not_found', 'Queue not found.');
      const [row] = queueId
        ? await tx<{ id: string }[]>`update queues set ${tx(values)} where id = ${queueId} returning id`
        : await tx<{ id: string }[]>`insert into queues ${tx(values)} returning id`;
      await setQueueSkills(tx, row.id, input.skills);
      const [after] = await selectQueues(tx, tx`q.id = ${row.id}`);
      const data = before ? { changes: changedFields(before, after) } : input;
      await writeAudit(tx, {
        actorUserId,
        action: queueId ? 'queue.updated' : 'queue.created',
        entityType: 'queue',
        entityId: row.id,
        data,
      });
      return row.id;
    });
  } catch (e) {
    throw refusal(e, input.name);
  }
}
