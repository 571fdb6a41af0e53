-- The wait estimate reads a queue's latest answered calls on every hold loop of every waiting caller.
create index calls_queue_handled on calls (queue_id, ended_at desc) where talk_seconds is not null;
-- Routing counts each candidate agent's calls still taking them (live, or in after-call work) for every waiting call.
create index calls_agent_busy on calls (agent_id) where ended_at is null or wrap_up = 'pending';
