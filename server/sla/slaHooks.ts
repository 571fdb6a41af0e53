// The one call each ticket change makes into the SLA engine, inside the change's own transaction: the clocks commit
// with the ticket or not at all. Their timers are set as they are written (see slaTimers.ts for why that is safe).
import type { AppContext } from '../context';
import type { TransactionSql } from '../db/client';
import { setClockTimers } from './slaTimers';
import { applyClockEvent, type ClockEvent, type TicketClockFacts } from './ticketClocks';

type HookContext = Pick<AppContext, 'queues' | 'log'>;

async function apply(
  ctx: HookContext,
  tx: TransactionSql,
  ticketId: string,
  event: ClockEvent,
  known?: TicketClockFacts,
) {
  await setClockTimers(ctx, await applyClockEvent(tx, ticketId, event, new Date(), known));
}

/**
 * A customer's message arrived (mail flagged automated starts no clock, but may still reopen a ticket's). `known`: the
 * ticket's clock facts as the statement that stored the message read them.
 */
export const slaOnCustomerMessage = (
  ctx: HookContext,
  tx: TransactionSql,
  ticketId: string,
  automated: boolean,
  known?: TicketClockFacts,
) => apply(ctx, tx, ticketId, { kind: 'customer_message', at: new Date(), automated }, known);

/** An agent answered in public: an email or SMS reply, or a call answered. Notes never come here. */
export const slaOnPublicResponse = (ctx: HookContext, tx: TransactionSql, ticketId: string) =>
  apply(ctx, tx, ticketId, { kind: 'public_response', at: new Date() });

/**
 * Status, priority or queue changed: clocks stop, pause, resume, or follow another policy. `known`: the ticket's clock
 * facts as the statement that changed it returned them.
 */
export const slaOnTicketChanged = (ctx: HookContext, tx: TransactionSql, ticketId: string, known?: TicketClockFacts) =>
  apply(ctx, tx, ticketId, { kind: 'ticket_changed' }, known);
