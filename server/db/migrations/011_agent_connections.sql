-- Which consoles are connected, kept where every process can see it: a realtime process that dies takes
-- its memory with it, and Redis may be flushed, so neither may be the only record of a console being there.
-- One row per Socket.IO connection. The process holding the socket pushes `alive_until` forward on every
-- heartbeat; a clean disconnect sets it to the moment of the disconnect. An agent whose every row has been
-- past `alive_until` for the grace period is gone, whichever process notices.
create table agent_connections (
  socket_id text primary key,
  user_id uuid not null references users(id) on delete cascade,
  -- The realtime process holding the socket (host, pid and a random part), for shutdown and for operators.
  instance_id text not null,
  connected_at timestamptz not null default now(),
  alive_until timestamptz not null,
  -- Set on a clean disconnect, so a heartbeat already on its way cannot bring the row back to life.
  disconnected_at timestamptz
);
-- The sweep starts from the rows that ran out, so its cost follows departures, not connected consoles.
create index agent_connections_alive_until on agent_connections (alive_until);
-- "Has this user any live console?" for each departed user, and the per-user check after a disconnect.
create index agent_connections_user_alive on agent_connections (user_id, alive_until);
