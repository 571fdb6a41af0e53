import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql } from '../db/client';
import { HttpError } from '../http/httpError';

export const teamInput = z.object({ name: z.string().trim().min(1, 'is required').max(200) });
export const skillInput = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _ only')
    .max(60),
  label: z.string().trim().min(1, 'is required').max(200),
});

const uniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

export async function createTeam(sql: Sql, input: z.infer<typeof teamInput>, actorUserId: string | null) {
  return sql.begin(async (tx) => {
    const [row] = await tx<
      { id: string }[]
    >`insert into teams (name) values (${input.name}) on conflict (name) do nothing returning id`;
    if (!row)
      throw new HttpError(409, 'name_taken', `A team named ${input.name} already exists.`, [
        { path: 'name', message: 'is taken' },
      ]);
    await writeAudit(tx, { actorUserId, action: 'team.created', entityType: 'team', entityId: row.id, data: input });
    return row.id;
  });
}

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
    if (uniqueViolation(e))
      throw new HttpError(409, 'name_taken', `A skill named ${input.name} already exists.`, [
        { path: 'name', message: 'is taken' },
      ]);
    throw e;
  }
}

export const listTeams = (sql: Sql) =>
  sql<{ id: string; name: string; memberIds: string[] }[]>`
    select t.id, t.name, coalesce(array_agg(tm.user_id) filter (where tm.user_id is not null), '{}') as member_ids
    from teams t left join team_members tm on tm.team_id = t.id group by t.id order by t.name`;

export const listSkills = (sql: Sql) =>
  sql<{ id: string; name: string; label: string }[]>`select id, name, label from skills order by name`;
