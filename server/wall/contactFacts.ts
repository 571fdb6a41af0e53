import type { Sql, TransactionSql } from '../db/client';

export type ContactFactKind =
  'queued' | 'answered' | 'abandoned' | 'callback' | 'transferred' | 'removed' | 'ended' | 'hold' | 'wrap_up';

export interface ContactFact {
  kind: ContactFactKind;
  ticketId: string;
  /** 'queued': the queue entered; otherwise the episode's queue unless given. */
  queueId?: string | null;
  agentId?: string | null;
  /** answered: the wait; ended: talk (hold included); hold; wrap_up. */
  seconds?: number | null;
  at: Date;
}

/**
 * Records one contact fact through the database function the triggers of migration 023 call on every change
 * (record_contact_event), with an explicit time: imports of past facts, and replays of a scripted day in tests.
 * Call it inside the transaction that makes the change; the wall hears of it when that commits.
 */
export async function recordContactFact(tx: Sql | TransactionSql, fact: ContactFact) {
  await tx`
    select record_contact_event(${fact.kind}, ${fact.ticketId}, ${fact.queueId ?? null}, ${fact.agentId ?? null},
      ${fact.seconds ?? null}, ${fact.at})`;
}
