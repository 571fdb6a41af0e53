-- SMS: opt-out state per number, keyword requests, and the built-in simulator's phones.

-- Set when the number texted STOP (or Twilio refused a send with 21610); cleared by START.
alter table customer_identities add column sms_opted_out_at timestamptz;

-- Every STOP / START / HELP received, once per MessageSid.
create table sms_keyword_events (
  id bigserial primary key,
  phone text not null,
  keyword text not null check (keyword in ('stop', 'start', 'help')),
  message_sid text not null unique,
  at timestamptz not null default now()
);
create index sms_keyword_events_phone on sms_keyword_events (phone, at);

-- Secrets the deployment makes for itself once (the simulator's webhook signing token).
create table app_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

-- The simulator's side of the conversation: what simulated phones sent, and what the fake Messages API accepted for them.
create table simulator_messages (
  id bigserial primary key,
  sid text not null unique,
  phone text not null,
  company_number text not null,
  direction text not null check (direction in ('from_phone', 'to_phone')),
  body text not null,
  status text not null,
  error_code text,
  status_callback text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index simulator_messages_phone on simulator_messages (phone, created_at);
