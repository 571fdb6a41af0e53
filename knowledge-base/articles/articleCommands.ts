import type { KbLocale, KbQuery, KbSql, KbViewer } from '../db';
import { articleNotFound, invalidField, KnowledgeError } from '../knowledgeError';
import { lockEditableArticle, requireApprover, requireWriter } from './editorRoles';
import { saveVariant, type VariantInput } from './saveVariant';

export type ArticleState = 'draft' | 'internal' | 'published' | 'archived';

export interface ArticleInput {
  categoryId: string | null;
  tags?: string[];
  variants: VariantInput[];
}

export interface ArticleUpdate {
  categoryId?: string | null;
  tags?: string[];
  variants?: VariantInput[];
}

/** A new article, a draft, with a first revision per locale. Writers and approvers. */
export async function createArticle(sql: KbSql, viewer: KbViewer, input: ArticleInput): Promise<string> {
  await requireWriter(sql, viewer);
  return sql.begin(async (tx) => {
    await requireCategory(tx, input.categoryId);
    const [{ id }] = await tx<{ id: string }[]>`
      insert into kb_articles (category_id, tags, created_by)
      values (${input.categoryId}, ${normalTags(input.tags ?? [])}, ${viewer.userId}) returning id`;
    for (const variant of input.variants) await saveVariant(tx, id, variant, viewer.userId);
    return id;
  });
}

/** Saves changes, each changed locale as a revision (a writer changes drafts only: see lockEditableArticle). */
export async function updateArticle(sql: KbSql, viewer: KbViewer, articleId: string, update: ArticleUpdate) {
  await sql.begin(async (tx) => {
    await lockEditableArticle(tx, viewer, articleId);
    if (update.categoryId !== undefined) await requireCategory(tx, update.categoryId);
    if (update.categoryId !== undefined || update.tags !== undefined)
      await tx`update kb_articles set
                 category_id = ${update.categoryId === undefined ? tx`category_id` : update.categoryId},
                 tags = ${update.tags === undefined ? tx`tags` : normalTags(update.tags)}, updated_at = now()
               where id = ${articleId}`;
    for (const variant of update.variants ?? []) await saveVariant(tx, articleId, variant, viewer.userId);
  });
}

/** Restores a revision's title and body as a new revision (the history is never rewritten). */
export async function restoreRevision(sql: KbSql, viewer: KbViewer, articleId: string, revisionId: string) {
  await sql.begin(async (tx) => {
    await lockEditableArticle(tx, viewer, articleId);
    const [revision] = await tx<{ id: string; locale: KbLocale; title: string; body: string }[]>`
      select id, locale, title, body from kb_revisions where id = ${revisionId} and article_id = ${articleId}`;
    if (!revision) throw new KnowledgeError(404, 'not_found', 'Revision not found.');
    await saveVariant(tx, articleId, revision, viewer.userId, revision.id);
  });
}

/**
 * Moves an article to a state: approvers only. Published with a future publishAt is scheduled; it goes live at that
 * time (readers compare publish_at with now()), with nothing to fire.
 */
export async function changeArticleState(
  sql: KbSql,
  viewer: KbViewer,
  articleId: string,
  change: { state: ArticleState; publishAt?: Date | null },
) {
  const [exists] = await sql`select 1 from kb_articles where id = ${articleId}`;
  if (!exists) throw articleNotFound();
  await requireApprover(sql, viewer);
  const publishAt = change.state === 'published' ? (change.publishAt ?? null) : null;
  const [row] = await sql`
    update kb_articles set state = ${change.state},
      publish_at = case when ${change.state} = 'published' then greatest(coalesce(${publishAt}::timestamptz, now()), now()) end,
      updated_at = now()
    where id = ${articleId} returning id`;
  if (!row) throw articleNotFound();
}

async function requireCategory(tx: KbQuery, categoryId: string | null) {
  if (!categoryId) return;
  const [row] = await tx`select 1 from kb_categories where id = ${categoryId}`;
  if (!row) throw invalidField('categoryId', 'is not a category');
}

const normalTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
