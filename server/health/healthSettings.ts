import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import { HEALTH_REASON_KINDS, type HealthReasonKind, type HealthSettings } from '../http/surveyApiTypes';
import { changedFields } from '../settings/auditChanges';

const rule = z.object({
  enabled: z.boolean(),
  weight: z.number().int().min(0).max(100),
  maxPoints: z.number().int().min(0).max(100),
});

/** The health rules an admin sets: which reasons count, how much, and where "at risk" starts. */
export const healthSettingsInput = z.object({
  atRiskThreshold: z.number().int().min(0).max(99),
  lookbackDays: z.number().int().min(7).max(730),
  repeatContactDays: z.number().int().min(1).max(90),
  volumeFactor: z.number().min(1).max(100),
  openTooLongDays: z.number().int().min(1).max(365),
  complaintWords: z
    .array(z.string().trim().toLowerCase().min(1, 'must not be empty').max(60, 'at most 60 characters'))
    .max(200, 'at most 200 words')
    .transform((words) => [...new Set(words)]),
  rules: z.object(
    Object.fromEntries(HEALTH_REASON_KINDS.map((k) => [k, rule])) as Record<HealthReasonKind, typeof rule>,
  ),
});

export function defaultHealthSettings(): HealthSettings {
  return {
    atRiskThreshold: 60,
    lookbackDays: 90,
    repeatContactDays: 7,
    volumeFactor: 2,
    openTooLongDays: 7,
    complaintWords: [
      '投诉',
      '退款',
      '退货',
      '取消',
      '差评',
      '骗',
      'complaint',
      'complain',
      'refund',
      'cancel',
      'chargeback',
      'lawyer',
      'unacceptable',
      'worst',
    ],
    rules: {
      repeat_contacts: { enabled: true, weight: 10, maxPoints: 30 },
      volume_above_baseline: { enabled: true, weight: 15, maxPoints: 15 },
      low_scores: { enabled: true, weight: 20, maxPoints: 40 },
      sla_breaches: { enabled: true, weight: 10, maxPoints: 30 },
      open_too_long: { enabled: true, weight: 10, maxPoints: 20 },
      missed_callback: { enabled: true, weight: 10, maxPoints: 20 },
      sms_opt_out: { enabled: true, weight: 15, maxPoints: 15 },
      complaint_words: { enabled: true, weight: 15, maxPoints: 30 },
    },
  };
}

export async function loadHealthSettings(sql: Sql | TransactionSql): Promise<HealthSettings> {
  // As text: the client camel-cases the keys of JSON it reads, and the reason kinds are snake_case.
  const [row] = await sql<{ settings: string }[]>`select settings::text as settings from health_settings where id`;
  const parsed = row ? healthSettingsInput.safeParse(JSON.parse(row.settings)) : null;
  return parsed?.success ? parsed.data : defaultHealthSettings();
}

export async function saveHealthSettings(
  sql: Sql,
  input: HealthSettings,
  actorUserId: string,
): Promise<HealthSettings> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended('health-settings', 0))`;
    const before = await loadHealthSettings(tx);
    await tx`
      insert into health_settings (id, settings, updated_by) values (true, ${tx.json(input as never)}, ${actorUserId})
      on conflict (id) do update set settings = excluded.settings, updated_by = excluded.updated_by, updated_at = now()`;
    await writeAudit(tx, {
      actorUserId,
      action: 'settings.health_changed',
      entityType: 'settings',
      entityId: 'health',
      data: { changes: changedFields(before, input) },
    });
    return input;
  }) as Promise<HealthSettings>;
}
