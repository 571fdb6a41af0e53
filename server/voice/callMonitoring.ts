import type { SessionUser } from '../auth/sessions';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import { HttpError } from '../http/httpError';
import type { LiveCallView, MonitorMode, MonitorSessionView } from '../http/wallApiTypes';
import { rooms } from '../realtime/rooms';
import { watchedAgentsCondition } from '../wall/agentGrid';
import { agentAddress, conferenceName } from './voiceUrls';

type Viewer = Pick<SessionUser, 'role' | 'userId'>;

interface SessionRow {
  id: string;
  callId: string;
  agentId: string;
  supervisorId: string;
  mode: MonitorMode;
  callSid: string | null;
  status: 'active' | 'ended';
  startedAt: Date;
  endedAt: Date | null;
}

const present = (r: SessionRow): MonitorSessionView => ({
  id: r.id,
  callId: r.callId,
  agentId: r.agentId,
  supervisorId: r.supervisorId,
  mode: r.mode,
  callSid: r.callSid,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  endedAt: r.endedAt?.toISOString() ?? null,
});

/** How the supervisor's participant is set for each mode: listen muted, whisper to the agent only, barge to all. */
const participantSettings = (mode: MonitorMode, agentLegSid: string) => ({
  muted: mode === 'listen',
  coaching: mode === 'whisper',
  ...(mode === 'whisper' ? { callSidToCoach: agentLegSid } : {}),
});

/** A live call of an agent the viewer watches, connected in its conference, with the agent's answered leg. */
async function watchedLiveCall(ctx: AppContext, viewer: Viewer, callId: string) {
  const [call] = await ctx.sql<{ agentId: string; legSid: string | null }[]>`
    select c.agent_id,
      (select l.call_sid from call_legs l where l.call_id = c.id and l.agent_id = c.agent_id and l.answered_at is not null
         and l.ended_at is null order by l.created_at desc limit 1) as leg_sid
    from calls c join users u on u.id = c.agent_id
    where c.id = ${callId} and c.ended_at is null and ${watchedAgentsCondition(ctx.sql, viewer)}`;
  if (!call) throw new HttpError(404, 'not_found', 'No such live call of an agent of your teams.');
  if (!call.legSid) throw new HttpError(409, 'call_not_connected', 'The agent is not talking on this call yet.');
  const [conference] = await ctx.voice.client.conferences.list({
    friendlyName: conferenceName(callId),
    status: 'in-progress',
    limit: 1,
  });
  if (!conference) throw new HttpError(409, 'call_not_connected', 'The call is not connected.');
  return { agentId: call.agentId, agentLegSid: call.legSid, conferenceSid: conference.sid };
}

async function tellPeople(ctx: AppContext, session: SessionRow, mode: MonitorMode | null) {
  ctx.publisher.emit([rooms.agent(session.supervisorId)], 'monitor.changed', present(session));
  const [settings] = await ctx.sql<{ notify: boolean; supervisorName: string }[]>`
    select s.notify_agent_when_monitored as notify, u.name as supervisor_name
    from wall_settings s cross join users u where u.id = ${session.supervisorId}`;
  if (settings?.notify)
    ctx.publisher.emit([rooms.agent(session.agentId)], 'call.monitored', {
      callId: session.callId,
      supervisorName: settings.supervisorName,
      mode,
    });
}

/**
 * A supervisor joins a live call's conference: Twilio calls their device (their phone, else their browser) into it
 * as a participant muted (listen), coaching the agent's leg (whisper), or as a full participant (barge).
 */
