-- Knowledge base search in two steps (knowledge-base/search/searchArticles.ts): the title's words apart from the
-- body's, with their own GIN index, so a search first takes a bounded set of articles whose title matches (and only
-- when too few do, articles whose body matches) and ranks and highlights only those. Ranking every article a common
-- word matches grows with the whole knowledge base; this does not.
-- Derived from search_vector (its weight-A lexemes: the title's), so every save keeps it right with no code of its own.
alter table kb_article_variants
  add column title_vector tsvector generated always as (ts_filter(search_vector, '{a}')) stored;
create index kb_article_variants_title_search on kb_article_variants using gin (title_vector);

-- The articles a reply carries, named when the agent queues it; each is logged `sent` in kb_suggestion_events only
-- once the reply is sent (knowledge-base/usage/replyArticles.ts): a reply that fails never counts.
create table kb_reply_articles (
  message_id uuid not null references messages(id) on delete cascade,
  article_id uuid not null references kb_articles(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  primary key (message_id, article_id)
);
create index kb_reply_articles_article on kb_reply_articles (article_id);
