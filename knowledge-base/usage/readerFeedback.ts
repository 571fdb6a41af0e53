import type { KbLocale, KbQuery } from '../db';

/** A reader opened a live article on the help center. */
export async function logArticleView(sql: KbQuery, articleId: string, locale: KbLocale) {
  await sql`insert into kb_article_views (article_id, locale) values (${articleId}, ${locale})`;
}

/** "Was this helpful?" answered; false when the article is not live (nothing recorded). */
export async function recordVote(sql: KbQuery, articleId: string, locale: KbLocale, helpful: boolean) {
  const [row] = await sql`
    insert into kb_votes (article_id, locale, helpful)
    select a.id, ${locale}, ${helpful} from kb_articles a
    where a.id = ${articleId} and a.state = 'published' and (a.publish_at is null or a.publish_at <= now())
    returning id`;
  return !!row;
}
