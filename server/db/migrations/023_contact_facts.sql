-- Contact facts for the supervisors' wall and historical reports (issue 19), queue statistics settings, thresholds,
-- and call monitoring sessions.
--
-- A fact is written by triggers in the transaction that makes the change (a ticket entering a queue, an agent
-- answering, a caller hanging up, a hold, a wrap-up), so every process and every code path records the same facts,
-- and a restart keeps the day's figures. Each fact belongs to an episode: one stay of a contact (a ticket) in a
-- queue, opened by its 'queued' fact. The first outcome fact of an episode (answered, abandoned, callback,
-- transferred, removed) closes it. The wall hears which queues and agents changed from the realtime events the
-- application publishes after commit (server/realtime/publisher.ts), not from NOTIFY: a transaction that notifies
-- takes a database-wide lock through its commit, and with every ticket change notifying, commits queued behind it.

create table contact_events (
  id bigserial primary key,
  -- The 'queued' fact that opened the episode (its own id for a 'queued' fact).
  episode_id bigint not null,
  ticket_id uuid not null references tickets(id) on delete cascade,
  kind text not null check (kind in (
    'queued', 'answered', 'abandoned', 'callback', 'transferred', 'removed', 'ended', 'hold', 'wrap_up')),
  channel text not null check (channel in ('voice', 'sms', 'email')),
  queue_id uuid references queues(id) on delete set null,
  agent_id uuid references users(id) on delete set null,
  -- answered: the wait; ended: talk time including hold (voice) or time from answer to resolve (sms, email);
  -- hold: time on hold; wrap_up: after-call work.
  seconds double precision,
  at timestamptz not null
);
create index contact_events_queued on contact_events (queue_id, at) where kind = 'queued';
create index contact_events_episode on contact_events (episode_id, id);
create index contact_events_ticket on contact_events (ticket_id, id);
create index contact_events_agent on contact_events (agent_id, at) where agent_id is not null;

-- Statistics settings of a queue: the service level threshold and when "today" starts, in the queue's time zone.
alter table queues
  add column service_level_seconds int not null default 20 check (service_level_seconds between 1 and 3600),
  add column stats_reset_time time not null default '00:00',
  add column stats_timezone text not null default 'UTC';

-- Warning and critical thresholds per figure: per queue, or the default for every queue (queue_id null).
create table wall_thresholds (
  id uuid primary key default gen_random_uuid(),
  queue_id uuid references queues(id) on delete cascade,
  figure text not null check (figure in
    ('waiting', 'longestWaitSeconds', 'serviceLevel', 'asaSeconds', 'ahtSeconds', 'abandonRate', 'occupancy')),
  warning double precision,
  critical double precision,
  check (warning is not null or critical is not null)
);
create unique index wall_thresholds_one on wall_thresholds
  (coalesce(queue_id, '00000000-0000-0000-0000-000000000000'), figure);

create table wall_settings (
  id boolean primary key default true check (id),
  short_abandon_seconds int not null default 5 check (short_abandon_seconds between 0 and 600),
  notify_agent_when_monitored boolean not null default false,
  updated_at timestamptz not null default now()
);
insert into wall_settings default values;

-- A supervisor listening to, coaching or barging into a call, through the call's conference.
create table monitor_sessions (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references calls(id) on delete cascade,
  agent_id uuid not null references users(id) on delete cascade,
  supervisor_id uuid not null references users(id) on delete cascade,
  mode text not null check (mode in ('listen', 'whisper', 'barge')),
  -- The supervisor's own call into the conference, once Twilio has placed it.
  call_sid text unique,
  status text not null default 'active' check (status in ('active', 'ended')),
  started_at timestamptz not null default now(),
  ended_at timestamptz
);
create unique index monitor_sessions_one_live on monitor_sessions (call_id, supervisor_id) where status <> 'ended';

-- When the customer was put on hold, to measure the hold when it ends.
alter table calls add column held_since timestamptz;

-- Records one fact in the ticket's current episode (or opens one).
create function record_contact_event(
  p_kind text, p_ticket uuid, p_queue uuid, p_agent uuid, p_seconds double precision, p_at timestamptz
) returns bigint language plpgsql as $$
declare
  v_channel text;
  v_episode bigint;
  v_id bigint;
begin
  select channel into v_channel from tickets where id = p_ticket;
  if v_channel is null then return null; end if;
  if p_kind = 'queued' then
    v_id := nextval('contact_events_id_seq');
    v_episode := v_id;
  else
    select id, coalesce(p_queue, queue_id) into v_episode, p_queue from contact_events
      where ticket_id = p_ticket and kind = 'queued' order by id desc limit 1;
    if v_episode is null then return null; end if;
    v_id := nextval('contact_events_id_seq');
  end if;
  insert into contact_events (id, episode_id, ticket_id, kind, channel, queue_id, agent_id, seconds, at)
    values (v_id, v_episode, p_ticket, p_kind, v_channel, p_queue, p_agent, p_seconds, p_at);
  return v_id;
end $$;

-- The ticket's current episode, when it has no outcome yet.
create function open_contact_episode(p_ticket uuid) returns contact_events language sql stable as $$
  select e.* from (select * from contact_events where ticket_id = p_ticket and kind = 'queued' order by id desc limit 1) e
  where not exists (
    select 1 from contact_events o where o.episode_id = e.id
      and o.kind in ('answered', 'abandoned', 'callback', 'transferred', 'removed'))
