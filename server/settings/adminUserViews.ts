import type { Sql, SqlFragment, TransactionSql } from '../db/client';
import type { Channel, Presence, Role } from '../http/apiTypes';

/** A user as the admin screens see one: everything an admin can change, and presence to tell who is working. */
export interface AdminUserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  phoneNumber: string | null;
  presence: Presence;
  skills: string[];
  teamIds: string[];
  capacity: Record<Channel, number>;
}

interface Row extends Omit<AdminUserView, 'capacity'> {
  capacityVoice: number;
  capacitySms: number;
  capacityEmail: number;
}

async function selectAdminUsers(tx: Sql | TransactionSql, where: SqlFragment): Promise<AdminUserView[]> {
  const rows = await tx<Row[]>`
    select u.id, u.email, u.name, u.role, u.active, u.phone_number, u.presence, u.capacity_voice, u.capacity_sms, u.capacity_email,
           coalesce((select array_agg(s.name order by s.name) from agent_skills a join skills s on s.id = a.skill_id where a.user_id = u.id), '{}') as skills,
           coalesce((select array_agg(tm.team_id order by tm.team_id) from team_members tm where tm.user_id = u.id), '{}') as team_ids
    from users u where ${where} order by u.name, u.email`;
  return rows.map(({ capacityVoice, capacitySms, capacityEmail, ...user }) => ({
    ...user,
    capacity: { voice: capacityVoice, sms: capacitySms, email: capacityEmail },
  }));
}

export const listAdminUsers = (sql: Sql) => selectAdminUsers(sql, sql`true`);

export async function findAdminUser(tx: Sql | TransactionSql, id: string): Promise<AdminUserView | null> {
  const [user] = await selectAdminUsers(tx, tx`u.id = ${id}`);
  return user ?? null;
}
