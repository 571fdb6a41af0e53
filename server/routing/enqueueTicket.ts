import type { TransactionSql } from '../db/client';

/**
 * Puts a ticket in a queue to wait for an agent, withdrawing any pending offer (returned).
 * Its age for ordering (queued_at) survives transfers and overflow.
 */
export async function enqueueTicket(tx: TransactionSql, ticketId: string, queueId: string | null) {
  await tx`
    update tickets set queue_id = ${queueId}, assignee_id = null,
      queued_at = coalesce(queued_at, now()), waiting_since = now(), updated_at = now()
    where id = ${ticketId}`;
  return cancelPendingOffers(tx, ticketId);
}

/** Withdraws a ticket's pending offer (transferred, resolved, requeued); returns the withdrawn offers. */
export function cancelPendingOffers(tx: TransactionSql, ticketId: string) {
  return tx<{ id: string; agentId: string }[]>`
    update offers set status = 'canceled', responded_at = now()
    where ticket_id = ${ticketId} and status = 'pending'
    returning id, agent_id`;
}

/** The queue a new contact of this channel enters when nothing upstream chose one, as a subquery. */
export const entryQueueQuery = (tx: TransactionSql, channel: string) =>
  tx`(select id from queues where ${channel} = any(entry_for_channels) order by name limit 1)`;

export async function entryQueueFor(tx: TransactionSql, channel: string): Promise<string | null> {
  const [row] = await tx<{ id: string | null }[]>`select ${entryQueueQuery(tx, channel)} as id`;
  return row?.id ?? null;
}
