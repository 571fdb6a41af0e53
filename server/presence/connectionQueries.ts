import type { Sql } from '../db/client';
import type { Presence } from '../http/apiTypes';
import { CONNECTION_LIFETIME_SECONDS } from './presenceTiming';

/** One console's Socket.IO connection, as its realtime process knows it. */
export interface ConsoleConnection {
  socketId: string;
  userId: string;
}

/** A console connected: it is there for one lifetime, until the next heartbeat vouches for it again. */
export async function recordConnected(sql: Sql, instanceId: string, c: ConsoleConnection) {
  // `do nothing`: a disconnect recorded first (the two writes raced) must win.
  await sql`
    insert into agent_connections (socket_id, user_id, instance_id, alive_until)
    values (${c.socketId}, ${c.userId}, ${instanceId}, now() + make_interval(secs => ${CONNECTION_LIFETIME_SECONDS}))
    on conflict (socket_id) do nothing`;
}

/** A console disconnected: it was there until now, and no heartbeat may bring it back. */
export async function recordDisconnected(sql: Sql, instanceId: string, c: ConsoleConnection) {
  // An upsert, so a disconnect that overtakes its own connect insert still ends the connection.
  await sql`
    insert into agent_connections (socket_id, user_id, instance_id, alive_until, disconnected_at)
    values (${c.socketId}, ${c.userId}, ${instanceId}, now(), now())
    on conflict (socket_id) do update set
      alive_until = least(agent_connections.alive_until, now()),
      disconnected_at = coalesce(agent_connections.disconnected_at, now())`;
}

/**
 * Every console of one realtime process is still there: one statement however many there are. Rows the sweep
 * removed while the process could not reach the database (consoles still connected) come back; rows of
 * consoles that disconnected do not. Users deleted meanwhile are skipped, so one of them cannot fail the beat.
 */
export async function recordHeartbeat(sql: Sql, instanceId: string, connections: ConsoleConnection[]) {
  if (connections.length === 0) return;
  await sql`
    insert into agent_connections (socket_id, user_id, instance_id, alive_until)
    select c.socket_id, c.user_id, ${instanceId}, now() + make_interval(secs => ${CONNECTION_LIFETIME_SECONDS})
    from unnest(${connections.map((c) => c.socketId)}::text[], ${connections.map((c) => c.userId)}::uuid[]) as c(socket_id, user_id)
    join users u on u.id = c.user_id
    on conflict (socket_id) do update set alive_until = excluded.alive_until
    where agent_connections.disconnected_at is null`;
}

/** A realtime process shutting down: its consoles were there until now (they will reconnect elsewhere). */
export async function recordInstanceClosed(sql: Sql, instanceId: string) {
  await sql`
    update agent_connections set alive_until = least(alive_until, now()), disconnected_at = now()
    where instance_id = ${instanceId} and disconnected_at is null`;
}

/**
 * Users who had a console and whose consoles have all been gone for the grace period, with their presence.
 * Starts from the rows that ran out (index on alive_until), so the cost follows departures.
 */
export async function departedUsers(sql: Sql, graceSeconds: number, onlyUserId?: string) {
  return sql<{ userId: string; presence: Presence }[]>`
    select u.id as user_id, u.presence from users u
    where u.id in (
        select ended.user_id from agent_connections ended
        where ended.alive_until <= now() - make_interval(secs => ${graceSeconds})
          ${onlyUserId ? sql`and ended.user_id = ${onlyUserId}` : sql``})
      and not exists (
        select 1 from agent_connections live
        where live.user_id = u.id and live.alive_until > now() - make_interval(secs => ${graceSeconds}))`;
}

/** Forgets the ended connections of users the sweep has dealt with (a console that connected since stays). */
export async function forgetEndedConnections(sql: Sql, userIds: string[], graceSeconds: number) {
  if (userIds.length === 0) return;
  await sql`
    delete from agent_connections
    where user_id = any(${userIds}::uuid[]) and alive_until <= now() - make_interval(secs => ${graceSeconds})`;
}

/**
 * Forgets ended connections of users who still have a console elsewhere: those decide nothing. The rows of a
 * user with no console left stay until the sweep has set the user offline.
 */
export async function forgetEndedConnectionsOfPresentUsers(sql: Sql, graceSeconds: number) {
  await sql`
    delete from agent_connections ended
    where ended.alive_until <= now() - make_interval(secs => ${graceSeconds})
      and exists (
        select 1 from agent_connections live
        where live.user_id = ended.user_id and live.alive_until > now() - make_interval(secs => ${graceSeconds}))`;
}
