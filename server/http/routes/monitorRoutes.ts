import { z } from 'zod';
import type { SessionUser } from '../../auth/sessions';
import type { Sql } from '../../db/client';
import { listWatchedAgents } from '../../users/userQueries';
import { changeMonitoring, liveCallsFor, startMonitoring, stopMonitoring } from '../../voice/callMonitoring';
import type { MonitorQueue, MonitorResponse } from '../apiTypes';
import type { LiveCallsResponse, MonitorSessionView } from '../wallApiTypes';
import { route, SUPERVISORS } from '../route';

/** Queues of the supervisor's teams (all for admins), with tickets waiting for an agent (as the wall counts them). */
async function listWatchedQueues(sql: Sql, viewer: SessionUser): Promise<MonitorQueue[]> {
  const rows = await sql<{ id: string; name: string; waiting: number; oldestWaitingSince: Date | null }[]>`
    select q.id, q.name,
           count(t.id)::int as waiting,
           min(t.waiting_since) as oldest_waiting_since
    from queues q
    left join tickets t on t.queue_id = q.id and t.assignee_id is null and t.status not in ('resolved', 'closed')
      and t.waiting_since is not null and (t.routable_after is null or t.routable_after <= now())
    where ${viewer.role === 'admin' ? sql`true` : sql`q.team_id in (select team_id from team_members where user_id = ${viewer.userId})`}
    group by q.id
    order by q.name`;
  return rows.map((r) => ({ ...r, oldestWaitingSince: r.oldestWaitingSince?.toISOString() ?? null }));
}

const callParams = z.object({ callId: z.uuid('must be a UUID') });
const sessionParams = z.object({ sessionId: z.uuid('must be a UUID') });
const modeBody = z.object({ mode: z.enum(['listen', 'whisper', 'barge']) });

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
  route({
    method: 'get',
    path: '/api/wall/calls',
    access: SUPERVISORS,
    summary: "Calls connected to your teams' agents now, with your monitoring session on each.",
    handler: async ({ ctx, session }): Promise<LiveCallsResponse> => ({ calls: await liveCallsFor(ctx, session) }),
  }),
  route({
    method: 'post',
    path: '/api/wall/calls/:callId/monitor',
    access: SUPERVISORS,
    summary: 'Join a live call: listen (muted), whisper to the agent (coach), or barge in.',
    params: callParams,
    body: modeBody,
    handler: async ({ ctx, session, params, body }): Promise<MonitorSessionView> =>
      startMonitoring(ctx, session, params.callId, body.mode),
  }),
  route({
    method: 'put',
    path: '/api/wall/monitor-sessions/:sessionId',
    access: SUPERVISORS,
    summary: 'Switch your monitoring between listen, whisper and barge.',
    params: sessionParams,
    body: modeBody,
    handler: async ({ ctx, session, params, body }): Promise<MonitorSessionView> =>
      changeMonitoring(ctx, session, params.sessionId, body.mode),
  }),
  route({
    method: 'delete',
    path: '/api/wall/monitor-sessions/:sessionId',
    access: SUPERVISORS,
    summary: 'Stop monitoring: your call into the conference is hung up.',
    params: sessionParams,
    async handler({ ctx, session, params }) {
      await stopMonitoring(ctx, session, params.sessionId);
    },
  }),
];
