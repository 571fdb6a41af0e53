-- Routing engine: pops acknowledged by the console, blending per queue, waiting order served by an index.

-- When the agent's console acknowledged the screen pop. An offer left unacknowledged never reached the agent:
-- it is withdrawn ('unseen') and offered again, and nobody is set away for it.
alter table offers add column seen_at timestamptz;
alter table offers drop constraint offers_status_check;
alter table offers add constraint offers_status_check
  check (status in ('pending', 'accepted', 'rejected', 'timed_out', 'canceled', 'unseen'));
create index offers_unseen on offers (offered_at) where status = 'pending' and seen_at is null;

-- Blending: by default an agent on a call (ringing, talking, after-call work) is offered nothing else. A queue
-- may allow its SMS and email tickets to be offered to agents during a call.
alter table queues add column blend_with_calls boolean not null default false;

-- The routing pass reads waiting tickets in serving order; this keeps that read proportional to what it returns.
create index tickets_routing_order on tickets (
  (case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end), queued_at, number)
  where queue_id is not null and assignee_id is null and status not in ('resolved', 'closed');
