import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/client';

export const SESSION_COOKIE = 'sb_session';

export interface SessionUser {
  sessionId: string;
  userId: string;
  role: 'agent' | 'supervisor' | 'admin';
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(
  sql: Sql,
  userId: string,
  ttlHours: number,
  meta: { userAgent?: string; ip?: string },
) {
  const token = randomBytes(32).toString('base64url');
  await sql`
    insert into sessions (id, user_id, expires_at, user_agent, ip)
    values (${hashToken(token)}, ${userId}, now() + make_interval(hours => ${ttlHours}), ${meta.userAgent ?? null}, ${meta.ip ?? null})`;
  return { token, sessionId: hashToken(token) };
}

export async function findSession(sql: Sql, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const [row] = await sql<SessionUser[]>`
    select s.id as session_id, u.id as user_id, u.role
    from sessions s join users u on u.id = s.user_id
    where s.id = ${hashToken(token)} and s.expires_at > now() and u.active`;
  return row ?? null;
}

export async function deleteSession(sql: Sql, sessionId: string) {
  await sql`delete from sessions where id = ${sessionId}`;
}

/** After a password change every other session of the user ends; the current one stays. */
export async function deleteOtherSessions(sql: Sql, userId: string, keepSessionId: string) {
  return sql<{ id: string }[]>`delete from sessions where user_id = ${userId} and id <> ${keepSessionId} returning id`;
}

export async function purgeExpiredSessions(sql: Sql): Promise<number> {
  const rows = await sql`delete from sessions where expires_at <= now() returning id`;
  return rows.length;
}
