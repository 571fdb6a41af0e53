import type { KbLocale, KbQuery } from '../db';
import { searchArticles } from '../search/searchArticles';
import type { ArticleState } from './articleCommands';
import { articlePath, visibleTo, type Audience } from './articleVisibility';

type Person = { id: string; name: string } | null;

export interface ArticleSummary {
  id: string;
  state: ArticleState;
  publishAt: string | null;
  isLive: boolean;
  categoryId: string | null;
  tags: string[];
  titles: Partial<Record<KbLocale, string>>;
  locales: KbLocale[];
  updatedAt: string;
}

export interface ArticleView extends ArticleSummary {
  variants: {
    locale: KbLocale;
    title: string;
    body: string;
    slug: string;
    publicUrl: string;
    updatedAt: string;
    updatedBy: Person;
    revisionCount: number;
  }[];
  attachments: {
    id: string;
    filename: string;
    contentType: string;
    sizeBytes: number;
    url: string;
    isImage: boolean;
  }[];
  createdAt: string;
  createdBy: Person;
}

export interface ArticleFilter {
  q?: string;
  state?: ArticleState;
  categoryId?: string;
  tag?: string;
  locale?: KbLocale;
  limit?: number;
}

interface SummaryRow {
  id: string;
  state: ArticleState;
  publishAt: Date | null;
  isLive: boolean;
  categoryId: string | null;
  tags: string[];
  titles: Record<string, string> | null;
  updatedAt: Date;
}

const summaryColumns = (sql: KbQuery) => sql`
  a.id, a.state, a.publish_at, a.category_id, a.tags, a.updated_at,
  a.state = 'published' and (a.publish_at is null or a.publish_at <= now()) as is_live,
  (select json_object_agg(v.locale, v.title) from kb_article_variants v where v.article_id = a.id) as titles`;

/** The articles this audience may read, newest change first; with q, those matching it, best first. */
export async function listArticles(sql: KbQuery, audience: Audience, filter: ArticleFilter): Promise<ArticleSummary[]> {
  const limit = filter.limit ?? 50;
  let ids: string[] | null = null;
  if (filter.q?.trim()) {
    const found = await searchArticles(sql, { q: filter.q, audience, locale: filter.locale, limit: limit * 2 });
    ids = [...new Set(found.hits.map((h) => h.articleId))];
  }
  const rows = await sql<SummaryRow[]>`
    select ${summaryColumns(sql)} from kb_articles a
    where ${visibleTo(sql, audience)}
      ${ids ? sql`and a.id = any(${ids}::uuid[])` : sql``}
      ${filter.state ? sql`and a.state = ${filter.state}` : sql``}
      ${filter.categoryId ? sql`and a.category_id = ${filter.categoryId}` : sql``}
      ${filter.tag ? sql`and ${filter.tag.toLowerCase()} = any(a.tags)` : sql``}
      ${filter.locale ? sql`and exists (select 1 from kb_article_variants v where v.article_id = a.id and v.locale = ${filter.locale})` : sql``}
    order by a.updated_at desc, a.id limit ${limit}`;
  const summaries = rows.map(toSummary);
  // Search order (best first) when searched.
  return ids ? summaries.sort((x, y) => ids.indexOf(x.id) - ids.indexOf(y.id)) : summaries;
}

/** One article with its variants and attachments, if this audience may read it. */
export async function findArticle(sql: KbQuery, audience: Audience, id: string): Promise<ArticleView | null> {
  const [row] = await sql<(SummaryRow & { createdAt: Date; createdBy: Person })[]>`
    select ${summaryColumns(sql)}, a.created_at,
      (select json_build_object('id', u.id, 'name', u.name) from users u where u.id = a.created_by) as created_by
    from kb_articles a where a.id = ${id} and ${visibleTo(sql, audience)}`;
  if (!row) return null;
  const [variants, attachments] = await Promise.all([
    sql<(Omit<ArticleView['variants'][number], 'publicUrl' | 'updatedAt'> & { updatedAt: Date })[]>`
      select v.locale, v.title, v.body, v.slug, v.updated_at,
        (select json_build_object('id', u.id, 'name', u.name) from users u where u.id = v.updated_by) as updated_by,
        (select count(*)::int from kb_revisions r where r.article_id = v.article_id and r.locale = v.locale) as revision_count
      from kb_article_variants v where v.article_id = ${id} order by v.locale`,
    sql<{ id: string; filename: string; contentType: string; sizeBytes: string }[]>`
      select id, filename, content_type, size_bytes from kb_attachments where article_id = ${id} order by created_at, id`,
  ]);
  return {
    ...toSummary(row),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    variants: variants.map((v) => ({
      ...v,
      publicUrl: articlePath(v.locale, id, v.slug),
      updatedAt: v.updatedAt.toISOString(),
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      sizeBytes: Number(a.sizeBytes),
      url: attachmentPath(a.id, a.filename),
      isImage: a.contentType.startsWith('image/'),
    })),
  };
}

export const attachmentPath = (id: string, filename: string) => `/help/files/${id}/${encodeURIComponent(filename)}`;

function toSummary(row: SummaryRow): ArticleSummary {
  const titles = (row.titles ?? {}) as Partial<Record<KbLocale, string>>;
  return {
    id: row.id,
    state: row.state,
    publishAt: row.publishAt?.toISOString() ?? null,
    isLive: row.isLive,
    categoryId: row.categoryId,
    tags: row.tags,
    titles,
    locales: Object.keys(titles).sort() as KbLocale[],
    updatedAt: row.updatedAt.toISOString(),
  };
}
