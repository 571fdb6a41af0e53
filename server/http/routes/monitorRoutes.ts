import type { SessionUser } from '../../auth/sessions';
import type { Sql } from '../../db/client';
import { listWatchedAgents } from '../../users/userQueries';
import type { MonitorQueue, MonitorResponse } from '../apiTypes';
import { route, SUPERVISORS } from '../route';

/** Queues of the supervisor's teams (all for admins), with tickets waiting for an agent. */
async function listWatchedQueues(sql: Sql, viewer: SessionUser): Promise<MonitorQueue[]> {
  const rows = await sql<{ id: string; name: string; waiting: number; oldestWaitingSince: Date | null }[]>`
    select q.id, q.name,
           count(t.id)::int as waiting,
           min(t.created_at) as oldest_waiting_since
    from queues q
    left join tickets t on t.queue_id = q.id and t.assignee_id is null and t.status not in ('resolved', 'closed')
    where ${viewer.role === 'admin' ? sql`true` : sql`q.team_id in (select team_id from team_members where user_id = ${viewer.userId})`}
    group by q.id
    order by q.name`;
  return rows.map((r) => ({ ...r, oldestWaitingSince: r.oldestWaitingSince?.toISOString() ?? null }));
}

export const monitorRoutes = [
  route({
    method: 'get',
    path: '/api/supervisor/monitor',
    access: SUPERVISORS,
    summary: 'Live monitor: the agents and queues of your teams.',
    async handler({ ctx, session }): Promise<MonitorResponse> {
      const [agents, queues] = await Promise.all([
        listWatchedAgents(ctx.sql, session),
        listWatchedQueues(ctx.sql, session),
      ]);
      return {
        agents: agents.map(({ id, name, email, presence, presenceChangedAt, skills, teamIds }) => ({
          id,
          name,
          email,
          presence,
          presenceChangedAt,
          skills,
          teamIds,
        })),
        queues,
      };
    },
  }),
];
