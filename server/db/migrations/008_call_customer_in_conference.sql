-- Where the customer of a call is: talking in its conference (held or not), or elsewhere (the menu, a queue —
-- first, or again after a transfer to a queue). A new agent leg brings a customer in the conference off hold, and
-- redirects one elsewhere into it.
alter table calls add column customer_in_conference boolean not null default false;
update calls set customer_in_conference = true where connected_at is not null and ended_at is null;
