-- After-call work counts in AHT however it ends (issue 19): when the agent submits it, or when its time
-- (AFTER_CALL_WORK_SECONDS) runs out and the next contact may be offered. Until now only a submitted wrap-up wrote
-- its 'wrap_up' fact, so a wrap-up the timer ended was missing from AHT and occupancy, and one submitted long after
-- its time counted all of it.
--
-- wrap_up_ended_at is when the call's after-call work ended, set once: by the submit, or by the wall's sweep
-- (server/wall/wrapUpEnds.ts) once the time is up. Setting it writes the call's one 'wrap_up' fact; a submit after
-- the sweep keeps the disposition and note but writes no second fact.

alter table calls add column wrap_up_ended_at timestamptz;
-- Wrap-ups submitted before this migration have their fact already.
update calls set wrap_up_ended_at = wrapped_up_at where wrap_up = 'done' and wrapped_up_at is not null;

create or replace function contact_facts_from_calls() returns trigger language plpgsql as $$
begin
  if new.customer_on_hold and not old.customer_on_hold then
    new.held_since := now();
  elsif old.customer_on_hold and not new.customer_on_hold then
    if new.ticket_id is not null and old.held_since is not null then
      perform record_contact_event('hold', new.ticket_id, null, new.agent_id, extract(epoch from now() - old.held_since), now());
    end if;
    new.held_since := null;
  end if;
  -- The agent submitted the wrap-up before its time was up (or the call had no timer): it ends now.
  if new.wrap_up = 'done' and old.wrap_up is distinct from 'done' and new.ended_at is not null
     and new.wrap_up_ended_at is null then
    new.wrap_up_ended_at := coalesce(new.wrapped_up_at, now());
  end if;
  if new.ticket_id is not null then
    if new.abandoned and not old.abandoned then
      perform record_contact_event('abandoned', new.ticket_id, null, null, null, coalesce(new.ended_at, now()));
    end if;
    if new.ended_at is not null and old.ended_at is null and new.connected_at is not null then
      perform record_contact_event('ended', new.ticket_id, null, new.agent_id,
        coalesce(new.talk_seconds, extract(epoch from new.ended_at - new.connected_at)), new.ended_at);
    end if;
    if new.wrap_up_ended_at is not null and old.wrap_up_ended_at is null and new.ended_at is not null then
      perform record_contact_event('wrap_up', new.ticket_id, null, new.agent_id,
        greatest(0, extract(epoch from new.wrap_up_ended_at - new.ended_at)), new.wrap_up_ended_at);
    end if;
  end if;
  return new;
end $$;
