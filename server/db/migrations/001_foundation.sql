-- Foundation data model: people, skills, queues, customers, tickets, messages, calls, callbacks, audit.
-- Later features add their own migrations; never edit this file once applied.

create table teams (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(trim(name)) > 0),
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (email = lower(email) and email like '%_@_%'),
  name text not null check (length(trim(name)) > 0),
  role text not null check (role in ('agent', 'supervisor', 'admin')),
  password_hash text not null,
  locale text not null default 'en' check (locale in ('en', 'zh-CN')),
  -- Per-channel capacity: how many contacts of each channel the agent works at once.
  capacity_voice int not null default 1 check (capacity_voice >= 0),
  capacity_sms int not null default 3 check (capacity_sms >= 0),
  capacity_email int not null default 5 check (capacity_email >= 0),
  -- The agent's own phone, for taking calls outside the browser (E.164).
  phone_number text check (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
  presence text not null default 'offline' check (presence in ('available', 'busy', 'away', 'offline')),
  presence_changed_at timestamptz not null default now(),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Every presence change, for time-in-state reports.
create table presence_events (
  id bigserial primary key,
  user_id uuid not null references users(id) on delete cascade,
  presence text not null check (presence in ('available', 'busy', 'away', 'offline')),
  reason text not null,
  at timestamptz not null default now()
);
create index presence_events_user_at on presence_events (user_id, at);

-- Membership: agents of a team, and the supervisors who watch it.
create table team_members (
  team_id uuid not null references teams(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  primary key (team_id, user_id)
);
create index team_members_user on team_members (user_id);

create table sessions (
  -- SHA-256 of the cookie token: a leaked table does not leak usable sessions.
  id text primary key,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text,
  ip text
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

create table skills (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (name ~ '^[a-z0-9][a-z0-9_-]*$'),
  label text not null
);

create table agent_skills (
  user_id uuid not null references users(id) on delete cascade,
  skill_id uuid not null references skills(id) on delete cascade,
  primary key (user_id, skill_id)
);

create table business_hours (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  timezone text not null
);

-- Open intervals per weekday (0 = Sunday … 6 = Saturday) in the schedule's time zone.
create table business_hours_intervals (
  business_hours_id uuid not null references business_hours(id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  opens time not null,
  closes time not null check (closes > opens),
  primary key (business_hours_id, weekday, opens)
);

create table business_hours_holidays (
  business_hours_id uuid not null references business_hours(id) on delete cascade,
  day date not null,
  name text not null,
  primary key (business_hours_id, day)
);

create table queues (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(trim(name)) > 0),
  team_id uuid references teams(id) on delete set null,
  business_hours_id uuid references business_hours(id) on delete set null,
  -- When no eligible agent has been found for overflow_after_seconds, tickets move to the overflow queue.
  overflow_queue_id uuid references queues(id) on delete set null check (overflow_queue_id <> id),
  overflow_after_seconds int check (overflow_after_seconds > 0),
  created_at timestamptz not null default now(),
  check ((overflow_queue_id is null) = (overflow_after_seconds is null))
);

create table queue_skills (
  queue_id uuid not null references queues(id) on delete cascade,
  skill_id uuid not null references skills(id) on delete cascade,
  primary key (queue_id, skill_id)
);

create table customers (
  id uuid primary key default gen_random_uuid(),
  name text,
  company text,
  notes text not null default '',
  tags text[] not null default '{}',
  -- Set when this customer was merged into another; the survivor holds its identities and tickets.
  merged_into_id uuid references customers(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- How a customer is recognised on a channel: phones in E.164, emails lowercased. One identity, one customer.
create table customer_identities (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers(id) on delete cascade,
  kind text not null check (kind in ('phone', 'email')),
  value text not null,
  created_at timestamptz not null default now(),
  unique (kind, value),
  check (kind <> 'phone' or value ~ '^\+[1-9][0-9]{6,14}$'),
  check (kind <> 'email' or (value = lower(value) and value like '%_@_%'))
);
create index customer_identities_customer on customer_identities (customer_id);

create table tickets (
  id uuid primary key default gen_random_uuid(),
  number bigint generated always as identity unique,
  customer_id uuid not null references customers(id),
  channel text not null check (channel in ('voice', 'sms', 'email')),
  subject text not null default '',
  status text not null default 'new' check (status in ('new', 'open', 'pending', 'resolved', 'closed')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  type text check (type in ('consult', 'suggestion', 'complaint')),
  queue_id uuid references queues(id) on delete set null,
  assignee_id uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  resolved_at timestamptz,
  closed_at timestamptz
);
create index tickets_customer on tickets (customer_id);
create index tickets_assignee_open on tickets (assignee_id) where status not in ('resolved', 'closed');
create index tickets_queue_open on tickets (queue_id) where status not in ('resolved', 'closed');

create table messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets(id) on delete cascade,
  channel text not null check (channel in ('voice', 'sms', 'email', 'note')),
  direction text not null check (direction in ('inbound', 'outbound', 'internal')),
  author_user_id uuid references users(id) on delete set null,
  -- The provider's id (Twilio MessageSid, email Message-ID): a redelivery finds the stored row.
  provider_id text,
  status text not null default 'received'
    check (status in ('received', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed')),
  error_code text,
  error_message text,
  from_address text,
  to_address text,
  subject text,
  body_text text not null default '',
  body_html text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (channel, provider_id)
);
create index messages_ticket on messages (ticket_id, created_at);

create table message_attachments (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references messages(id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  -- Where the bytes are: a path under the data folder, or the provider's media URL.
  location text not null,
  created_at timestamptz not null default now()
);
create index message_attachments_message on message_attachments (message_id);

create table calls (
  id uuid primary key default gen_random_uuid(),
  call_sid text not null unique,
  ticket_id uuid references tickets(id) on delete set null,
  customer_id uuid references customers(id),
  direction text not null check (direction in ('inbound', 'outbound')),
  from_number text not null,
  to_number text not null,
  status text not null default 'initiated'
    check (status in ('queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled')),
  ivr_path text[] not null default '{}',
  queue_id uuid references queues(id) on delete set null,
  agent_id uuid references users(id) on delete set null,
  enqueued_at timestamptz,
  answered_at timestamptz,
  ended_at timestamptz,
  wait_seconds int,
  talk_seconds int,
  recording_sid text,
  recording_url text,
  abandoned boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index calls_agent_created on calls (agent_id, created_at);

create table callbacks (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid references customers(id),
  ticket_id uuid references tickets(id) on delete set null,
  origin_call_id uuid references calls(id) on delete set null,
  queue_id uuid references queues(id) on delete set null,
  phone_number text not null check (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
  -- Keeps the caller's place: routing orders a callback by when they first joined the queue.
  queued_since timestamptz not null default now(),
  due_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'offered', 'dialing', 'completed', 'failed', 'canceled')),
  attempts int not null default 0,
  max_attempts int not null default 3 check (max_attempts > 0),
  requested_by_user_id uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index callbacks_due on callbacks (due_at) where status in ('pending', 'offered');

create table callback_attempts (
  id uuid primary key default gen_random_uuid(),
  callback_id uuid not null references callbacks(id) on delete cascade,
  attempt int not null,
  agent_id uuid references users(id) on delete set null,
  call_sid text unique,
  outcome text check (outcome in ('completed', 'busy', 'no-answer', 'failed', 'canceled')),
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  unique (callback_id, attempt)
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_user_id uuid references users(id) on delete set null,
  actor_kind text not null check (actor_kind in ('user', 'system', 'customer')),
  action text not null,
  entity_type text not null,
  entity_id text not null,
  data jsonb not null default '{}'
);
create index audit_log_entity on audit_log (entity_type, entity_id, at);

-- One-off data steps (the demo seed) that must run once per database.
create table seed_runs (
  name text primary key,
  applied_at timestamptz not null default now()
);
