-- Ticket views and search, tags, reply templates and signatures (issue 15).

-- Search. The server cuts text into words (jieba, so Chinese is split too: server/search/segmentWords.ts) and
-- stores to_tsvector('simple', words): of each message (its subject and body) and of each ticket's subject.
-- Null means "not indexed yet": rows written by paths that do not index, and every row that existed before this
-- migration, are indexed by the server's search indexer (server/search/searchIndexer.ts).
alter table tickets add column search_vector tsvector;
alter table messages add column search_vector tsvector;
create index tickets_search on tickets using gin (search_vector);
create index messages_search on messages using gin (search_vector);
create index tickets_unindexed on tickets (created_at) where search_vector is null;
create index messages_unindexed on messages (created_at) where search_vector is null;

-- A text changed by a statement that did not also write its vector: the old vector is stale, so it is dropped and
-- the indexer makes a new one.
create function drop_stale_search_vector() returns trigger language plpgsql as $$
begin
  if new.search_vector is not distinct from old.search_vector then
    new.search_vector := null;
  end if;
  return new;
end $$;
create trigger messages_search_vector_stale before update of subject, body_text on messages
  for each row when (old.subject is distinct from new.subject or old.body_text is distinct from new.body_text)
  execute function drop_stale_search_vector();
create trigger tickets_search_vector_stale before update of subject on tickets
  for each row when (old.subject is distinct from new.subject)
  execute function drop_stale_search_vector();

-- Views list newest activity first, and filter by creation date.
create index tickets_activity on tickets (updated_at desc, number desc);
create index tickets_created on tickets (created_at);

-- Tags on tickets. Names are unique whatever their case; supervisors and admins keep the list, agents put them on.
create table tags (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) between 1 and 50),
  color text check (color ~ '^#[0-9a-f]{6}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index tags_name on tags (lower(name));

create table ticket_tags (
  ticket_id uuid not null references tickets(id) on delete cascade,
  tag_id uuid not null references tags(id) on delete cascade,
  added_by_user_id uuid references users(id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (ticket_id, tag_id)
);
create index ticket_tags_tag on ticket_tags (tag_id);

-- Reply templates: an agent's own (personal), a team's, or everyone's (global); one body per locale.
create table reply_templates (
  id uuid primary key default gen_random_uuid(),
  scope text not null check (scope in ('personal', 'team', 'global')),
  owner_user_id uuid references users(id) on delete cascade,
  team_id uuid references teams(id) on delete cascade,
  name text not null check (length(trim(name)) between 1 and 200),
  -- Typed after `/` in the composer.
  shortcut text check (shortcut ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  keywords text[] not null default '{}',
  -- Segmented words of the keywords and name, and of the bodies: what suggestions match a customer's message on.
  keyword_words text[] not null default '{}',
  body_words text[] not null default '{}',
  usage_count int not null default 0,
  last_used_at timestamptz,
  created_by_user_id uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((scope = 'personal') = (owner_user_id is not null)),
  check ((scope = 'team') = (team_id is not null))
);
-- One shortcut per owner: per agent, per team, and once among the global templates.
create unique index reply_templates_shortcut
  on reply_templates (scope, coalesce(owner_user_id, team_id, '00000000-0000-0000-0000-000000000000'), shortcut)
  where shortcut is not null;
create index reply_templates_owner on reply_templates (owner_user_id) where owner_user_id is not null;
create index reply_templates_team on reply_templates (team_id) where team_id is not null;

create table reply_template_variants (
  template_id uuid not null references reply_templates(id) on delete cascade,
  locale text not null check (locale in ('en', 'zh-CN')),
  body text not null check (length(body) between 1 and 20000),
  primary key (template_id, locale)
);

-- The template a reply was written from, for its usage count.
alter table messages add column template_id uuid references reply_templates(id) on delete set null;

-- Signatures under email replies: the agent's, then the mailbox's.
alter table users add column signature text not null default '' check (length(signature) <= 2000);
alter table mailboxes add column signature text not null default '' check (length(signature) <= 2000);
