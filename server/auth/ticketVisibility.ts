import type { Sql } from '../db/client';
import type { SessionUser } from './sessions';

/**
 * The SQL condition (over `tickets t`) for the tickets a user may see:
 * an agent their own and those in queues whose every required skill they have;
 * a supervisor those in their teams' queues or assigned to their teams' members; an admin all.
 */
export function visibleTicketsCondition(sql: Sql, viewer: Pick<SessionUser, 'userId' | 'role'>) {
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
export function eligibleQueueIds(sql: Sql, userId: string) {
  return sql`
    select q.id from queues q
    where not exists (
      select 1 from queue_skills qs
      where qs.queue_id = q.id
        and not exists (select 1 from agent_skills a where a.user_id = ${userId} and a.skill_id = qs.skill_id))`;
}
