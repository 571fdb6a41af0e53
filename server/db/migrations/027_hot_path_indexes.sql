-- Indexes for reads every contact makes, found under load (issue 12).
--
-- The contact-facts trigger looks up a ticket's latest "queued" fact on every ticket insert and update. With only
-- (ticket_id, id) and the partial (queue_id, at) index, the planner combined both and read every queued fact of the
-- day for each new ticket: intake slowed as the day went on (300 SMS/s fell over). This one answers it exactly.
create index contact_events_ticket_queued on contact_events (ticket_id, id) where kind = 'queued';

-- Customer health reads a customer's failed callbacks on every screen pop and sweep: without this, each read
-- scanned every callback ever booked.
create index callbacks_customer on callbacks (customer_id);

-- (updated_at, id) serves every read (updated_at) did; one index fewer to write on every ticket change.
drop index tickets_updated;

-- Every ticket entering a queue writes a fact naming that queue. A foreign key there share-locked the queue's row
-- from every concurrent intake transaction (the ticket's own key already does once): PostgreSQL then rewrites the
-- row's lock (a MultiXact) on each one, and intake stalled on that one row at 300 SMS/s. The facts are history: a
-- deleted queue's facts lose its id, as the key did (on delete set null), by this trigger instead.
alter table contact_events drop constraint contact_events_queue_id_fkey;
create function contact_events_forget_queue() returns trigger language plpgsql as $$
begin
  update contact_events set queue_id = null where queue_id = old.id;
  return old;
end $$;
create trigger contact_events_forget_queue after delete on queues
  for each row execute function contact_events_forget_queue();
