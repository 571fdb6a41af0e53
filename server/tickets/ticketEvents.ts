import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';

export interface TicketWatchers {
  assigneeId: string | null;
  queueId: string | null;
  teamId: string | null;
}

/**
 * Tells everyone watching a ticket to re-read it: its assignee, its queue, and the supervisors of the queue's team.
 * A caller that has just written who they are (`known`) spares the read.
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
  const targets = [rooms.allSupervisors];
  if (t.assigneeId) targets.push(rooms.agent(t.assigneeId));
  if (t.queueId) targets.push(rooms.queue(t.queueId));
  if (t.teamId) targets.push(rooms.teamSupervisors(t.teamId));
  ctx.publisher.emit(targets, 'ticket.changed', { ticketId, assigneeId: t.assigneeId });
}
