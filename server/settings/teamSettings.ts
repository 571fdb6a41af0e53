import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { HttpError } from '../http/httpError';
import { changedFields } from './auditChanges';

export const teamInput = z.object({ name: z.string().trim().min(1, 'is required').max(200) });
/** Only the fields given change; `memberIds` replaces the whole membership. */
export const teamUpdate = z
  .object({ name: teamInput.shape.name, memberIds: z.array(z.uuid('must be user ids')).max(1000) })
  .partial();

export interface TeamView {
  id: string;
  name: string;
  memberIds: string[];
}

type Tx = Sql | TransactionSql;

const nameTaken = (name: string) =>
  new HttpError(409, 'name_taken', `A team named ${name} already exists.`, [{ path: 'name', message: 'is taken' }]);

const selectTeams = (tx: Tx, id: string | null) =>
  tx<TeamView[]>`
    select t.id, t.name,
           coalesce(array_agg(tm.user_id order by tm.user_id) filter (where tm.user_id is not null), '{}') as member_ids
    from teams t left join team_members tm on tm.team_id = t.id
    where ${id === null ? tx`true` : tx`t.id = ${id}`}
    group by t.id order by t.name`;

export const listTeams = (sql: Sql) => selectTeams(sql, null);

export async function createTeam(sql: Sql, input: z.infer<typeof teamInput>, actorUserId: string | null) {
  return sql.begin(async (tx) => {
    const [row] = await tx<
      { id: string }[]
    >`insert into teams (name) values (${input.name}) on conflict (name) do nothing returning id`;
    if (!row) throw nameTaken(input.name);
    await writeAudit(tx, { actorUserId, action: 'team.created', entityType: 'team', entityId: row.id, data: input });
    return row.id;
  });
}

/** Renames a team and/or replaces its members (agents and the supervisors who watch them). */
export async function updateTeam(sql: Sql, id: string, input: z.infer<typeof teamUpdate>, actorUserId: string) {
  try {
    await sql.begin(async (tx) => {
      const [locked] = await tx`select 1 from teams where id = ${id} for update`;
      if (!locked) throw new HttpError(404, 'not_found', 'Team not found.');
      const [before] = await selectTeams(tx, id);
      if (input.name !== undefined) await tx`update teams set name = ${input.name} where id = ${id}`;
      if (input.memberIds) {
        const memberIds = [...new Set(input.memberIds)];
        const known = await tx<{ id: string }[]>`select id from users where id = any(${memberIds}::uuid[])`;
        const unknown = memberIds.filter((m) => !known.some((k) => k.id === m));
        if (unknown.length)
          throw new HttpError(400, 'invalid_input', `Unknown users: ${unknown.join(', ')}`, [
            { path: 'memberIds', message: `unknown: ${unknown.join(', ')}` },
          ]);
        await tx`delete from team_members where team_id = ${id}`;
        for (const userId of memberIds) await tx`insert into team_members (team_id, user_id) values (${id}, ${userId})`;
      }
      const [after] = await selectTeams(tx, id);
      const changes = changedFields(before, after);
      if (Object.keys(changes).length)
        await writeAudit(tx, {
          actorUserId,
          action: 'team.updated',
          entityType: 'team',
          entityId: id,
          data: { changes },
        });
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505' && input.name) throw nameTaken(input.name);
    throw e;
  }
}

/** Deletes a team: its members stay (they leave the team), its queues keep working without a team. */
export async function deleteTeam(sql: Sql, id: string, actorUserId: string) {
  await sql.begin(async (tx) => {
    const [before] = await selectTeams(tx, id);
    if (!before) throw new HttpError(404, 'not_found', 'Team not found.');
    await tx`delete from teams where id = ${id}`;
    await writeAudit(tx, {
      actorUserId,
      action: 'team.deleted',
      entityType: 'team',
      entityId: id,
      data: { name: before.name, memberIds: before.memberIds },
    });
  });
}