$$;

create function contact_facts_from_tickets() returns trigger language plpgsql as $$
declare
  v_open contact_events;
  v_last contact_events;
  v_answered timestamptz;
begin
  if new.queue_id is not null and new.assignee_id is null and new.waiting_since is not null
     and new.status not in ('resolved', 'closed')
     and (tg_op = 'INSERT' or new.waiting_since is distinct from old.waiting_since) then
    v_open := open_contact_episode(new.id);
    select * into v_last from contact_events where ticket_id = new.id and kind = 'queued' order by id desc limit 1;
    if v_open.id is not null and v_open.queue_id is not distinct from new.queue_id then
      -- Waiting again in the same queue (an agent missed the call): the same stay goes on.
      null;
    else
      if v_last.id is not null and v_last.queue_id is distinct from new.queue_id then
        perform record_contact_event('transferred', new.id, v_last.queue_id, null, null, now());
      end if;
      perform record_contact_event('queued', new.id, new.queue_id, null, null, new.waiting_since);
    end if;
  elsif tg_op = 'UPDATE' then
    -- SMS and email are answered when an agent takes the ticket; a call when the agent picks up (call_legs).
    if new.channel <> 'voice' and old.assignee_id is null and new.assignee_id is not null then
      v_open := open_contact_episode(new.id);
      if v_open.id is not null then
        perform record_contact_event('answered', new.id, null, new.assignee_id,
          extract(epoch from now() - v_open.at), now());
      end if;
    end if;
    if new.status in ('resolved', 'closed') and old.status not in ('resolved', 'closed') then
      v_open := open_contact_episode(new.id);
      if v_open.id is not null and new.assignee_id is null then
        perform record_contact_event('removed', new.id, null, null, null, now());
      elsif new.channel <> 'voice' and new.assignee_id is not null then
        select e.at into v_answered from contact_events e
          where e.ticket_id = new.id and e.kind = 'answered' order by e.id desc limit 1;
        if v_answered is not null then
          perform record_contact_event('ended', new.id, null, new.assignee_id, extract(epoch from now() - v_answered), now());
        end if;
      end if;
    end if;
  end if;
  return null;
end $$;
create trigger contact_facts_tickets after insert or update on tickets
  for each row execute function contact_facts_from_tickets();

-- Calls: abandons, the end of talk, wrap-up, and holds (measured with held_since, so this one runs before the update).
create function contact_facts_from_calls() returns trigger language plpgsql as $$
begin
  if new.customer_on_hold and not old.customer_on_hold then
    new.held_since := now();
  elsif old.customer_on_hold and not new.customer_on_hold then
    if new.ticket_id is not null and old.held_since is not null then
      perform record_contact_event('hold', new.ticket_id, null, new.agent_id, extract(epoch from now() - old.held_since), now());
    end if;
    new.held_since := null;
  end if;
  if new.ticket_id is not null then
    if new.abandoned and not old.abandoned then
      perform record_contact_event('abandoned', new.ticket_id, null, null, null, coalesce(new.ended_at, now()));
    end if;
    if new.ended_at is not null and old.ended_at is null and new.connected_at is not null then
      perform record_contact_event('ended', new.ticket_id, null, new.agent_id,
        coalesce(new.talk_seconds, extract(epoch from new.ended_at - new.connected_at)), new.ended_at);
    end if;
    if new.wrap_up = 'done' and old.wrap_up is distinct from 'done' and new.ended_at is not null then
      perform record_contact_event('wrap_up', new.ticket_id, null, new.agent_id,
        greatest(0, extract(epoch from coalesce(new.wrapped_up_at, now()) - new.ended_at)), coalesce(new.wrapped_up_at, now()));
    end if;
  end if;
  return new;
end $$;
create trigger contact_facts_calls before update on calls
  for each row execute function contact_facts_from_calls();

-- An agent picking up answers the call's waiting contact (when it is still waiting: not a transfer between agents).
create function contact_facts_from_call_legs() returns trigger language plpgsql as $$
declare
  v_ticket uuid;
  v_open contact_events;
begin
  if new.answered_at is not null and (tg_op = 'INSERT' or old.answered_at is null) then
    select ticket_id into v_ticket from calls where id = new.call_id;
    if v_ticket is not null then
      v_open := open_contact_episode(v_ticket);
      if v_open.id is not null then
        perform record_contact_event('answered', v_ticket, null, new.agent_id,
          extract(epoch from new.answered_at - v_open.at), new.answered_at);
      end if;
    end if;
  end if;
  return null;
end $$;
create trigger contact_facts_call_legs after insert or update on call_legs
  for each row execute function contact_facts_from_call_legs();

-- A caller who leaves the queue for a callback.
create function contact_facts_from_callbacks() returns trigger language plpgsql as $$
begin
  if new.origin_call_id is not null and new.ticket_id is not null then
    perform record_contact_event('callback', new.ticket_id, null, null, null, now());
  end if;
  return null;
end $$;
create trigger contact_facts_callbacks after insert on callbacks
  for each row execute function contact_facts_from_callbacks();

