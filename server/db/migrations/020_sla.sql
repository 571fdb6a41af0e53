-- SLA policies, the clocks each ticket runs against them, and the alarm sends they cause (issue 16).

-- "Waiting on customer" pauses a ticket's SLA clocks until the customer writes again.
alter table tickets drop constraint tickets_status_check;
alter table tickets add constraint tickets_status_check
  check (status in ('new', 'open', 'pending', 'waiting_on_customer', 'resolved', 'closed'));

-- Targets are business minutes on the ticket's queue's business hours (24/7 without one). The first enabled policy,
-- by position, whose non-empty match lists all match the ticket applies.
create table sla_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  position int not null,
  enabled boolean not null default true,
  queue_ids uuid[] not null default '{}',
  priorities text[] not null default '{}',
  channels text[] not null default '{}',
  customer_tags text[] not null default '{}',
  first_response_minutes int check (first_response_minutes > 0),
  next_response_minutes int check (next_response_minutes > 0),
  resolution_minutes int check (resolution_minutes > 0),
  warn_minutes_before int check (warn_minutes_before > 0),
  warn_percent_used int check (warn_percent_used between 1 and 99),
  -- { start: 'HH:MM', end: 'HH:MM', timezone }: alarm SMS and email wait until it ends.
  quiet_hours jsonb,
  sms_recipients text[] not null default '{}',
  email_recipients text[] not null default '{}',
  -- { afterMinutes, action, queueId, smsRecipients, emailRecipients }
  escalation jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table tickets add column sla_policy_id uuid references sla_policies(id) on delete set null;

-- One row per clock and cycle. While running, running_since is set and due_at/warn_at are the instants it breaches
-- and warns (business time added to running_since); paused, both are null and used_minutes keeps what was used.
-- warned_at / breached_at / escalated_at are set by a conditional update when the event fires: each fires once.
create table sla_clocks (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets(id) on delete cascade,
  target text not null check (target in ('first_response', 'next_response', 'resolution')),
  cycle int not null default 1,
  policy_id uuid references sla_policies(id) on delete set null,
  target_minutes int not null check (target_minutes > 0),
  started_at timestamptz not null,
  used_minutes double precision not null default 0,
  running_since timestamptz,
  paused boolean not null default false,
  warn_at timestamptz,
  due_at timestamptz,
  -- The policy's escalation step: due_at plus its afterMinutes (wall-clock), when the policy has one.
  escalate_at timestamptz,
  stopped_at timestamptz,
  result text check (result in ('met', 'breached')),
  warned_at timestamptz,
  breached_at timestamptz,
  escalated_at timestamptz,
  unique (ticket_id, target, cycle)
);
create index sla_clocks_running on sla_clocks (due_at) where stopped_at is null;
create index sla_clocks_ended on sla_clocks (stopped_at) where stopped_at is not null;

-- Outbound alarms are rows before they are sends: one per event, channel and recipient, sent once.
create table sla_alarm_sends (
  id uuid primary key default gen_random_uuid(),
  clock_id uuid not null references sla_clocks(id) on delete cascade,
  event text not null check (event in ('breach', 'escalation')),
  channel text not null check (channel in ('sms', 'email')),
  recipient text not null,
  body text not null,
  send_after timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  provider_id text,
  error_message text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (clock_id, event, channel, recipient)
);
create index sla_alarm_sends_pending on sla_alarm_sends (send_after) where status in ('pending', 'sending');
