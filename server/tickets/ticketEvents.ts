import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';

export interface TicketWatchers {
  assigneeId: string | null;
  queueId: string | null;
  teamId: string | null;
}

/**
 * Tells everyone watching a ticket to re-read it: its assignee at once, and, gathered with other changes into one
 * `tickets.changed` per short window, its queue and the supervisors (crowded rooms, where one event per change would
 * cost a frame per console per change). A caller that has just written who they are (`known`) spares the read.
 */
export async function publishTicketChanged(
  ctx: Pick<AppContext, 'sql' | 'publisher'>,
  ticketId: string,
  known?: TicketWatchers,
) {
  const [t] = known
    ? [known]
    : await ctx.sql<TicketWatchers[]>`
        select t.assignee_id, t.queue_id, q.team_id from tickets t left join queues q on q.id = t.queue_id where t.id = ${ticketId}`;
  if (!t) return;
  const change = { ticketId, assigneeId: t.assigneeId };
  if (t.assigneeId) ctx.publisher.emit([rooms.agent(t.assigneeId)], 'ticket.changed', change);
  const crowded = [rooms.allSupervisors];
  if (t.queueId) crowded.push(rooms.queue(t.queueId));
  if (t.teamId) crowded.push(rooms.teamSupervisors(t.teamId));
  ctx.publisher.emitTicketChange(crowded, change);
}
