import { articlePath } from '../articles/articleVisibility';
import type { KbLocale, KbQuery } from '../db';
import { articleNotFound, KnowledgeError } from '../knowledgeError';
import { markdownPlainText } from '../markdown/renderMarkdown';

export interface InsertionRequest {
  articleId: string;
  ticketId: string;
  userId: string;
  kind: 'answer' | 'link';
  locale?: KbLocale;
  /** The server's public address, before the help center path of a link. */
  baseUrl: string;
}

/**
 * The text an agent puts into a reply from an article, in one action: its answer as plain text, or its public link
 * (only for a live article: customers cannot open anything else). Logged as inserted.
 */
export async function insertArticle(sql: KbQuery, request: InsertionRequest) {
  const variants = await sql<{ locale: KbLocale; title: string; body: string; slug: string; isLive: boolean }[]>`
    select v.locale, v.title, v.body, v.slug,
      a.state = 'published' and (a.publish_at is null or a.publish_at <= now()) as is_live
    from kb_articles a join kb_article_variants v on v.article_id = a.id
    where a.id = ${request.articleId}
      and (a.state = 'internal' or (a.state = 'published' and (a.publish_at is null or a.publish_at <= now())))`;
  if (!variants.length) throw articleNotFound();
  const variant =
    variants.find((v) => v.locale === request.locale) ?? variants.find((v) => v.locale === 'en') ?? variants[0];
  if (request.kind === 'link' && !variant.isLive)
    throw new KnowledgeError(409, 'not_public', 'This article is not on the help center: insert its answer instead.');
  const text =
    request.kind === 'link'
      ? `${variant.title}: ${request.baseUrl.replace(/\/$/, '')}${articlePath(variant.locale, request.articleId, variant.slug)}`
      : markdownPlainText(variant.body);
  await sql`insert into kb_suggestion_events (article_id, ticket_id, user_id, kind)
            values (${request.articleId}, ${request.ticketId}, ${request.userId}, 'inserted')`;
  return { text, articleId: request.articleId, locale: variant.locale };
}
