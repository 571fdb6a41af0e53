import type { Sql, TransactionSql } from '../db/client';

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
