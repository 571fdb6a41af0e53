import { z } from 'zod';
import { hashPassword } from '../auth/passwords';
import { deleteOtherSessions } from '../auth/sessions';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { ROLES } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import { findAdminUser } from './adminUserViews';
import { changedFields } from './auditChanges';
import { resolveSkillIds } from './resolveSkillIds';

const capacity = z.number().int().min(0).max(50);

export const userInput = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address'),
  name: z.string().trim().min(1, 'is required').max(200),
  role: z.enum(ROLES),
  password: z.string().min(10, 'must be at least 10 characters').max(1024),
  skills: z.array(z.string()).default([]),
  teamIds: z.array(z.uuid()).default([]),
  capacity: z.object({ voice: capacity, sms: capacity, email: capacity }).partial().default({}),
  phoneNumber: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, like +14155550100')
    .nullable()
    .optional(),
});
// No defaults here: an update changes only the fields it names (a default would reset skills and teams).
export const userUpdate = z
  .object({
    email: userInput.shape.email,
    name: userInput.shape.name,
    role: userInput.shape.role,
    password: userInput.shape.password,
    skills: z.array(z.string()),
    teamIds: z.array(z.uuid()),
    capacity: z.object({ voice: capacity, sms: capacity, email: capacity }).partial(),
    phoneNumber: userInput.shape.phoneNumber,
    active: z.boolean(),
  })
  .partial();

type Tx = Sql | TransactionSql;

async function replaceMemberships(tx: Tx, userId: string, input: { skills?: string[]; teamIds?: string[] }) {
  if (input.skills) {
    const ids = await resolveSkillIds(tx, input.skills);
    await tx`delete from agent_skills where user_id = ${userId}`;
    for (const skillId of ids) await tx`insert into agent_skills (user_id, skill_id) values (${userId}, ${skillId})`;
  }
  if (input.teamIds) {
    await tx`delete from team_members where user_id = ${userId}`;
    for (const teamId of input.teamIds)
      await tx`insert into team_members (team_id, user_id) values (${teamId}, ${userId})`;
  }
}

const emailTaken = (email: string) =>
  new HttpError(409, 'email_taken', `A user with email ${email} already exists.`, [
    { path: 'email', message: 'is taken' },
  ]);

/** Two saves of one email at once both pass the check; the unique index refuses the second, which is the same 409. */
const refuseTakenEmail = (email: string | undefined) => (err: unknown) => {
  const e = err as { code?: string; constraint_name?: string };
  if (email && e.code === '23505' && e.constraint_name === 'users_email_key') throw emailTaken(email);
  throw err;
};

export async function createUser(sql: Sql, input: z.infer<typeof userInput>, actorUserId: string | null) {
  const passwordHash = await hashPassword(input.password);
  return sql
    .begin(async (tx) => {
      const [taken] = await tx`select 1 from users where email = ${input.email}`;
      if (taken) throw emailTaken(input.email);
      const [{ id }] = await tx<{ id: string }[]>`
      insert into users (email, name, role, password_hash, phone_number, capacity_voice, capacity_sms, capacity_email)
      values (${input.email}, ${input.name}, ${input.role}, ${passwordHash}, ${input.phoneNumber ?? null},
              ${input.capacity.voice ?? 1}, ${input.capacity.sms ?? 3}, ${input.capacity.email ?? 5})
      returning id`;
      await replaceMemberships(tx, id, input);
      await writeAudit(tx, {
        actorUserId,
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        data: { email: input.email, role: input.role },
      });
      return id;
    })
    .catch(refuseTakenEmail(input.email));
}

/**
 * Changes the fields given. A new password (an admin's reset) or a deactivation ends the user's sessions, except the
 * actor's own current one; their ids come back so the caller can close the sockets. At least one active admin always
 * remains. The audit entry keeps each changed field from → to; a password reset is an entry of its own, without it.
 */
export async function updateUser(
  sql: Sql,
  userId: string,
  input: z.infer<typeof userUpdate>,
  actor: { userId: string; sessionId: string },
): Promise<{ endedSessionIds: string[] }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return sql
    .begin(async (tx) => {
      // The admins first, in one order, so two admins demoting each other at once cannot both pass the check below.
      if (input.role !== undefined || input.active !== undefined)
        await tx`select 1 from users where role = 'admin' and active order by id for update`;
      const [found] = await tx`select 1 from users where id = ${userId} for update`;
      if (!found) throw new HttpError(404, 'not_found', 'User not found.');
      const before = (await findAdminUser(tx, userId))!;
      await tx`
      update users set
        email = coalesce(${input.email ?? null}, email),
        name = coalesce(${input.name ?? null}, name),
        role = coalesce(${input.role ?? null}, role),
        password_hash = coalesce(${passwordHash}, password_hash),
        phone_number = ${input.phoneNumber === undefined ? tx`phone_number` : input.phoneNumber},
        capacity_voice = coalesce(${input.capacity?.voice ?? null}, capacity_voice),
        capacity_sms = coalesce(${input.capacity?.sms ?? null}, capacity_sms),
        capacity_email = coalesce(${input.capacity?.email ?? null}, capacity_email),
        active = coalesce(${input.active ?? null}, active),
        updated_at = now()
      where id = ${userId}`;
      await replaceMemberships(tx, userId, input);
      await refuseNoAdminLeft(tx, input);
      const { presence: _before, ...was } = before;
      const { presence: _after, ...now } = (await findAdminUser(tx, userId))!;
      const changes = changedFields(was, now);
      if (Object.keys(changes).length)
        await writeAudit(tx, {
          actorUserId: actor.userId,
          action: 'user.updated',
          entityType: 'user',
          entityId: userId,
          data: { changes },
        });
      if (passwordHash)
        await writeAudit(tx, {
          actorUserId: actor.userId,
          action: 'user.password_reset',
          entityType: 'user',
          entityId: userId,
        });
      const locksOut = passwordHash !== null || (was.active && !now.active);
      if (!locksOut) return { endedSessionIds: [] };
      const ended = await deleteOtherSessions(tx as never, userId, actor.sessionId);
      return { endedSessionIds: ended.map((s) => s.id) };
    })
    .catch(refuseTakenEmail(input.email));
}

/** An admin who demotes or deactivates the last active admin (themselves, usually) would lock everyone out. */
async function refuseNoAdminLeft(tx: Tx, input: z.infer<typeof userUpdate>) {
  if (input.role === undefined && input.active === undefined) return;
  const [{ admins }] = await tx<
    { admins: number }[]
  >`select count(*)::int as admins from users where role = 'admin' and active`;
  if (admins > 0) return;
  const path = input.active === false ? 'active' : 'role';
  throw new HttpError(409, 'last_admin', 'At least one active admin must remain.', [
    { path, message: 'the last active admin must stay an active admin' },
  ]);
}
