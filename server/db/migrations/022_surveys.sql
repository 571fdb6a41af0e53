-- Satisfaction surveys, return visits (回访) and customer health (issue 18).

-- Per queue: one document validated by server/surveys/surveySettings.ts. A queue without a row sends no survey.
create table survey_settings (
  queue_id uuid primary key references queues(id) on delete cascade,
  settings jsonb not null,
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now()
);

-- The language surveys reach the customer in, once known (else guessed from what they wrote).
alter table customers add column preferred_locale text check (preferred_locale in ('en', 'zh-CN'));

-- A survey is a row before it is a send: send_at is the deadline the delayed job fires at (the job is an
-- optimisation; the reconciler re-adds it from here). status moves scheduled → sent → answered, or ends
-- canceled / skipped / expired; the move to sent is one conditional update, so nothing goes out twice.
create table surveys (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets(id) on delete cascade,
  customer_id uuid not null references customers(id),
  queue_id uuid references queues(id) on delete set null,
  -- Credited when it goes out: the ticket's assignee then (the call's agent for a keypad survey).
  agent_id uuid references users(id) on delete set null,
  call_id uuid references calls(id) on delete set null,
  channel text not null check (channel in ('voice', 'sms', 'email')),
  origin text not null check (origin in ('resolve', 'call', 'return_visit')),
  scale text not null check (scale in ('csat', 'nps', 'ces')),
  locale text not null check (locale in ('en', 'zh-CN')),
  -- The queue's settings when it was made (questions, comment, thresholds): later edits do not change it.
  settings jsonb not null,
  status text not null default 'scheduled'
    check (status in ('scheduled', 'sent', 'answered', 'expired', 'canceled', 'skipped')),
  skip_reason text,
  -- Where the conversation is: the score, the second question, the comment, or done.
  step text not null default 'score' check (step in ('score', 'second', 'comment', 'done')),
  to_address text,
  -- The email link's secret (the link is the only way to the public page).
  public_token text unique,
  -- The ticket's resolved_at this survey is about: one survey per resolution.
  resolution_at timestamptz,
  send_at timestamptz not null,
  sent_at timestamptz,
  expires_at timestamptz,
  answered_at timestamptz,
  score int,
  second_answer boolean,
  comment text,
  comment_recording_url text,
  low_score boolean not null default false,
  message_id uuid references messages(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index surveys_one_per_resolution on surveys (ticket_id, resolution_at) where origin = 'resolve';
create unique index surveys_one_per_call on surveys (call_id) where call_id is not null;
create index surveys_scheduled on surveys (send_at) where status = 'scheduled';
create index surveys_awaiting_sms on surveys (to_address, sent_at) where channel = 'sms' and step <> 'done';
create index surveys_customer on surveys (customer_id, sent_at);
create index surveys_ticket on surveys (ticket_id, created_at);
create index surveys_sent on surveys (sent_at) where sent_at is not null;

-- Each inbound answer once, by its provider id (MessageSid, CallSid+step, form post): a retried webhook changes nothing.
create table survey_answers (
  provider_id text primary key,
  survey_id uuid not null references surveys(id) on delete cascade,
  step text not null,
  at timestamptz not null default now()
);

-- A follow-up on a resolved ticket: a callback, a follow-up ticket, or an SMS / email survey. Its outcome is read
-- from what it became (the callback, the ticket, the survey); canceled is the only state written later.
create table return_visits (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets(id) on delete cascade,
  customer_id uuid not null references customers(id),
  queue_id uuid references queues(id) on delete set null,
  method text not null check (method in ('callback', 'ticket', 'sms', 'email')),
  reason text not null check (reason in ('low_score', 'scheduled')),
  canceled_at timestamptz,
  note text not null default '',
  due_at timestamptz not null default now(),
  cause_survey_id uuid references surveys(id) on delete set null,
  callback_id uuid references callbacks(id) on delete set null,
  follow_up_ticket_id uuid references tickets(id) on delete set null,
  survey_id uuid references surveys(id) on delete set null,
  failure text,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index return_visits_one_per_cause on return_visits (cause_survey_id) where cause_survey_id is not null;
create index return_visits_ticket on return_visits (ticket_id);
create index return_visits_created on return_visits (created_at);

-- Customer health: the rules and weights (one document, server/health/healthSettings.ts), each customer's last
-- computed score (crossing the threshold is told once), and how far the sweep has looked.
create table health_settings (
  id boolean primary key default true check (id),
  settings jsonb not null,
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now()
);
create table customer_health (
  customer_id uuid primary key references customers(id) on delete cascade,
  score int not null,
  at_risk boolean not null,
  reasons jsonb not null,
  computed_at timestamptz not null default now()
);
create index customer_health_at_risk on customer_health (score) where at_risk;
create table health_sweeps (
  id boolean primary key default true check (id),
  swept_until timestamptz not null
);
create index tickets_updated on tickets (updated_at);

-- A caller who pressed the IVR's survey opt-in key (queues whose keypad survey is opt-in).
alter table calls add column survey_opt_in boolean not null default false;
