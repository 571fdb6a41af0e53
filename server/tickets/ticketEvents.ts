import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';

/** Tells everyone watching a ticket to re-read it: its assignee, its queue, and the supervisors of the queue's team. */
export async function publishTicketChanged(ctx: Pick<AppContext, 'sql' | 'publisher'>, ticketId: string) {
  const [t] = await ctx.sql<{ assigneeId: string | null; queueId: string | null; teamId: string | null }[]>`
    select t.assignee_id, t.queue_id, q.team_id from tickets t left join queues q on q.id = t.queue_id where t.id = ${ticketId}`;
  if (!t) return;
  const targets = [rooms.allSupervisors];
  if (t.assigneeId) targets.push(rooms.agent(t.assigneeId));
  if (t.queueId) targets.push(rooms.queue(t.queueId));
  if (t.teamId) targets.push(rooms.teamSupervisors(t.teamId));
  ctx.publisher.emit(targets, 'ticket.changed', { ticketId });
}
