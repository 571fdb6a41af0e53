// The SLA badge of a ticket as a column of ticket queries (`t` is the ticket): its most urgent open clock, running
// ones before paused ones. Computed in the same statement so every list, detail and screen pop carries it.
import type { Sql, SqlFragment, TransactionSql } from '../db/client';

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const slaBadgeColumn = (sql: Sql | TransactionSql): SqlFragment =>
  sql.unsafe(`
  (select json_build_object(
      'target', c.target,
      'level', case when c.running_since is null then 'paused'
                    when c.breached_at is not null or c.due_at <= now() then 'breached'
                    when c.warned_at is not null or c.warn_at <= now() then 'warning'
                    else 'ok' end,
      'dueAt', case when c.running_since is not null then ${iso('c.due_at')} end,
      'minutesLeftWhenPaused', case when c.running_since is null then round((c.target_minutes - c.used_minutes)::numeric, 1)::float8 end)
   from sla_clocks c where c.ticket_id = t.id and c.stopped_at is null
   order by c.running_since is null, c.due_at limit 1) as sla`) as unknown as SqlFragment;
