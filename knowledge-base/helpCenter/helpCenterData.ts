import type { KbLocale, KbQuery } from '../db';

// Only live articles (published, publish_at passed) ever leave this file: the help center has no other source.
const LIVE = "a.state = 'published' and (a.publish_at is null or a.publish_at <= now())";

export interface LiveArticle {
  id: string;
  locale: KbLocale;
  title: string;
  body: string;
  slug: string;
  snippetText: string;
  updatedAt: Date;
  categoryId: string | null;
  /** The other locales it is live in, with their slugs (hreflang alternates). */
  alternates: { locale: KbLocale; slug: string }[];
}

export async function findLiveArticle(sql: KbQuery, id: string, locale: KbLocale): Promise<LiveArticle | null> {
  const [row] = await sql<LiveArticle[]>`
    select a.id, v.locale, v.title, v.body, v.slug, v.snippet_text, greatest(a.updated_at, v.updated_at) as updated_at,
      a.category_id,
      (select json_agg(json_build_object('locale', o.locale, 'slug', o.slug) order by o.locale)
         from kb_article_variants o where o.article_id = a.id) as alternates
    from kb_articles a join kb_article_variants v on v.article_id = a.id and v.locale = ${locale}
    where a.id = ${id} and ${sql.unsafe(LIVE)}`;
  return row ?? null;
}

export interface ArticleLink {
  id: string;
  title: string;
  slug: string;
  updatedAt: Date;
}

/** Live articles in a locale (of one category, if given), most recently changed first. */
export const listLiveArticles = (sql: KbQuery, locale: KbLocale, categoryId?: string | null, limit = 200) => sql<
  ArticleLink[]
>`
  select a.id, v.title, v.slug, greatest(a.updated_at, v.updated_at) as updated_at
  from kb_articles a join kb_article_variants v on v.article_id = a.id and v.locale = ${locale}
  where ${sql.unsafe(LIVE)} ${categoryId === undefined ? sql`` : categoryId === null ? sql`and a.category_id is null` : sql`and a.category_id = ${categoryId}`}
  order by greatest(a.updated_at, v.updated_at) desc, a.id limit ${limit}`;

/** Every live article of a locale with its alternates, for the sitemap (at most 50,000 URLs per sitemap). */
export const sitemapEntries = (sql: KbQuery, locale: KbLocale) => sql<
  (ArticleLink & { alternates: { locale: KbLocale; slug: string }[] })[]
>`
  select a.id, v.title, v.slug, greatest(a.updated_at, v.updated_at) as updated_at,
    (select json_agg(json_build_object('locale', o.locale, 'slug', o.slug) order by o.locale)
       from kb_article_variants o where o.article_id = a.id) as alternates
  from kb_articles a join kb_article_variants v on v.article_id = a.id and v.locale = ${locale}
  where ${sql.unsafe(LIVE)} order by a.id limit 50000`;
