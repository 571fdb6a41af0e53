import type { Sql, SqlFragment, TransactionSql } from '../db/client';

export interface AuditEntry {
  actorUserId: string | null;
  actorKind?: 'user' | 'system' | 'customer';
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

/** Writes who changed what; call it inside the transaction that makes the change. */
export async function writeAudit(tx: Sql | TransactionSql, entry: AuditEntry) {
  await tx`
    insert into audit_log (actor_user_id, actor_kind, action, entity_type, entity_id, data)
    values (${entry.actorUserId}, ${entry.actorKind ?? (entry.actorUserId ? 'user' : 'system')}, ${entry.action},
            ${entry.entityType}, ${entry.entityId}, ${tx.json((entry.data ?? {}) as never)})`;
}

/** Writes many entries in one statement (a routing pass records every offer it made). */
export async function writeAudits(tx: Sql | TransactionSql, entries: AuditEntry[]) {
  if (entries.length) await auditInsert(tx, entries);
}

/**
 * The insert of many entries, as a statement of its own or a part of a larger one (`condition`, a where clause,
 * lets a statement write its entries only if its main change happened).
 */
export function auditInsert(tx: Sql | TransactionSql, entries: AuditEntry[], condition: SqlFragment = tx``) {
  const rows = entries.map((e) => ({
    actor_user_id: e.actorUserId,
    actor_kind: e.actorKind ?? (e.actorUserId ? 'user' : 'system'),
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    data: e.data ?? {},
  }));
  return tx`
    insert into audit_log (actor_user_id, actor_kind, action, entity_type, entity_id, data)
    select r.actor_user_id, r.actor_kind, r.action, r.entity_type, r.entity_id, r.data
    from jsonb_to_recordset(${tx.json(rows as never)}) as r(actor_user_id uuid, actor_kind text, action text, entity_type text, entity_id text, data jsonb)
    ${condition}`;
}
