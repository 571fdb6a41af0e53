import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import type { Presence, PresenceView } from '../http/apiTypes';
import { rooms } from '../realtime/rooms';
import { lockRouting } from '../routing/routingLock';
import { kickRouting } from '../routing/routingTasks';

export type PresenceReason = 'console' | 'disconnected' | 'signed-out' | 'missed-offer' | 'supervisor';

/** What one presence change wrote, for `announcePresence` to tell once it has committed. */
export interface PresenceChange {
  changed: boolean;
  at: Date;
  teamIds: string[];
  withdrawn: { id: string; ticketId: string }[];
  /** The away reason code now in force (null unless away with one). */
  awayReason: string | null;
}

/**
 * Sets an agent's presence, records the change with its time, and tells the agent's own sockets and the
 * supervisors who watch the agent's teams. Setting the state the agent already has changes nothing.
 * Routing follows: an agent becoming available is offered waiting work at once; one leaving gives back
 * the offers they had not answered, so those go to someone else now rather than at their timeout.
 */
export async function setPresence(
  ctx: Pick<AppContext, 'sql' | 'publisher' | 'redis' | 'config' | 'log'>,
  userId: string,
  presence: Presence,
  reason: PresenceReason,
  awayReason?: string | null,
): Promise<PresenceView | null> {
  const result = await ctx.sql.begin((tx) => changePresence(tx, userId, presence, reason, awayReason));
  return result ? announcePresence(ctx, userId, presence, result) : null;
}

/**
 * The writes of a presence change, inside the caller's transaction (null: no such user). `awayReason` is the away
 * reason code (validated by the caller) when going away; omitted, an agent already away keeps theirs. Another reason
 * while away is a change of its own: a new spell, so reports split away time by reason.
 */
export async function changePresence(
  tx: TransactionSql,
  userId: string,
  presence: Presence,
  reason: PresenceReason,
  awayReason?: string | null,
): Promise<PresenceChange | null> {
  // Leaving `available`: after any routing pass that may be offering this agent work, whose offers are withdrawn below.
  if (presence !== 'available') await lockRouting(tx);
  const [current] = await tx<{ presence: Presence; presenceChangedAt: Date; awayReason: string | null }[]>`
    select presence, presence_changed_at, away_reason from users where id = ${userId} for update`;
  if (!current) return null;
  const nextAwayReason = presence !== 'away' ? null : awayReason === undefined ? current.awayReason : awayReason;
  if (current.presence === presence && current.awayReason === nextAwayReason)
    return {
      changed: false,
      at: current.presenceChangedAt,
      teamIds: [],
      withdrawn: [],
      awayReason: current.awayReason,
    };
  const [row] = await tx<{ presenceChangedAt: Date }[]>`
    update users set presence = ${presence}, presence_changed_at = now(), away_reason = ${nextAwayReason}
    where id = ${userId} returning presence_changed_at`;
  await tx`
    insert into presence_events (user_id, presence, reason, away_reason, at)
    values (${userId}, ${presence}, ${reason}, ${nextAwayReason}, ${row.presenceChangedAt})`;
  const teams = await tx<{ teamId: string }[]>`select team_id from team_members where user_id = ${userId}`;
  const withdrawn =
    presence === 'available'
      ? []
      : await tx<{ id: string; ticketId: string }[]>`
          update offers set status = 'canceled', responded_at = now()
          where agent_id = ${userId} and status = 'pending' returning id, ticket_id`;
  return {
    changed: true,
    at: row.presenceChangedAt,
    teamIds: teams.map((t) => t.teamId),
    withdrawn,
    awayReason: nextAwayReason,
  };
}

/** After the change committed: the agent's sockets and their supervisors are told, and routing follows. */
export async function announcePresence(
  ctx: Pick<AppContext, 'publisher' | 'redis' | 'config' | 'log'>,
  userId: string,
  presence: Presence,
  result: PresenceChange,
): Promise<PresenceView> {
  const view: PresenceView = {
    userId,
    presence,
    presenceChangedAt: result.at.toISOString(),
    awayReason: result.awayReason,
  };
  if (result.changed) {
    const targets = [rooms.agent(userId), rooms.allSupervisors, ...result.teamIds.map(rooms.teamSupervisors)];
    ctx.publisher.emit(targets, 'presence.changed', view);
    for (const offer of result.withdrawn) {
      ctx.publisher.emit([rooms.agent(userId)], 'offer.ended', {
        offerId: offer.id,
        ticketId: offer.ticketId,
        reason: 'canceled',
      });
    }
    if (presence === 'available' || result.withdrawn.length) await kickRouting(ctx);
  }
  return view;
}
