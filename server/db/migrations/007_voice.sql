-- Phone channel: the IVR an admin edits, live call state (conference, agent legs, hold, mute), after-call work,
-- voicemail, callbacks waiting for their time, and status callbacks in any order.

-- One document: greeting, menus, messages, business hours. Validated by server/voice/ivrSettings.ts.
create table voice_settings (
  id boolean primary key default true check (id),
  ivr jsonb not null,
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now()
);

-- An outbound call (callback, click-to-dial) has a row before Twilio gives it a CallSid.
alter table calls alter column call_sid drop not null;

alter table calls
  add column origin text not null default 'customer' check (origin in ('customer', 'callback', 'click_to_dial')),
  add column callback_id uuid references callbacks(id) on delete set null,
  -- When the customer and an agent were first both in the call's conference (named sb-<call id>).
  add column connected_at timestamptz,
  add column customer_on_hold boolean not null default false,
  add column callback_requested boolean not null default false,
  add column voicemail boolean not null default false,
  add column wrap_up text check (wrap_up in ('pending', 'done')),
  add column disposition text,
  add column wrap_up_note text,
  add column wrapped_up_at timestamptz,
  -- A voicemail's transcription when it arrives before the message it belongs to is stored.
  add column voicemail_transcription text,
  add column error text;

create index calls_ticket on calls (ticket_id);
create index calls_created on calls (created_at);
create index calls_queue_answered on calls (queue_id, answered_at) where answered_at is not null;

-- The agent's side of a conversation: a call Twilio places to the agent's browser (client:) or phone.
create table call_legs (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references calls(id) on delete cascade,
  agent_id uuid not null references users(id) on delete cascade,
  call_sid text unique,
  to_address text not null,
  status text not null default 'queued'
    check (status in ('queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled')),
  muted boolean not null default false,
  answered_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now()
);
create index call_legs_call on call_legs (call_id);
create index call_legs_agent_live on call_legs (agent_id) where ended_at is null;

-- A ticket held back from routing until then (a callback scheduled for later, or a retry after no answer).
alter table tickets add column routable_after timestamptz;

alter table callbacks
  add column note text not null default '',
  add column last_outcome text;
alter table callback_attempts add column agent_leg_sid text;
create index callbacks_ticket on callbacks (ticket_id);

-- Voicemail: the recording and its transcription arrive on separate callbacks.
alter table messages add column call_id uuid references calls(id) on delete set null;

-- A call status's place in the call's life (channels/voice/callStatus.ts): a callback may only move it forward,
-- and the first final status wins.
create function call_status_rank(status text) returns int language sql immutable as $$
  select case status when 'queued' then 0 when 'initiated' then 1 when 'ringing' then 2 when 'in-progress' then 3 else 4 end
$$;
