import type { SessionUser } from '../auth/sessions';
import type { Sql, SqlFragment } from '../db/client';
import type { Channel, Presence } from '../http/apiTypes';
import type { AgentContactView, AgentGridRow, AgentState } from '../http/wallApiTypes';

interface AgentRow {
  id: string;
  name: string;
  email: string;
  teamIds: string[];
  presence: Presence;
  presenceChangedAt: Date;
  presenceReason: string | null;
  awayReasonCode: string | null;
  awayReasonLabelEn: string | null;
  awayReasonLabelZhCn: string | null;
  legAnsweredAt: Date | null;
  legCreatedAt: Date | null;
  legOnHold: boolean | null;
  legHeldSince: Date | null;
  wrapUpSince: Date | null;
  lastWorkEndedAt: Date | null;
  contacts: (Omit<AgentContactView, 'since'> & { since: string })[];
}

/** Agents a viewer watches: the agents of a supervisor's teams, every agent for an admin. */
export const watchedAgentsCondition = (sql: Sql, viewer: Pick<SessionUser, 'role' | 'userId'>) =>
  viewer.role === 'admin'
    ? sql`u.role = 'agent' and u.active`
    : sql`u.role = 'agent' and u.active and exists (
        select 1 from team_members mine join team_members theirs on theirs.team_id = mine.team_id
        where mine.user_id = ${viewer.userId} and theirs.user_id = u.id)`;

/**
 * Each agent's state as a supervisor sees it: a call first (ringing, talking, the customer on hold, after-call work
 * until it is done or its time is up), then presence (away or busy, offline), then SMS/email tickets being handled.
 */
export async function agentGridRows(sql: Sql, where: SqlFragment, afterCallWorkSeconds: number) {
  const rows = await sql<AgentRow[]>`
    select u.id, u.name, u.email, u.presence, u.presence_changed_at,
      coalesce((select array_agg(m.team_id) from team_members m where m.user_id = u.id), '{}') as team_ids,
      (select reason from presence_events pe where pe.user_id = u.id order by pe.at desc, pe.id desc limit 1) as presence_reason,
      ar.code as away_reason_code, ar.label_en as away_reason_label_en, ar.label_zh_cn as away_reason_label_zh_cn,
      leg.answered_at as leg_answered_at, leg.created_at as leg_created_at, leg.on_hold as leg_on_hold, leg.held_since as leg_held_since,
      (select max(c.ended_at) from calls c where c.agent_id = u.id and c.wrap_up = 'pending'
         and c.ended_at > now() - make_interval(secs => ${afterCallWorkSeconds})) as wrap_up_since,
      (select max(greatest(c.wrapped_up_at, least(c.ended_at + make_interval(secs => ${afterCallWorkSeconds}), now())))
         from calls c where c.agent_id = u.id and c.ended_at is not null) as last_work_ended_at,
      coalesce((
        select json_agg(json_build_object(
          'ticketId', t.id, 'ticketNumber', t.number, 'channel', t.channel, 'subject', t.subject,
          'customerName', cu.name, 'queueId', t.queue_id, 'callId', c.id,
          'callPhase', case when c.id is null then null
                            when c.ended_at is not null then 'wrap_up'
                            when c.customer_on_hold then 'on_hold'
                            when c.connected_at is not null then 'connected' else 'ringing' end,
          'since', coalesce(c.connected_at, (select max(e.at) from contact_events e where e.ticket_id = t.id and e.kind = 'answered'), t.updated_at))
          order by t.updated_at)
        from tickets t join customers cu on cu.id = t.customer_id
        left join lateral (
          select * from calls c where c.ticket_id = t.id and c.agent_id = u.id
            and (c.ended_at is null or (c.wrap_up = 'pending' and c.ended_at > now() - make_interval(secs => ${afterCallWorkSeconds})))
          order by c.created_at desc limit 1) c on true
        where t.assignee_id = u.id and t.status not in ('resolved', 'closed')), '[]') as contacts
    from users u
    left join away_reasons ar on ar.code = u.away_reason and u.presence = 'away'
    left join lateral (
      select l.answered_at, l.created_at, c.customer_on_hold as on_hold, c.held_since
      from call_legs l join calls c on c.id = l.call_id
      where l.agent_id = u.id and l.ended_at is null and c.ended_at is null
      order by l.created_at desc limit 1) leg on true
    where ${where}
    order by u.name`;
  return rows.map(present);
}

function present(r: AgentRow): AgentGridRow {
  const handling: Record<Channel, number> = { voice: 0, sms: 0, email: 0 };
  for (const c of r.contacts) handling[c.channel]++;
  const [state, since] = stateOf(r, handling);
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    teamIds: r.teamIds,
    state,
    stateSince: since.toISOString(),
    presence: r.presence,
    awayReason: r.presence === 'busy' ? 'busy' : r.presence === 'away' ? (r.presenceReason ?? 'console') : null,
    awayReasonCode: r.awayReasonCode,
    awayReasonLabels: r.awayReasonCode
      ? { en: r.awayReasonLabelEn ?? r.awayReasonCode, 'zh-CN': r.awayReasonLabelZhCn ?? r.awayReasonCode }
      : null,
    contacts: r.contacts.map((c) => ({ ...c, since: new Date(c.since).toISOString() })),
    handling,
  };
}

function stateOf(r: AgentRow, handling: Record<Channel, number>): [AgentState, Date] {
  if (r.legCreatedAt && !r.legAnsweredAt) return ['ringing', r.legCreatedAt];
  if (r.legAnsweredAt)
    return r.legOnHold ? ['on_hold', r.legHeldSince ?? r.legAnsweredAt] : ['on_call', r.legAnsweredAt];
  if (r.wrapUpSince) return ['wrap_up', r.wrapUpSince];
  if (r.presence === 'offline') return ['offline', r.presenceChangedAt];
  if (r.presence === 'away' || r.presence === 'busy') return ['away', r.presenceChangedAt];
  const since = new Date(Math.max(r.presenceChangedAt.getTime(), r.lastWorkEndedAt?.getTime() ?? 0));
  if (handling.sms + handling.email > 0) return ['handling', since];
  return ['available', since];
}

export function agentGridFor(sql: Sql, viewer: Pick<SessionUser, 'role' | 'userId'>, afterCallWorkSeconds: number) {
  return agentGridRows(sql, watchedAgentsCondition(sql, viewer), afterCallWorkSeconds);
}
