import type { KbQuery } from '../db';

/**
 * What the knowledge base did for readers and agents between two times: views and votes per article, searches that
 * found nothing (what to write next), suggestions shown / inserted / sent, and tickets solved with an article.
 */
export async function knowledgeStats(sql: KbQuery, from: Date, to: Date) {
  const [totals] = await sql<Record<string, string>[]>`
    select
      (select count(*) from kb_article_views where at >= ${from} and at < ${to}) as views,
      (select count(*) filter (where helpful) from kb_votes where at >= ${from} and at < ${to}) as helpful,
      (select count(*) filter (where not helpful) from kb_votes where at >= ${from} and at < ${to}) as unhelpful,
      (select count(*) from kb_searches where at >= ${from} and at < ${to}) as searches,
      (select count(*) from kb_searches where at >= ${from} and at < ${to} and result_count = 0) as searches_without_result,
      (select count(*) from kb_suggestion_events where at >= ${from} and at < ${to} and kind = 'shown') as suggestions_shown,
      (select count(*) from kb_suggestion_events where at >= ${from} and at < ${to} and kind = 'inserted') as suggestions_inserted,
      (select count(*) from kb_suggestion_events where at >= ${from} and at < ${to} and kind = 'sent') as suggestions_sent,
      (select count(*) from tickets t where t.status in ('resolved', 'closed') and t.resolved_at >= ${from} and t.resolved_at < ${to}
         and exists (select 1 from kb_suggestion_events e where e.ticket_id = t.id and e.kind = 'sent')) as tickets_solved_with_article`;
  const articles = await sql<Record<string, string>[]>`
    with per_article as (
      select article_id,
        count(*) filter (where what = 'view') as views,
        count(*) filter (where what = 'helpful') as helpful,
        count(*) filter (where what = 'unhelpful') as unhelpful,
        count(*) filter (where what = 'shown') as suggestions_shown,
        count(*) filter (where what = 'inserted') as suggestions_inserted,
        count(*) filter (where what = 'sent') as suggestions_sent
      from (
        select article_id, 'view' as what from kb_article_views where at >= ${from} and at < ${to}
        union all select article_id, case when helpful then 'helpful' else 'unhelpful' end from kb_votes where at >= ${from} and at < ${to}
        union all select article_id, kind from kb_suggestion_events where at >= ${from} and at < ${to}
      ) events group by article_id)
    select p.*, coalesce((select title from kb_article_variants v where v.article_id = p.article_id order by v.locale = 'en' desc limit 1), '') as title
    from per_article p order by p.views desc, p.suggestions_sent desc, p.article_id limit 100`;
  const misses = await sql<{ query: string; locale: string | null; count: string; lastAt: Date }[]>`
    select lower(query) as query, locale, count(*) as count, max(at) as last_at
    from kb_searches where at >= ${from} and at < ${to} and result_count = 0
    group by lower(query), locale order by count(*) desc, max(at) desc limit 50`;
  const n = (v: string | undefined) => Number(v ?? 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    totals: {
      views: n(totals.views),
      helpful: n(totals.helpful),
      unhelpful: n(totals.unhelpful),
      searches: n(totals.searches),
      searchesWithoutResult: n(totals.searchesWithoutResult),
      suggestionsShown: n(totals.suggestionsShown),
      suggestionsInserted: n(totals.suggestionsInserted),
      suggestionsSent: n(totals.suggestionsSent),
      ticketsSolvedWithArticle: n(totals.ticketsSolvedWithArticle),
    },
    articles: articles.map((a) => ({
      articleId: a.articleId,
      title: a.title,
      views: n(a.views),
      helpful: n(a.helpful),
      unhelpful: n(a.unhelpful),
      suggestionsShown: n(a.suggestionsShown),
      suggestionsInserted: n(a.suggestionsInserted),
      suggestionsSent: n(a.suggestionsSent),
    })),
    searchesWithoutResult: misses.map((m) => ({
      query: m.query,
      locale: m.locale as 'en' | 'zh-CN' | null,
      count: n(m.count),
      lastAt: m.lastAt.toISOString(),
    })),
  };
}
