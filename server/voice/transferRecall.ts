import type { TransactionSql } from '../db/client';

/** The agent who last talked on the call before `missedAgentId` did not pick up: whoever handed it to them. */
export async function previousAgentOnCall(
  tx: TransactionSql,
  callId: string,
  missedAgentId: string,
): Promise<string | null> {
  const [previous] = await tx<{ agentId: string }[]>`
    select agent_id from call_legs
    where call_id = ${callId} and agent_id <> ${missedAgentId} and answered_at is not null
    order by created_at desc limit 1`;
  return previous?.agentId ?? null;
}

/**
 * Whether an agent is free to be rung for this call now: active, available, not on (or being rung for) another call,
 * not in after-call work, and with no call offered to them. A missed agent is set away, so a call never bounces
 * between two agents who both stopped answering.
 */
export async function freeToTakeCall(
  tx: TransactionSql,
  agentId: string,
  callId: string,
  afterCallWorkSeconds: number,
): Promise<boolean> {
  const [free] = await tx`
    select 1 from users u
    where u.id = ${agentId} and u.active and u.presence = 'available'
      and not exists (select 1 from calls c where c.agent_id = u.id and c.id <> ${callId}
                      and (c.ended_at is null or (c.wrap_up = 'pending' and c.ended_at > now() - make_interval(secs => ${afterCallWorkSeconds}))))
      and not exists (select 1 from call_legs l where l.agent_id = u.id and l.call_id <> ${callId} and l.ended_at is null)
      and not exists (select 1 from offers o where o.agent_id = u.id and o.channel = 'voice' and o.status = 'pending')`;
  return Boolean(free);
}