export async function startMonitoring(ctx: AppContext, viewer: Viewer, callId: string, mode: MonitorMode) {
  const live = await watchedLiveCall(ctx, viewer, callId);
  const [existing] = await ctx.sql`
    select 1 from monitor_sessions where call_id = ${callId} and supervisor_id = ${viewer.userId} and status = 'active'`;
  if (existing)
    throw new HttpError(409, 'already_monitoring', 'You are monitoring this call already: change the mode.');
  const [me] = await ctx.sql<{ id: string; phoneNumber: string | null }[]>`
    select id, phone_number from users where id = ${viewer.userId}`;
  const participant = await ctx.voice.client.conferences(live.conferenceSid).participants.create({
    from: ctx.voice.companyNumber,
    to: agentAddress(me),
    beep: 'false',
    endConferenceOnExit: false,
    label: 'supervisor',
    ...participantSettings(mode, live.agentLegSid),
  });
  const session = await ctx.sql.begin(async (tx) => {
    const [row] = await tx<SessionRow[]>`
      insert into monitor_sessions (call_id, agent_id, supervisor_id, mode, call_sid)
      values (${callId}, ${live.agentId}, ${viewer.userId}, ${mode}, ${participant.callSid}) returning *`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'call.monitoring_started',
      entityType: 'call',
      entityId: callId,
      data: { mode, agentId: live.agentId },
    });
    return row;
  });
  await tellPeople(ctx, session, mode);
  return present(session);
}

async function ownActiveSession(ctx: AppContext, viewer: Viewer, sessionId: string) {
  const [row] = await ctx.sql<SessionRow[]>`
    select * from monitor_sessions where id = ${sessionId} and supervisor_id = ${viewer.userId} and status = 'active'`;
  if (!row) throw new HttpError(404, 'not_found', 'No such monitoring session of yours.');
  return row;
}

/** Switches between listen, whisper and barge on the same participant. */
export async function changeMonitoring(ctx: AppContext, viewer: Viewer, sessionId: string, mode: MonitorMode) {
  const row = await ownActiveSession(ctx, viewer, sessionId);
  const live = await watchedLiveCall(ctx, viewer, row.callId);
  await ctx.voice.client
    .conferences(live.conferenceSid)
    .participants(row.callSid!)
    .update(participantSettings(mode, live.agentLegSid));
  const session = await ctx.sql.begin(async (tx) => {
    const [updated] = await tx<
      SessionRow[]
    >`update monitor_sessions set mode = ${mode} where id = ${sessionId} returning *`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'call.monitoring_changed',
      entityType: 'call',
      entityId: row.callId,
      data: { mode },
    });
    return updated;
  });
  await tellPeople(ctx, session, mode);
  return present(session);
}

/** The supervisor leaves: their participant is removed (if the call still runs) and the session ends. */
export async function stopMonitoring(ctx: AppContext, viewer: Viewer, sessionId: string) {
  const row = await ownActiveSession(ctx, viewer, sessionId);
  if (row.callSid)
    await ctx.voice.client
      .calls(row.callSid)
      .update({ status: 'completed' })
      .catch((err: Error) => ctx.log.info({ err: err.message, sessionId }, 'supervisor leg already gone'));
  const session = await ctx.sql.begin(async (tx) => {
    const [ended] = await tx<SessionRow[]>`
      update monitor_sessions set status = 'ended', ended_at = now() where id = ${sessionId} returning *`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'call.monitoring_stopped',
      entityType: 'call',
      entityId: row.callId,
      data: {},
    });
    return ended;
  });
  await tellPeople(ctx, session, null);
}

/** Calls connected to the viewer's agents now, with the viewer's own monitoring session on each. */
export async function liveCallsFor(ctx: AppContext, viewer: Viewer): Promise<LiveCallView[]> {
  const rows = await ctx.sql<(Omit<LiveCallView, 'connectedAt' | 'monitoring'> & { connectedAt: Date })[]>`
    select c.id as call_id, c.ticket_id, c.agent_id, u.name as agent_name, cu.name as customer_name, c.from_number as "from",
      c.queue_id, c.connected_at, c.customer_on_hold
    from calls c join users u on u.id = c.agent_id left join customers cu on cu.id = c.customer_id
    where c.ended_at is null and c.connected_at is not null and ${watchedAgentsCondition(ctx.sql, viewer)}
    order by c.connected_at`;
  const sessions = await ctx.sql<SessionRow[]>`
    select * from monitor_sessions where supervisor_id = ${viewer.userId} and status = 'active'`;
  return rows.map((r) => {
    const own = sessions.find((s) => s.callId === r.callId);
    return { ...r, connectedAt: r.connectedAt.toISOString(), monitoring: own ? present(own) : null };
  });
}
