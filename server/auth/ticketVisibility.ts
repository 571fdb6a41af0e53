import type { Sql, TransactionSql } from '../db/client';
import type { SessionUser } from './sessions';

/**
 * The SQL condition (over `tickets t`) for the tickets a user may see:
 * an agent their own and those in queues whose every required skill they have;
 * a supervisor those in their teams' queues or assigned to their teams' members; an admin all.
 */
export function visibleTicketsCondition(sql: Sql | TransactionSql, viewer: Pick<SessionUser, 'userId' | 'role'>) {
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'supervisor') {
    return sql`(
      t.queue_id in (select q.id from queues q join team_members tm on tm.team_id = q.team_id where tm.user_id = ${viewer.userId})
      or t.assignee_id in (select theirs.user_id from team_members mine join team_members theirs on theirs.team_id = mine.team_id
                           where mine.user_id = ${viewer.userId}))`;
  }
  return sql`(t.assignee_id = ${viewer.userId} or t.queue_id in (${eligibleQueueIds(sql, viewer.userId)}))`;
}

/** Queues whose required skills the agent all has. */
export function eligibleQueueIds(sql: Sql | TransactionSql, userId: string) {
  return sql`
    select q.id from queues q
    where not exists (
      select 1 from queue_skills qs
      where qs.queue_id = q.id
        and not exists (select 1 from agent_skills a where a.user_id = ${userId} and a.skill_id = qs.skill_id))`;
}

/**
 * The SQL condition (over `calls c`) for the calls a user may see: those on a ticket they may see, and those they are
 * the agent on — a call they are taking, or whose after-call work is theirs, stays theirs to control even if its
 * ticket has moved on. A call not on a ticket yet (still in the menu) is seen by supervisors and admins.
 */
export function visibleCallsCondition(sql: Sql, viewer: Pick<SessionUser, 'userId' | 'role'>) {
  return sql`(
    c.agent_id = ${viewer.userId}
    or ${viewer.role === 'agent' ? sql`false` : sql`c.ticket_id is null`}
    or exists (select 1 from tickets t where t.id = c.ticket_id and ${visibleTicketsCondition(sql, viewer)}))`;
}
