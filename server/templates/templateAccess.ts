import type { SessionUser } from '../auth/sessions';
import type { Sql, TransactionSql } from '../db/client';
import type { TemplateScope } from '../http/templateApiTypes';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

/*
 * Who may use and who may keep a reply template:
 * - personal: its owner only, for both (nobody else sees it exists);
 * - team: used by the team's members (admins see every team's), kept by the team's supervisors and by admins;
 * - global: used by everyone, kept by admins.
 * A template the viewer may not use answers 404 like one that does not exist; one they use but may not keep, 403.
 */

/** The SQL condition (over `reply_templates rt`) for the templates the viewer may use. */
export function usableTemplatesCondition(sql: Sql | TransactionSql, viewer: Viewer) {
  return sql`(
    rt.scope = 'global'
    or (rt.scope = 'personal' and rt.owner_user_id = ${viewer.userId})
    or (rt.scope = 'team' and ${
      viewer.role === 'admin'
        ? sql`true`
        : sql`rt.team_id in (select tm.team_id from team_members tm where tm.user_id = ${viewer.userId})`
    }))`;
}

/** The SQL expression (over `reply_templates rt`) saying whether the viewer may change or delete the template. */
export function keepableTemplateExpression(sql: Sql | TransactionSql, viewer: Viewer) {
  if (viewer.role === 'admin') return sql`(rt.scope <> 'personal' or rt.owner_user_id = ${viewer.userId})`;
  const ownTeams = sql`select tm.team_id from team_members tm where tm.user_id = ${viewer.userId}`;
  return sql`(
    (rt.scope = 'personal' and rt.owner_user_id = ${viewer.userId})
    ${viewer.role === 'supervisor' ? sql`or (rt.scope = 'team' and rt.team_id in (${ownTeams}))` : sql``})`;
}

/** Whether the viewer may create a template in this scope (and team): the same rule as keeping one. */
export async function mayCreateIn(
  sql: Sql | TransactionSql,
  viewer: Viewer,
  scope: TemplateScope,
  teamId: string | null,
): Promise<boolean> {
  if (scope === 'personal') return true;
  if (scope === 'global') return viewer.role === 'admin';
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'supervisor') return false;
  const [member] = await sql`select 1 from team_members where team_id = ${teamId} and user_id = ${viewer.userId}`;
  return Boolean(member);
}
