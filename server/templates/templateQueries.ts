import type { SessionUser } from '../auth/sessions';
import type { Sql, SqlFragment, TransactionSql } from '../db/client';
import type { TemplateView } from '../http/templateApiTypes';
import { keepableTemplateExpression, usableTemplatesCondition } from './templateAccess';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

export interface TemplateRow extends Omit<TemplateView, 'lastUsedAt' | 'createdAt' | 'updatedAt'> {
  lastUsedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const presentTemplate = (r: TemplateRow): TemplateView => ({
  id: r.id,
  scope: r.scope,
  ownerId: r.ownerId,
  teamId: r.teamId,
  name: r.name,
  shortcut: r.shortcut,
  keywords: r.keywords,
  variants: r.variants,
  usageCount: r.usageCount,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  canEdit: r.canEdit,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The columns of a TemplateView over `reply_templates rt`, for the viewer (canEdit is theirs). */
export function templateColumns(sql: Sql | TransactionSql, viewer: Viewer) {
  return sql`
    rt.id, rt.scope, rt.owner_user_id as owner_id, rt.team_id, rt.name, rt.shortcut, rt.keywords, rt.usage_count,
    rt.last_used_at, rt.created_at, rt.updated_at, ${keepableTemplateExpression(sql, viewer)} as can_edit,
    coalesce((select json_agg(json_build_object('locale', v.locale, 'body', v.body) order by v.locale)
              from reply_template_variants v where v.template_id = rt.id), '[]') as variants`;
}

/**
 * The templates the viewer may use, searched by `q` (a leading `/` is the composer's: `/refund`): an exact
 * shortcut first, then shortcuts starting with it, then names containing it; the viewer's own before their teams'
 * before global ones, the most used first.
 */
export async function listTemplates(
  sql: Sql,
  viewer: Viewer,
  options: { q?: string; scope?: TemplateView['scope']; limit: number },
): Promise<TemplateView[]> {
  const q = options.q?.trim().replace(/^\//, '').toLowerCase() ?? '';
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const matches: SqlFragment = q
    ? sql`and (rt.shortcut like ${`${escaped}%`} or rt.name ilike ${`%${escaped}%`})`
    : sql``;
  const rows = await sql<TemplateRow[]>`
    select ${templateColumns(sql, viewer)}
    from reply_templates rt
    where ${usableTemplatesCondition(sql, viewer)} ${matches}
      ${options.scope ? sql`and rt.scope = ${options.scope}` : sql``}
    order by case when rt.shortcut = ${q} then 0 when rt.shortcut like ${`${escaped}%`} then 1 else 2 end,
      case rt.scope when 'personal' then 0 when 'team' then 1 else 2 end, rt.usage_count desc, lower(rt.name), rt.id
    limit ${options.limit}`;
  return rows.map(presentTemplate);
}

/** A template the viewer may use, else null (the caller answers 404, so others' personal templates do not leak). */
export async function findUsableTemplate(sql: Sql | TransactionSql, viewer: Viewer, id: string) {
  const [row] = await sql<TemplateRow[]>`
    select ${templateColumns(sql, viewer)} from reply_templates rt
    where rt.id = ${id} and ${usableTemplatesCondition(sql, viewer)}`;
  return row ? presentTemplate(row) : null;
}
