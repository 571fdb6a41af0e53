-- The knowledge base (knowledge-base/): categories, articles with one variant per locale, a revision for every save,
-- attachments, who may write and publish, and what the help center and the suggestions were used for.

-- Typo-tolerant title search when no word matches exactly.
create extension if not exists pg_trgm;

create table kb_categories (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  position int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table kb_category_names (
  category_id uuid not null references kb_categories(id) on delete cascade,
  locale text not null check (locale in ('en', 'zh-CN')),
  name text not null check (length(trim(name)) > 0),
  description text not null default '',
  primary key (category_id, locale)
);

-- The state is the article's, for all its locales. `published` with a future publish_at is scheduled: every reader
-- asks `publish_at <= now()`, so it goes live at that moment without a job.
create table kb_articles (
  id uuid primary key default gen_random_uuid(),
  category_id uuid references kb_categories(id) on delete set null,
  state text not null default 'draft' check (state in ('draft', 'internal', 'published', 'archived')),
  publish_at timestamptz,
  tags text[] not null default '{}',
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index kb_articles_category on kb_articles (category_id);
create index kb_articles_tags on kb_articles using gin (tags);

create table kb_article_variants (
  article_id uuid not null references kb_articles(id) on delete cascade,
  locale text not null check (locale in ('en', 'zh-CN')),
  title text not null check (length(trim(title)) > 0),
  body text not null,
  slug text not null,
  -- Title (weight A) and body (B), each both English-stemmed and as segmented words (Chinese cut by jieba).
  search_vector tsvector not null,
  -- The body as plain text with Chinese words spaced apart, for ts_headline snippets (knowledge-base/search).
  snippet_text text not null,
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (article_id, locale)
);
create index kb_article_variants_search on kb_article_variants using gin (search_vector);
create index kb_article_variants_title_trgm on kb_article_variants using gin (title gin_trgm_ops);

create table kb_revisions (
  id bigint generated always as identity primary key,
  article_id uuid not null references kb_articles(id) on delete cascade,
  locale text not null check (locale in ('en', 'zh-CN')),
  title text not null,
  body text not null,
  author_user_id uuid references users(id) on delete set null,
  restored_from_id bigint references kb_revisions(id) on delete set null,
  created_at timestamptz not null default now()
);
create index kb_revisions_article on kb_revisions (article_id, locale, id desc);

-- Files attached to an article, copied from the writer's upload (the bytes stay in the file store).
create table kb_attachments (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null references kb_articles(id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  location text not null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index kb_attachments_article on kb_attachments (article_id);

-- Who may write and who may publish, granted by admins (admins themselves may do both).
create table kb_editors (
  user_id uuid primary key references users(id) on delete cascade,
  role text not null check (role in ('writer', 'approver')),
  granted_by uuid references users(id) on delete set null,
  granted_at timestamptz not null default now()
);

-- Usage, for the supervisors' stats.
create table kb_article_views (
  id bigint generated always as identity primary key,
  article_id uuid not null references kb_articles(id) on delete cascade,
  locale text not null,
  at timestamptz not null default now()
);
create index kb_article_views_at on kb_article_views (at, article_id);

create table kb_votes (
  id bigint generated always as identity primary key,
  article_id uuid not null references kb_articles(id) on delete cascade,
  locale text not null,
  helpful boolean not null,
  at timestamptz not null default now()
);
create index kb_votes_at on kb_votes (at, article_id);

create table kb_searches (
  id bigint generated always as identity primary key,
  query text not null,
  locale text,
  -- help: the public help center; console: an agent's search.
  source text not null check (source in ('help', 'console')),
  result_count int not null,
  at timestamptz not null default now()
);
create index kb_searches_at on kb_searches (at) where result_count = 0;

create table kb_suggestion_events (
  id bigint generated always as identity primary key,
  article_id uuid not null references kb_articles(id) on delete cascade,
  ticket_id uuid not null references tickets(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  kind text not null check (kind in ('shown', 'inserted', 'sent')),
  -- The reply that carried it, for `sent`.
  message_id uuid references messages(id) on delete set null,
  at timestamptz not null default now()
);
create index kb_suggestion_events_at on kb_suggestion_events (at, kind);
create index kb_suggestion_events_ticket on kb_suggestion_events (ticket_id) where kind = 'sent';
