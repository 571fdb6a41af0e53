import type { SessionUser } from '../auth/sessions';
import { setPresence } from '../commands/setPresence';
import { writeAudit } from '../commands/writeAudit';
import type { AppContext } from '../context';
import type { Presence } from '../http/apiTypes';
import { HttpError } from '../http/httpError';
import { rooms } from '../realtime/rooms';
import { cancelPendingOffers } from '../routing/enqueueTicket';
import { kickRouting } from '../routing/routingTasks';
import { requireAwayReason } from '../settings/awayReasonSettings';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { connectAgentToTicket } from '../voice/connectCall';
import { agentGridRows, watchedAgentsCondition } from './agentGrid';
import { watchedQueuesCondition } from './wallFigures';

type Viewer = Pick<SessionUser, 'role' | 'userId'>;

async function requireWatchedAgent(ctx: AppContext, viewer: Viewer, agentId: string) {
  const [agent] =
    await ctx.sql`select 1 from users u where u.id = ${agentId} and ${watchedAgentsCondition(ctx.sql, viewer)}`;
  if (!agent) throw new HttpError(404, 'not_found', 'Agent not found among the agents of your teams.');
}

/** A supervisor sets an agent's presence (away maybe with a reason code); recorded as set by a supervisor, and audited. */
export async function setAgentState(
  ctx: AppContext,
  viewer: Viewer,
  agentId: string,
  presence: Presence,
  awayReason?: string | null,
) {
  await requireWatchedAgent(ctx, viewer, agentId);
  if (awayReason) await requireAwayReason(ctx.sql, awayReason);
  await setPresence(ctx, agentId, presence, 'supervisor', awayReason);
  await writeAudit(ctx.sql, {
    actorUserId: viewer.userId,
    action: 'agent.presence_set',
    entityType: 'user',
    entityId: agentId,
    data: awayReason ? { presence, awayReason } : { presence },
  });
  const [row] = await agentGridRows(ctx.sql, ctx.sql`u.id = ${agentId}`, ctx.config.AFTER_CALL_WORK_SECONDS);
  return row;
}

/**
 * A contact waiting in one of the viewer's queues goes to this agent (or to the supervisor themselves): it leaves
 * the queue assigned, its pending offer is withdrawn, and a call rings the new holder as an accepted offer would.
 */
export async function assignWaitingContact(ctx: AppContext, viewer: Viewer, ticketId: string, to: string) {
  const { channel, withdrawn } = await ctx.sql.begin(async (tx) => {
    const [ticket] = await tx<{ channel: string }[]>`
      select t.channel from tickets t join queues q on q.id = t.queue_id
      where t.id = ${ticketId} and t.assignee_id is null and t.status not in ('resolved', 'closed')
        and ${watchedQueuesCondition(tx, viewer)}
      for update of t`;
    if (!ticket) throw new HttpError(404, 'not_found', 'No such contact waiting in your queues.');
    const withdrawn = await cancelPendingOffers(tx, ticketId);
    await tx`
      update tickets set assignee_id = ${to}, status = case when status = 'new' then 'open' else status end, updated_at = now()
      where id = ${ticketId}`;
    await writeAudit(tx, {
      actorUserId: viewer.userId,
      action: 'ticket.assigned',
      entityType: 'ticket',
      entityId: ticketId,
      data: { agentId: to, via: to === viewer.userId ? 'supervisor-take' : 'supervisor-reassign' },
    });
    return { channel: ticket.channel, withdrawn };
  });
  for (const o of withdrawn)
    ctx.publisher.emit([rooms.agent(o.agentId)], 'offer.ended', { offerId: o.id, ticketId, reason: 'canceled' });
  ctx.publisher.emit([rooms.agent(to)], 'ticket.changed', { ticketId, assigneeId: to });
  await publishTicketChanged(ctx, ticketId);
  if (channel === 'voice') await connectAgentToTicket(ctx, ticketId, to);
  if (withdrawn.length) await kickRouting(ctx);
}

export async function reassignContact(ctx: AppContext, viewer: Viewer, ticketId: string, agentId: string) {
  const [agent] =
    await ctx.sql`select 1 from users u where u.id = ${agentId} and ${watchedAgentsCondition(ctx.sql, viewer)}`;
  if (!agent)
    throw new HttpError(400, 'invalid_input', 'agentId: no such agent in your teams', [
      { path: 'agentId', message: 'no such agent in your teams' },
    ]);
  await assignWaitingContact(ctx, viewer, ticketId, agentId);
}
