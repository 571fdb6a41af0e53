import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { writeAudits } from '../commands/writeAudit';
import { loadRoutableAgents, loadMatchHints, listWaitingTickets } from './routingInputs';
import { matchOffers } from './matchOffers';
import { announceOffers } from './screenPop';
import { routingPassSeconds } from '../observability/metrics';

// Any constant works; every process that routes must use the same one.
const ROUTING_LOCK_KEY = 72_410_003;

export interface OfferMade {
  offerId: string;
  ticketId: string;
  agentId: string;
}

/**
 * Runs `work` holding the routing lock: one routing decision at a time across every process on the database,
 * so no ticket is offered twice and no agent is pushed past capacity however many routers run.
 */
export function withRoutingLock<T>(ctx: Pick<AppContext, 'sql'>, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  return ctx.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${ROUTING_LOCK_KEY})`;
    return work(tx);
  }) as Promise<T>;
}

/**
 * Offers waiting tickets to eligible agents in a handful of set-based statements, whatever the backlog: agents
 * with free slots first (none → nothing else is read), then the waiting tickets of the channels they can take,
 * their hints, one insert. After commit, pops each offer on its agent's screen.
 */
export async function runRoutingPass(ctx: AppContext): Promise<OfferMade[]> {
  const endTimer = routingPassSeconds.startTimer();
  const offers = await withRoutingLock(ctx, async (tx) => {
    const agents = await loadRoutableAgents(tx, ctx.config.AFTER_CALL_WORK_SECONDS);
    const channels = (['voice', 'sms', 'email'] as const).filter((c) => agents.some((a) => a.free[c] > 0));
    if (channels.length === 0) return [];
    const tickets = await listWaitingTickets(tx, channels);
    if (tickets.length === 0) return [];
    const hints = await loadMatchHints(tx, tickets, ctx.config.ROUTING_STICKY_HOURS);
    const matches = matchOffers(tickets, agents, hints, Date.now());
    if (matches.length === 0) return [];
    const made = await tx<OfferMade[]>`
      insert into offers (ticket_id, agent_id, queue_id, channel, expires_at)
      select m.ticket_id, m.agent_id, t.queue_id, t.channel, now() + make_interval(secs => ${ctx.config.ROUTING_OFFER_TIMEOUT_SECONDS})
      from unnest(${matches.map((m) => m.ticketId)}::uuid[], ${matches.map((m) => m.agentId)}::uuid[]) with ordinality as m(ticket_id, agent_id, turn)
      join tickets t on t.id = m.ticket_id
      order by m.turn
      returning id as offer_id, ticket_id, agent_id`;
    await tx`update users set last_offered_at = now() where id = any(${made.map((o) => o.agentId)}::uuid[])`;
    await writeAudits(
      tx,
      made.map((o) => ({ actorUserId: null, action: 'ticket.offered', entityType: 'ticket', entityId: o.ticketId, data: { agentId: o.agentId, offerId: o.offerId } })),
    );
    const order = new Map(matches.map((m, i) => [m.ticketId, i]));
    return made.sort((a, b) => order.get(a.ticketId)! - order.get(b.ticketId)!);
  });
  endTimer();
  await announceOffers(ctx, offers);
  return offers;
}
