import type { TransactionSql } from '../db/client';

// Any constant works; every process that routes must use the same one.
const ROUTING_LOCK_KEY = 72_410_003;

/**
 * Takes the routing lock for the rest of the transaction: one routing decision at a time across every process on
 * the database. Re-entrant within a transaction (a second take is free). A routing pass holds it; so does an agent
 * leaving `available` (taken first, before the agent's row), so they wait for a pass that may be offering them
 * work and then withdraw what it offered, instead of the pass share-locking every available agent's row.
 */
export function lockRouting(tx: TransactionSql) {
  return tx`select pg_advisory_xact_lock(${ROUTING_LOCK_KEY})`;
}
