-- The contact-facts trigger at the cost of its statements (issue 12: accepts and resolves under load).
-- open_contact_episode was a SQL function. Called from the PL/pgSQL trigger, PostgreSQL parsed and planned its body
-- afresh in every transaction (a SQL function's plan lives only as long as the calling expression's state), and that
-- was about half of each accept's and resolve's time in the database. As PL/pgSQL, its statement's plan is cached
-- for the connection like the trigger's own. Same answer: the ticket's latest 'queued' fact while its episode has no
-- outcome yet, else a row of nulls.
create or replace function open_contact_episode(p_ticket uuid) returns contact_events language plpgsql stable as $$
declare
  v contact_events;
begin
  select e.* into v from (select * from contact_events where ticket_id = p_ticket and kind = 'queued' order by id desc limit 1) e
  where not exists (
    select 1 from contact_events o where o.episode_id = e.id
      and o.kind in ('answered', 'abandoned', 'callback', 'transferred', 'removed'));
  return v;
end $$;
