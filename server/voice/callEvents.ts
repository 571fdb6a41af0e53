import type { AppContext } from '../context';
import { rooms } from '../realtime/rooms';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { findCallView } from './callQueries';

/**
 * After a call's change is committed: its state to every agent who has been on it and to supervisors (live monitor),
 * and the ticket's watchers re-read the ticket, which lists its calls.
 */
export async function publishCallChanged(ctx: AppContext, callId: string) {
  const view = await findCallView(ctx, callId);
  if (!view) return;
  const agents = new Set([view.agentId, ...view.legs.map((l) => l.agentId)].filter((a): a is string => !!a));
  ctx.publisher.emit([...[...agents].map(rooms.agent), rooms.anySupervisor], 'call.changed', view);
  if (view.ticketId) await publishTicketChanged(ctx, view.ticketId);
}
