import type { Sql, SqlFragment } from '../db/client';
import type { UserView } from '../http/apiTypes';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserView['role'];
  locale: UserView['locale'];
  presence: UserView['presence'];
  presenceChangedAt: Date;
  awayReason: string | null;
  capacityVoice: number;
  capacitySms: number;
  capacityEmail: number;
  skills: string[];
  teamIds: string[];
  teams: { id: string; name: string }[];
}

const presentUser = (r: UserRow): UserView => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  locale: r.locale,
  presence: r.presence,
  presenceChangedAt: r.presenceChangedAt.toISOString(),
  awayReason: r.awayReason,
  skills: r.skills,
  capacity: { voice: r.capacityVoice, sms: r.capacitySms, email: r.capacityEmail },
  teamIds: r.teamIds,
  teams: r.teams,
});

function selectUsers(sql: Sql, where: SqlFragment) {
  return sql<UserRow[]>`
    select u.id, u.email, u.name, u.role, u.locale, u.presence, u.presence_changed_at, u.away_reason,
           u.capacity_voice, u.capacity_sms, u.capacity_email,
           coalesce((select array_agg(s.name order by s.name) from agent_skills a join skills s on s.id = a.skill_id where a.user_id = u.id), '{}') as skills,
           coalesce((select array_agg(tm.team_id order by tm.team_id) from team_members tm where tm.user_id = u.id), '{}') as team_ids,
           coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                     from team_members tm join teams t on t.id = tm.team_id where tm.user_id = u.id), '[]') as teams
    from users u
    where ${where}
    order by u.name`;
}

export async function findUserView(sql: Sql, userId: string): Promise<UserView | null> {
  const [row] = await selectUsers(sql, sql`u.id = ${userId}`);
  return row ? presentUser(row) : null;
}

export async function listUserViews(sql: Sql): Promise<UserView[]> {
  return (await selectUsers(sql, sql`true`)).map(presentUser);
}

/** The agents a supervisor watches: members of the supervisor's teams. Admins watch everyone. */
export async function listWatchedAgents(sql: Sql, viewer: { userId: string; role: string }): Promise<UserView[]> {
  const where =
    viewer.role === 'admin'
      ? sql`u.role = 'agent' and u.active`
      : sql`u.role = 'agent' and u.active and exists (
          select 1 from team_members mine join team_members theirs on theirs.team_id = mine.team_id
          where mine.user_id = ${viewer.userId} and theirs.user_id = u.id)`;
  return (await selectUsers(sql, where)).map(presentUser);
}
