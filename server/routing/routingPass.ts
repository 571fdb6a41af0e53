import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { pipelinedTransaction, readWithCommit } from '../db/pipelinedTransaction';
import { loadRoutableAgents, listWaitingTickets } from './routingInputs';
import { matchOffers, type RoutableAgent } from './matchOffers';
import { announceOffers, type KnownOffer } from './screenPop';
import { routingPassSeconds } from '../observability/metrics';
import { lockRouting } from './routingLock';

export interface OfferMade extends KnownOffer {
  agentId: string;
}

/**
 * Runs `work` holding the routing lock: one routing decision at a time across every process on the database,
 * so no ticket is offered twice and no agent is pushed past capacity however many routers run. The lock is a
 * statement of its own, so `work`'s statements read what the decision before committed (in read committed a
 * statement sees what was committed when it began: a lock taken inside a read would come too late).
 */
export function withRoutingLock<T>(ctx: Pick<AppContext, 'sql'>, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  return pipelinedTransaction(ctx.sql, async (tx) => {
    // BEGIN, the lock and `work`'s first statements go out together on the one connection (pipelined): PostgreSQL
    // runs them in order, so those statements still start after the lock is held, two round trips sooner.
    const locked = lockRouting(tx).execute();
    const [, result] = await Promise.all([locked, work(tx)]);
    return result;
  });
}

/** A routing pass whose offers have popped on their agents' screens when it resolves. */
export async function runRoutingPass(ctx: AppContext): Promise<OfferMade[]> {
  const offers = await makeOffers(ctx);
  await announceOffers(ctx, offers);
  return offers;
}

/**
 * Offers waiting tickets to eligible agents in a handful of set-based statements, whatever the backlog: agents
 * with free slots first (none → nothing else is read), then the waiting tickets of the channels they can take,
 * their hints, one insert. The caller pops the offers once this has committed them.
 */
export async function makeOffers(ctx: AppContext): Promise<OfferMade[]> {
  return (await routingPass(ctx)).offers;
}

const CHANNELS = ['voice', 'sms', 'email'] as const;
const freeChannels = (agents: RoutableAgent[]) => CHANNELS.filter((c) => agents.some((a) => a.free[c] > 0));

/**
 * Whether any available agent has a free slot, read without the lock in one statement. A router asks this before
 * a pass when the last pass found none: a floor with nobody free (the night, a queue filling up before opening, all
 * agents busy) then costs one read per trigger instead of a locked transaction. A slot freed after this read
 * commits before its own trigger, which brings another pass.
 */
export async function anyAgentFree(ctx: Pick<AppContext, 'sql' | 'config'>): Promise<boolean> {
  return freeChannels(await loadRoutableAgents(ctx.sql, ctx.config.AFTER_CALL_WORK_SECONDS)).length > 0;
}

const none: Promise<OfferMade[]> = Promise.resolve([]);

/** A routing pass (see makeOffers), also telling whether it found any agent with a free slot. */
export async function routingPass(ctx: AppContext): Promise<{ offers: OfferMade[]; agentsFree: boolean }> {
  const endTimer = routingPassSeconds.startTimer();
  const pass = await withRoutingLock(ctx, async (tx) => {
    // Cached generic plans for the pass's statements. By default PostgreSQL planned each of them afresh on every
    // pass (their array parameters have lengths a generic plan cannot know, so it never looked cheaper), and the
    // planning cost more than the statements, inside the lock. Their plans do not depend on the values.
    const generic = tx`set local plan_cache_mode = force_generic_plan`.execute();
    // Both reads in the same write as the lock: the waiting tickets of every channel, though only those of channels
    // with a free agent are offered. After a pass that found nobody free, a router asks `anyAgentFree` first.
    const [, agents, waiting] = await Promise.all([
      generic,
      loadRoutableAgents(tx, ctx.config.AFTER_CALL_WORK_SECONDS, { whileTicketsWait: true }),
      listWaitingTickets(tx, CHANNELS, ctx.config.ROUTING_STICKY_HOURS),
    ]);
    // Nothing waits (the pass a resolve or a tick asks for, mostly): the agents' loads were not read, so whether any
    // is free is not known, and the next pass need not ask first.
    if (waiting.tickets.length === 0) return { offers: none, agentsFree: true };
    const channels = freeChannels(agents);
    if (channels.length === 0) return { offers: none, agentsFree: false };
    const tickets = waiting.tickets.filter((t) => channels.includes(t.channel));
    const matches = matchOffers(tickets, agents, waiting.hints, Date.now());
    if (matches.length === 0) return { offers: none, agentsFree: true };
    // The offers, the agents' last offer time and the audit entries, in one statement. Stamped with this
    // statement's time, not the transaction's: the pass may have begun before the tickets it offers were committed.
    // Not awaited here: it goes out in the same write as the COMMIT, one round trip fewer while the lock is held.
    const made = tx<OfferMade[]>`
      with m as (
        select * from unnest(${matches.map((m) => m.ticketId)}::uuid[], ${matches.map((m) => m.agentId)}::uuid[]) with ordinality as m(ticket_id, agent_id, turn)
      ), made as (
        insert into offers (ticket_id, agent_id, queue_id, channel, offered_at, expires_at)
        select m.ticket_id, m.agent_id, t.queue_id, t.channel, statement_timestamp(),
          statement_timestamp() + make_interval(secs => ${ctx.config.ROUTING_OFFER_TIMEOUT_SECONDS})
        from m join tickets t on t.id = m.ticket_id order by m.turn
        returning id, ticket_id, agent_id, expires_at
      ), offered as (
        update users set last_offered_at = statement_timestamp() where id in (select agent_id from made)
      ), audited as (
        insert into audit_log (at, actor_kind, action, entity_type, entity_id, data)
        select statement_timestamp(), 'system', 'ticket.offered', 'ticket', made.ticket_id::text, jsonb_build_object('agentId', made.agent_id, 'offerId', made.id)
        from made join m on m.ticket_id = made.ticket_id order by m.turn
      )
      select made.id as offer_id, made.ticket_id, made.agent_id, made.expires_at, t.customer_id, u.role as agent_role,
        t.channel, t.subject,
        (select m.body_text from messages m where m.ticket_id = made.ticket_id and m.direction = 'inbound'
         order by m.created_at desc, m.id desc limit 1) as last_customer_message
      from made join m on m.ticket_id = made.ticket_id join tickets t on t.id = made.ticket_id join users u on u.id = made.agent_id
      order by m.turn`;
    return { offers: readWithCommit(made), agentsFree: true };
  });
  const offers = await pass.offers;
  endTimer();
  return { offers, agentsFree: pass.agentsFree };
}
