import { z } from 'zod';
import type { Sql } from '../db/client';
import type { AuditEntryView } from '../http/apiTypes';

/** The settings whose changes the admin screens show; `settings` holds the phone line ('ivr'). */
export const SETTINGS_ENTITY_TYPES = ['user', 'team', 'skill', 'queue', 'business_hours', 'settings'] as const;

export const settingsAuditQuery = z.object({
  entityType: z.enum(SETTINGS_ENTITY_TYPES),
  /** One entity's trail; without it, the latest changes to every entity of the type. */
  entityId: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface SettingsAuditEntry extends AuditEntryView {
  entityType: string;
  entityId: string;
}

/** Who changed what in the settings, newest first. */
export async function listSettingsAudit(
  sql: Sql,
  { entityType, entityId, limit }: z.infer<typeof settingsAuditQuery>,
): Promise<SettingsAuditEntry[]> {
  const rows = await sql<
    {
      id: string;
      at: Date;
      actorKind: AuditEntryView['actor']['kind'];
      actorUserId: string | null;
      actorName: string | null;
      action: string;
      entityType: string;
      entityId: string;
      data: Record<string, unknown>;
    }[]
  >`
    select a.id, a.at, a.actor_kind, a.actor_user_id, u.name as actor_name, a.action, a.entity_type, a.entity_id, a.data
    from audit_log a left join users u on u.id = a.actor_user_id
    where a.entity_type = ${entityType} ${entityId === undefined ? sql`` : sql`and a.entity_id = ${entityId}`}
    order by a.at desc, a.id desc
    limit ${limit}`;
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actor: { kind: r.actorKind, id: r.actorUserId, name: r.actorName },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    data: r.data,
  }));
}
