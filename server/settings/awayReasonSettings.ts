import { z } from 'zod';
import { writeAudit } from '../commands/writeAudit';
import type { Sql, TransactionSql } from '../db/client';
import type { AwayReasonView } from '../http/apiTypes';
import { HttpError } from '../http/httpError';

const label = z.string().trim().min(1, 'is required').max(60);

/** The whole list, in the order agents see it. A code left out is retired: kept for history, no longer offered. */
export const awayReasonsInput = z.object({
  reasons: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, - and _ only, starting with a letter'),
        labels: z.object({ en: label, 'zh-CN': label }),
      }),
    )
    .min(1, 'keep at least one reason')
    .max(30)
    .refine((list) => new Set(list.map((r) => r.code)).size === list.length, 'each code once'),
});

type Tx = Sql | TransactionSql;

interface AwayReasonRow {
  code: string;
  labelEn: string;
  labelZhCn: string;
  active: boolean;
}

const present = (r: AwayReasonRow): AwayReasonView => ({
  code: r.code,
  labels: { en: r.labelEn, 'zh-CN': r.labelZhCn },
  active: r.active,
});

/** The reasons offered now (or every one ever offered, retired last, for reports and admins). */
export async function listAwayReasons(tx: Tx, which: 'offered' | 'all' = 'offered'): Promise<AwayReasonView[]> {
  const rows = await tx<AwayReasonRow[]>`
    select code, label_en, label_zh_cn, active from away_reasons
    where ${which === 'offered' ? tx`active` : tx`true`}
    order by active desc, position, code`;
  return rows.map(present);
}

/** A reason code from the edge (the agent's console, a supervisor): refused unless it is offered now. */
export async function requireAwayReason(tx: Tx, code: string, path = 'reason') {
  const [row] = await tx`select 1 from away_reasons where code = ${code} and active`;
  if (!row)
    throw new HttpError(400, 'invalid_input', `${path}: no such away reason (${code})`, [
      { path, message: 'no such away reason' },
    ]);
}

export async function saveAwayReasons(sql: Sql, input: z.infer<typeof awayReasonsInput>, actorUserId: string) {
  await sql.begin(async (tx) => {
    const before = await listAwayReasons(tx, 'offered');
    const codes = input.reasons.map((r) => r.code);
    // The list in one statement, in its order (the position is the place in the list).
    await tx`
      insert into away_reasons (code, label_en, label_zh_cn, position, active)
      select r.code, r.label_en, r.label_zh_cn, r.position, true
      from unnest(${codes}::text[], ${input.reasons.map((r) => r.labels.en)}::text[],
                  ${input.reasons.map((r) => r.labels['zh-CN'])}::text[]) with ordinality as r(code, label_en, label_zh_cn, position)
      on conflict (code) do update set label_en = excluded.label_en, label_zh_cn = excluded.label_zh_cn,
        position = excluded.position, active = true`;
    await tx`update away_reasons set active = false where not (code = any(${codes}::text[]))`;
    await writeAudit(tx, {
      actorUserId,
      action: 'away_reasons.updated',
      entityType: 'settings',
      entityId: 'away_reasons',
      data: { before: before.map(({ code, labels }) => ({ code, labels })), after: input.reasons },
    });
  });
  return listAwayReasons(sql, 'all');
}
