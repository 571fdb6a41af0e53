import type { Sql } from '../db/client';
import type { AuditEntryView } from '../http/apiTypes';

/** The audit trail of one entity, oldest first, with who did each thing. */
export async function listAudit(sql: Sql, entityType: string, entityId: string): Promise<AuditEntryView[]> {
  const rows = await sql<
    {
      id: string;
      at: Date;
      actorKind: AuditEntryView['actor']['kind'];
      actorUserId: string | null;
      actorName: string | null;
      action: string;
      data: Record<string, unknown>;
    }[]
  >`
    select a.id, a.at, a.actor_kind, a.actor_user_id, u.name as actor_name, a.action, a.data
    from audit_log a left join users u on u.id = a.actor_user_id
    where a.entity_type = ${entityType} and a.entity_id = ${entityId}
    order by a.at, a.id`;
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actor: { kind: r.actorKind, id: r.actorUserId, name: r.actorName },
    action: r.action,
    data: r.data,
  }));
}
