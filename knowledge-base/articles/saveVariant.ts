import type { KbLocale, KbQuery } from '../db';
import { articleSearchVector, articleSnippetText } from '../search/articleSearchVector';
import { slugOf } from './articleVisibility';

export interface VariantInput {
  locale: KbLocale;
  title: string;
  body: string;
}

/**
 * Writes one locale of an article, indexed in the same statement (found by search at once), and records the save as a
 * revision by its author. Saving what is already there records nothing. Returns whether anything changed.
 */
export async function saveVariant(
  tx: KbQuery,
  articleId: string,
  variant: VariantInput,
  authorId: string | null,
  restoredFromId: string | null = null,
): Promise<boolean> {
  const [current] = await tx<{ title: string; body: string }[]>`
    select title, body from kb_article_variants where article_id = ${articleId} and locale = ${variant.locale}`;
  if (current && current.title === variant.title && current.body === variant.body) return false;
  await tx`
    insert into kb_article_variants (article_id, locale, title, body, slug, search_vector, snippet_text, updated_by)
    values (${articleId}, ${variant.locale}, ${variant.title}, ${variant.body}, ${slugOf(variant.title)},
            ${articleSearchVector(tx, variant.title, variant.body)}, ${articleSnippetText(variant.body)}, ${authorId})
    on conflict (article_id, locale) do update set title = excluded.title, body = excluded.body, slug = excluded.slug,
      search_vector = excluded.search_vector, snippet_text = excluded.snippet_text, updated_by = excluded.updated_by,
      updated_at = now()`;
  await tx`
    insert into kb_revisions (article_id, locale, title, body, author_user_id, restored_from_id)
    values (${articleId}, ${variant.locale}, ${variant.title}, ${variant.body}, ${authorId}, ${restoredFromId})`;
  await tx`update kb_articles set updated_at = now() where id = ${articleId}`;
  return true;
}
