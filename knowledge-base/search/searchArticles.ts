import { articlePath, visibleTo, type Audience } from '../articles/articleVisibility';
import type { KbLocale, KbQuery } from '../db';
import { articleQuery } from './articleQuery';
import { MARK_END, MARK_START } from './articleSearchVector';
import { escapeHtml } from './escapeHtml';
import { joinSpacedWords } from './segmentWords';

export interface ArticleHit {
  articleId: string;
  locale: KbLocale;
  title: string;
  state: 'draft' | 'internal' | 'published' | 'archived';
  isPublic: boolean;
  /** Escaped text, matches in <mark>. */
  snippetHtml: string;
  rank: number;
  path: string;
}

export interface SearchOptions {
  q: string;
  audience: Audience;
  locale?: KbLocale;
  limit?: number;
  /** all: every word must match (a search box); any: ranked by how many match (a customer's message). */
  match?: 'all' | 'any';
  /** false: no similar-title fallback when no word matches (suggestions: one statement, nothing guessed). */
  fuzzy?: boolean;
  /** Logged for the stats (searches without a result are what to write next). */
  logAs?: 'help' | 'console';
}

interface HitRow {
  articleId: string;
  locale: KbLocale;
  title: string;
  slug: string;
  state: ArticleHit['state'];
  isPublic: boolean;
  rank: number;
  headline: string;
}

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const IS_PUBLIC = "a.state = 'published' and (a.publish_at is null or a.publish_at <= now())";

/**
 * How many matching articles one search ranks at most, from each of two sets: those whose title matches and those
 * whose body does. A common word matches most of a large knowledge base, and reading and ranking every match is what
 * made a search slow. When enough titles match, the body-only matches are not even looked up (see `enoughTitles`).
 */
const CANDIDATES = 100;

/**
 * Articles matching what was typed, best first: full-text (title above body, Chinese segmented, English stemmed),
 * and when no word matches, similar titles (pg_trgm) for typos (unless `fuzzy: false`).
 */
export async function searchArticles(sql: KbQuery, options: SearchOptions) {
  const { q, audience, locale, limit = 10, match = 'all' } = options;
  const query = articleQuery(sql, q, match);
  let rows: HitRow[] = [];
  let fuzzy = false;
  if (query) {
    rows = await rankedMatches(sql, query.tsquery, match, audience, locale, limit);
    if (!rows.length && options.fuzzy !== false) {
      fuzzy = true;
      rows = await similarTitles(sql, query.words, audience, locale, limit);
    }
  }
  if (options.logAs)
    await sql`insert into kb_searches (query, locale, source, result_count)
              values (${q.trim().slice(0, 200)}, ${locale ?? null}, ${options.logAs}, ${rows.length})`;
  return { words: query?.words ?? [], fuzzy, hits: rows.map(toHit) };
}

// One statement in two steps. First the candidates, found through the GIN indexes and read no further than a bounded
// number: articles whose title matches (title_vector), then, unless those are plenty, articles whose body does
// (search_vector). Then ts_rank over the whole vector (title weighted above body) for the candidates only, and
// ts_headline for the hits only.
function rankedMatches(
  sql: KbQuery,
  tsquery: NonNullable<ReturnType<typeof articleQuery>>['tsquery'],
  match: 'all' | 'any',
  audience: Audience,
  locale: KbLocale | undefined,
  limit: number,
) {
  const candidates = Math.max(CANDIDATES, limit);
  // Where every word must match, an article with all of them in its title outranks one with any of them only in its
  // body, so `limit` such titles are enough. Where any word may match, more words in a body can outrank fewer in a
  // title: the body matches are looked up unless the titles alone fill the candidates.
  const enoughTitles = match === 'all' ? limit : candidates;
  const readable = sql`${visibleTo(sql, audience)} ${locale ? sql`and v.locale = ${locale}` : sql``}`;
  const hit = sql`
    select v.article_id, v.locale, v.title, v.slug, v.snippet_text, a.state, ${sql.unsafe(IS_PUBLIC)} as is_public,
      ts_rank(v.search_vector, query.q) as rank
    from query, kb_article_variants v join kb_articles a on a.id = v.article_id`;
  return sql<HitRow[]>`
    with query as (select ${tsquery} as q),
    title_hits as (${hit} where v.title_vector @@ query.q and ${readable} limit ${candidates}),
    body_hits as (
      ${hit} where v.search_vector @@ query.q and not v.title_vector @@ query.q and ${readable}
      limit case when (select count(*) from title_hits) >= ${enoughTitles} then 0 else ${candidates} end),
    top as (
      select * from title_hits union all select * from body_hits
      order by rank desc, article_id, locale
      limit ${limit})
    select article_id, locale, title, slug, state, is_public, rank,
      ts_headline('english', snippet_text, (select q from query), ${HEADLINE}) as headline
    from top order by rank desc, article_id, locale`;
}

// Titles holding a word a few letters off a word typed (word_similarity; each word's test uses the title's trigram
// index), ranked by the closest.
// pg_trgm's default (0.6) misses one wrong letter in a short word (refnd: 0.5); 0.4 still keeps unrelated words out.
const WORD_SIMILARITY = 0.4;

async function similarTitles(
  sql: KbQuery,
  words: string[],
  audience: Audience,
  locale: KbLocale | undefined,
  limit: number,
): Promise<HitRow[]> {
  if ('begin' in sql) return (await sql.begin((tx) => similarTitles(tx, words, audience, locale, limit))) as HitRow[];
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`;
  const typed = words.slice(0, 8);
  const near = typed.map((w) => sql`${w} <% v.title`).reduce((any, one) => sql`${any} or ${one}`);
  return sql<HitRow[]>`
    select v.article_id, v.locale, v.title, v.slug, a.state, ${sql.unsafe(IS_PUBLIC)} as is_public,
      (select max(word_similarity(w, v.title)) from unnest(${typed}::text[]) w) as rank, left(v.snippet_text, 200) as headline
    from kb_article_variants v join kb_articles a on a.id = v.article_id
    where (${near}) and ${visibleTo(sql, audience)} ${locale ? sql`and v.locale = ${locale}` : sql``}
    order by rank desc, v.article_id, v.locale
    limit ${limit}`;
}

/** The headline escaped first, then its sentinels turned into <mark>: nothing of the article's text is markup. */
export const snippetHtml = (headline: string) =>
  escapeHtml(joinSpacedWords(headline)).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');

function toHit(row: HitRow): ArticleHit {
  return {
    articleId: row.articleId,
    locale: row.locale,
    title: row.title,
    state: row.state,
    isPublic: row.isPublic,
    snippetHtml: snippetHtml(row.headline),
    rank: Number(row.rank),
    path: articlePath(row.locale, row.articleId, row.slug),
  };
}
