-- Contact facts at the cost of what happened (issue 12: intake under load).
-- A new ticket that waits in a queue opens its first episode with one insert: the general trigger looked for the
-- ticket's open episode and last queued fact first, which a ticket inserted this moment cannot have. The general
-- trigger now runs on updates only, and only on those that can make a fact (it ran on every ticket update: each
-- touch of updated_at, each SLA or subject change).
drop trigger contact_facts_tickets on tickets;
create trigger contact_facts_tickets after update on tickets
  for each row
  when (new.waiting_since is distinct from old.waiting_since
        or (old.assignee_id is null and new.assignee_id is not null)
        or (new.status in ('resolved', 'closed') and old.status not in ('resolved', 'closed')))
  execute function contact_facts_from_tickets();

create function contact_facts_from_new_tickets() returns trigger language plpgsql as $$
declare
  v_id bigint := nextval('contact_events_id_seq');
begin
  insert into contact_events (id, episode_id, ticket_id, kind, channel, queue_id, at)
    values (v_id, v_id, new.id, 'queued', new.channel, new.queue_id, new.waiting_since);
  return null;
end $$;
create trigger contact_facts_new_tickets after insert on tickets
  for each row
  when (new.queue_id is not null and new.assignee_id is null and new.waiting_since is not null
        and new.status not in ('resolved', 'closed'))
  execute function contact_facts_from_new_tickets();
