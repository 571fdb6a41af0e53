import type { AppContext } from '../context';
import { writeAudit } from '../commands/writeAudit';
import type { TransactionSql } from '../db/client';
import { listWaitingTickets, pickAgent } from './pickAgent';
import { announceOffer } from './screenPop';

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

/** Offers every waiting ticket that has an eligible agent; after commit, pops each offer on its agent's screen. */
export async function runRoutingPass(ctx: AppContext): Promise<OfferMade[]> {
  const offers = await withRoutingLock(ctx, async (tx) => {
    const made: OfferMade[] = [];
    for (const ticket of await listWaitingTickets(tx)) {
      const agentId = await pickAgent(tx, ticket, ctx.config.ROUTING_STICKY_HOURS, ctx.config.AFTER_CALL_WORK_SECONDS);
      if (!agentId) continue;
      const [offer] = await tx<{ id: string }[]>`
        insert into offers (ticket_id, agent_id, queue_id, channel, expires_at)
        values (${ticket.id}, ${agentId}, ${ticket.queueId}, ${ticket.channel}, now() + make_interval(secs => ${ctx.config.ROUTING_OFFER_TIMEOUT_SECONDS}))
        returning id`;
      await tx`update users set last_offered_at = now() where id = ${agentId}`;
      await writeAudit(tx, { actorUserId: null, action: 'ticket.offered', entityType: 'ticket', entityId: ticket.id, data: { agentId, offerId: offer.id } });
      made.push({ offerId: offer.id, ticketId: ticket.id, agentId });
    }
    return made;
  });
  for (const offer of offers) await announceOffer(ctx, offer);
  return offers;
}
