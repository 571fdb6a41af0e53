import type { KbQuery, KbViewer } from '../db';
import { articleNotFound, KnowledgeError } from '../knowledgeError';
import type { Audience } from './articleVisibility';

export interface KnowledgePermissions {
  canWrite: boolean;
  canPublish: boolean;
  canManageEditors: boolean;
}

/** Admins write and publish; anyone else only as an admin granted (writer, or approver who also publishes). */
export async function knowledgePermissions(sql: KbQuery, viewer: KbViewer): Promise<KnowledgePermissions> {
  if (viewer.role === 'admin') return { canWrite: true, canPublish: true, canManageEditors: true };
  const [row] = await sql<
    { role: 'writer' | 'approver' }[]
  >`select role from kb_editors where user_id = ${viewer.userId}`;
  return { canWrite: !!row, canPublish: row?.role === 'approver', canManageEditors: false };
}

export async function audienceOf(sql: KbQuery, viewer: KbViewer): Promise<Audience> {
  return (await knowledgePermissions(sql, viewer)).canWrite ? 'editor' : 'agent';
}

export async function requireWriter(sql: KbQuery, viewer: KbViewer) {
  const permissions = await knowledgePermissions(sql, viewer);
  if (!permissions.canWrite)
    throw new KnowledgeError(403, 'forbidden', 'Only knowledge base writers and approvers may do this.');
  return permissions;
}

export async function requireApprover(sql: KbQuery, viewer: KbViewer) {
  const permissions = await knowledgePermissions(sql, viewer);
  if (!permissions.canPublish)
    throw new KnowledgeError(
      403,
      'forbidden',
      'Only knowledge base approvers may publish, archive or change live articles.',
    );
  return permissions;
}

export interface EditorRow {
  userId: string;
  name: string;
  email: string;
  role: 'writer' | 'approver';
}

export const listEditors = (sql: KbQuery) => sql<EditorRow[]>`
  select e.user_id, u.name, u.email, e.role from kb_editors e join users u on u.id = e.user_id order by u.name, u.email`;

/** Grants writer or approver, or (role null) takes it back. */
export async function setEditorRole(
  sql: KbQuery,
  grantedBy: string,
  userId: string,
  role: 'writer' | 'approver' | null,
) {
  const [user] = await sql`select 1 from users where id = ${userId} and active`;
  if (!user) throw new KnowledgeError(404, 'not_found', 'User not found.');
  if (role === null) await sql`delete from kb_editors where user_id = ${userId}`;
  else
    await sql`insert into kb_editors (user_id, role, granted_by) values (${userId}, ${role}, ${grantedBy})
              on conflict (user_id) do update set role = excluded.role, granted_by = excluded.granted_by, granted_at = now()`;
}

/**
 * Locks an article for a change and checks the viewer may make it: a writer changes drafts only, so what agents or
 * customers already read changes only by an approver's hand.
 */
export async function lockEditableArticle(tx: KbQuery, viewer: KbViewer, articleId: string) {
  // An article that does not exist is 404 to everyone, before who may change it is asked.
  const [article] = await tx<{ state: string }[]>`select state from kb_articles where id = ${articleId} for update`;
  if (!article) throw articleNotFound();
  const permissions = await requireWriter(tx, viewer);
  if (article.state !== 'draft' && !permissions.canPublish)
    throw new KnowledgeError(
      403,
      'forbidden',
      `This article is ${article.state}: only a knowledge base approver may change it (or move it back to draft).`,
    );
}
