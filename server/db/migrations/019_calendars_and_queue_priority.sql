-- Business-hours calendars that hold what a real week holds, and a serving priority per queue.

-- An interval may cross midnight: when closes is earlier than opens it ends on the next day (Friday 22:00–06:00
-- is open until Saturday 06:00). closes = 24:00 is the end of the day; an interval never opens at 24:00 and never
-- closes when it opens (an empty or a whole-week-long interval would be ambiguous).
alter table business_hours_intervals drop constraint business_hours_intervals_check;
alter table business_hours_intervals add constraint business_hours_intervals_span_check
  check (opens < time '24:00' and closes <> opens);

-- When an agent could take work from several queues, the higher priority queue's contacts are offered first;
-- within one priority, ticket priority and then waiting time decide, as before.
alter table queues add column priority smallint not null default 0 check (priority between 0 and 100);
