import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { changedFields } from './auditChanges';

export const skillInput = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _ only')
    .max(60),
  label: z.string().trim().min(1, 'is required').max(200),
});
/** Only the fields given change. Agents and queues hold the skill by id, so a new name keeps them. */
export const skillUpdate = skillInput.partial();

export interface SkillView {
  id: string;
  name: string;
  label: string;
  /** How many agents have it, and which queues require it. */
  agentCount: number;
  queueIds: string[];
}

type Tx = Sql | TransactionSql;

const nameTaken = (name: string) =>
  new HttpError(409, 'name_taken', `A skill named ${name} already exists.`, [{ path: 'name', message: 'is taken' }]);
const uniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

const selectSkills = (tx: Tx, id: string | null) =>
  tx<SkillView[]>`
    select s.id, s.name, s.label,
           (select count(*) from agent_skills a where a.skill_id = s.id)::int as agent_count,
           coalesce((select array_agg(qs.queue_id order by qs.queue_id) from queue_skills qs where qs.skill_id = s.id), '{}') as queue_ids
    from skills s where ${id === null ? tx`true` : tx`s.id = ${id}`} order by s.name`;

export const listSkills = (sql: Sql) => selectSkills(sql, null);

export async function createSkill(sql: Sql, input: z.infer<typeof skillInput>, actorUserId: string | null) {
  try {
    return await sql.begin(async (tx) => {
      const [row] = await tx<
        { id: string }[]
      >`insert into skills (name, label) values (${input.name}, ${input.label}) returning id`;
      await writeAudit(tx, {
        actorUserId,
        action: 'skill.created',
        entityType: 'skill',
        entityId: row.id,
        data: input,
      });
      return row.id;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw nameTaken(input.name);
    throw e;
  }
}

export async function updateSkill(sql: Sql, id: string, input: z.infer<typeof skillUpdate>, actorUserId: string) {
  try {
    await sql.begin(async (tx) => {
      const [before] = await tx<
        { name: string; label: string }[]
      >`select name, label from skills where id = ${id} for update`;
      if (!before) throw new HttpError(404, 'not_found', 'Skill not found.');
      const after = { name: input.name ?? before.name, label: input.label ?? before.label };
      await tx`update skills set name = ${after.name}, label = ${after.label} where id = ${id}`;
      const changes = changedFields(before, after);
      if (Object.keys(changes).length)
        await writeAudit(tx, {
          actorUserId,
          action: 'skill.updated',
          entityType: 'skill',
          entityId: id,
          data: { changes },
        });
    });
  } catch (e) {
    if (uniqueViolation(e) && input.name) throw nameTaken(input.name);
    throw e;
  }
}

/**
 * Deletes a skill; agents who have it lose it. A skill a queue requires is refused, naming the queues: deleting it
 * would silently let every agent take that queue's contacts.
 */
export async function deleteSkill(sql: Sql, id: string, actorUserId: string) {
  await sql.begin(async (tx) => {
    const [skill] = await tx<{ name: string }[]>`select name from skills where id = ${id} for update`;
    if (!skill) throw new HttpError(404, 'not_found', 'Skill not found.');
    const queues = await tx<{ name: string }[]>`
      select q.name from queue_skills qs join queues q on q.id = qs.queue_id where qs.skill_id = ${id} order by q.name`;
    if (queues.length)
      throw new HttpError(
        409,
        'in_use',
        `${skill.name} cannot be deleted: the queues ${queues.map((q) => q.name).join(', ')} require it. Remove it there first.`,
      );
    await tx`delete from skills where id = ${id}`;
    await writeAudit(tx, { actorUserId, action: 'skill.deleted', entityType: 'skill', entityId: id, data: skill });
  });
}
