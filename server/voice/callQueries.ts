import type { Sql, TransactionSql } from '../db/client';
import type { CallLegView, CallPhase, CallView } from '../http/voiceApiTypes';
import type { CallStatus } from '../../channels/voice/callStatus';

/** The columns a handler needs to act on a call. */
export interface CallRow {
  id: string;
  callSid: string | null;
  ticketId: string | null;
  customerId: string | null;
  direction: 'inbound' | 'outbound';
  origin: CallView['origin'];
  fromNumber: string;
  toNumber: string;
  status: CallStatus;
  queueId: string | null;
  agentId: string | null;
  callbackId: string | null;
  enqueuedAt: Date | null;
  connectedAt: Date | null;
  endedAt: Date | null;
  customerInConference: boolean;
  callbackRequested: boolean;
  voicemail: boolean;
}

const callColumns = (sql: Sql | TransactionSql) => sql`
  id, call_sid, ticket_id, customer_id, direction, origin, from_number, to_number, status, queue_id, agent_id, callback_id,
  enqueued_at, connected_at, ended_at, customer_in_conference, callback_requested, voicemail`;

export async function findCall(sql: Sql | TransactionSql, callId: string, forUpdate = false): Promise<CallRow | null> {
  const [row] = await sql<
    CallRow[]
  >`select ${callColumns(sql)} from calls where id = ${callId} ${forUpdate ? sql`for update` : sql``}`;
  return row ?? null;
}

export async function findCallBySid(sql: Sql | TransactionSql, callSid: string): Promise<CallRow | null> {
  const [row] = await sql<CallRow[]>`select ${callColumns(sql)} from calls where call_sid = ${callSid}`;
  return row ?? null;
}

/** The customer's live call on a ticket (in the IVR, queued, ringing or talking), newest first. */
export async function findLiveCallOfTicket(sql: Sql | TransactionSql, ticketId: string): Promise<CallRow | null> {
  const [row] = await sql<CallRow[]>`
    select ${callColumns(sql)} from calls where ticket_id = ${ticketId} and ended_at is null order by created_at desc limit 1`;
  return row ?? null;
}

export interface LegRow {
  id: string;
  callId: string;
  agentId: string;
  callSid: string | null;
  status: CallStatus;
  answeredAt: Date | null;
  endedAt: Date | null;
}

export async function findLeg(sql: Sql | TransactionSql, legId: string): Promise<LegRow | null> {
  const [row] = await sql<
    LegRow[]
  >`select id, call_id, agent_id, call_sid, status, answered_at, ended_at from call_legs where id = ${legId}`;
  return row ?? null;
}

/** Ends the call's agent legs still waiting for their dial job: the job, finding them ended, never places them. */
export function dropUnplacedLegs(sql: Sql | TransactionSql, callId: string) {
  return sql`update call_legs set status = 'canceled', ended_at = now() where call_id = ${callId} and call_sid is null and ended_at is null`;
}

/** The agent legs of a call still up (ringing or talking). */
export function liveLegs(sql: Sql | TransactionSql, callId: string) {
  return sql<LegRow[]>`
    select id, call_id, agent_id, call_sid, status, answered_at, ended_at from call_legs
    where call_id = ${callId} and ended_at is null order by created_at`;
}

function phaseOf(r: {
  endedAt: Date | null;
  customerInConference: boolean;
  enqueuedAt: Date | null;
  direction: string;
  liveLegs: number;
}): CallPhase {
  if (r.endedAt) return 'ended';
  if (r.customerInConference) return 'connected';
  if (r.liveLegs > 0 || r.direction === 'outbound') return 'ringing';
  if (r.enqueuedAt) return 'queued';
  return 'ivr';
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a call view is read with: the database, and how long after-call work lasts (its deadline is in the view). */
export interface CallViewContext {
  sql: Sql;
  config: { AFTER_CALL_WORK_SECONDS: number };
}

function wrapUpDeadline(
  r: { wrapUp: CallView['wrapUp']; endedAt: Date | null },
  afterCallWorkSeconds: number,
): string | null {
  if (r.wrapUp !== 'pending' || !r.endedAt) return null;
  return new Date(r.endedAt.getTime() + afterCallWorkSeconds * 1000).toISOString();
}

/** Calls as the console shows them, with their agent legs. */
export async function listCallViews(
  ctx: CallViewContext,
  where: { callIds?: string[]; ticketId?: string },
): Promise<CallView[]> {
  const { sql } = ctx;
  const rows = await sql<
    (CallRow & {
      ivrPath: string[];
      createdAt: Date;
      waitSeconds: number | null;
      talkSeconds: number | null;
      abandoned: boolean;
      customerOnHold: boolean;
      recordingSid: string | null;
      recordingUrl: string | null;
      wrapUp: CallView['wrapUp'];
      disposition: string | null;
      wrapUpNote: string | null;
      error: string | null;
    })[]
  >`
    select ${callColumns(sql)}, ivr_path, created_at, wait_seconds, talk_seconds, abandoned, customer_on_hold, recording_sid, recording_url,
      wrap_up, disposition, wrap_up_note, error
    from calls
    where ${where.callIds ? sql`id = any(${where.callIds}::uuid[])` : sql`ticket_id = ${where.ticketId!}`}
    order by created_at`;
  if (!rows.length) return [];
  const legs = await sql<(LegRow & { agentName: string; toAddress: string; muted: boolean })[]>`
    select l.id, l.call_id, l.agent_id, u.name as agent_name, l.call_sid, l.to_address, l.status, l.muted, l.answered_at, l.ended_at
    from call_legs l join users u on u.id = l.agent_id
    where l.call_id = any(${rows.map((r) => r.id)}::uuid[]) order by l.created_at`;
  return rows.map((r) => {
    const own = legs.filter((l) => l.callId === r.id);
    const legViews: CallLegView[] = own.map((l) => ({
      id: l.id,
      agentId: l.agentId,
      agentName: l.agentName,
      to: l.toAddress,
      status: l.status,
      muted: l.muted,
      answeredAt: iso(l.answeredAt),
      endedAt: iso(l.endedAt),
    }));
    return {
      id: r.id,
      callSid: r.callSid,
      ticketId: r.ticketId,
      customerId: r.customerId,
      direction: r.direction,
      origin: r.origin,
      from: r.fromNumber,
      to: r.toNumber,
      status: r.status,
      phase: phaseOf({ ...r, liveLegs: own.filter((l) => !l.endedAt).length }),
      ivrPath: r.ivrPath,
      queueId: r.queueId,
      agentId: r.agentId,
      createdAt: r.createdAt.toISOString(),
      enqueuedAt: iso(r.enqueuedAt),
      connectedAt: iso(r.connectedAt),
      endedAt: iso(r.endedAt),
      waitSeconds: r.waitSeconds,
      talkSeconds: r.talkSeconds,
      abandoned: r.abandoned,
      callbackRequested: r.callbackRequested,
      voicemail: r.voicemail,
      customerOnHold: r.customerOnHold,
      recording: r.recordingSid && r.recordingUrl ? { sid: r.recordingSid, url: r.recordingUrl } : null,
      wrapUp: r.wrapUp,
      wrapUpDeadline: wrapUpDeadline(r, ctx.config.AFTER_CALL_WORK_SECONDS),
      disposition: r.disposition,
      wrapUpNote: r.wrapUpNote,
      error: r.error,
      legs: legViews,
    };
  });
}

export async function findCallView(ctx: CallViewContext, callId: string): Promise<CallView | null> {
  const [view] = await listCallViews(ctx, { callIds: [callId] });
  return view ?? null;
}
