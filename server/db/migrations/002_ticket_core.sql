-- Ticket core: routing offers, waiting order, agent idle time, entry queues per channel.

-- When the ticket first started waiting (keeps its age through overflow) and when it entered its current queue.
alter table tickets add column queued_at timestamptz;
alter table tickets add column waiting_since timestamptz;
create index tickets_waiting on tickets (queue_id, queued_at)
  where assignee_id is null and status not in ('resolved', 'closed');

-- Longest idle: the later of becoming available and the last offer made to the agent.
alter table users add column last_offered_at timestamptz;

-- The queue a new contact of each channel enters when nothing (IVR choice, rule) picks another.
alter table queues add column entry_for_channels text[] not null default '{}'
  check (entry_for_channels <@ array['voice', 'sms', 'email']::text[]);

-- A reservation: the ticket is held for one agent until they accept, reject, or the offer expires.
create table offers (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets(id) on delete cascade,
  agent_id uuid not null references users(id) on delete cascade,
  queue_id uuid references queues(id) on delete set null,
  channel text not null check (channel in ('voice', 'sms', 'email')),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected', 'timed_out', 'canceled')),
  offered_at timestamptz not null default now(),
  expires_at timestamptz not null,
  responded_at timestamptz
);
-- The guarantee routing relies on: a ticket is never offered to two agents at once.
create unique index offers_one_pending_per_ticket on offers (ticket_id) where status = 'pending';
create index offers_agent_pending on offers (agent_id) where status = 'pending';
create index offers_ticket on offers (ticket_id, offered_at);
create index offers_expiring on offers (expires_at) where status = 'pending';
