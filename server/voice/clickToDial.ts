import type { SessionUser } from '../auth/sessions';
import { requireVisibleTicket } from '../auth/ticketAccess';
import type { AppContext } from '../context';
import { writeAudit } from '../commands/writeAudit';
import { HttpError } from '../http/httpError';
import { parsePhoneInput } from '../http/phoneInput';
import { publishTicketChanged } from '../tickets/ticketEvents';
import { startOutboundCall } from './connectCall';

/**
 * An agent calls a customer from their page: the call is logged on the given ticket, or on a new voice ticket assigned
 * to the agent. Twilio rings the agent first; the customer is dialled when the agent picks up.
 */
export async function clickToDial(
  ctx: AppContext,
  caller: Pick<SessionUser, 'userId' | 'role'>,
  input: { customerId: string; phoneNumber: string; ticketId?: string },
) {
  const agentId = caller.userId;
  const phone = parsePhoneInput(ctx, input.phoneNumber, 'phoneNumber');
  // Logging a call on a ticket is working on it: only on one the caller may open, refused before anything is written.
  if (input.ticketId) await requireVisibleTicket(ctx.sql, caller, input.ticketId);
  const [busy] = await ctx.sql`select 1 from calls where agent_id = ${agentId} and ended_at is null`;
  if (busy) throw new HttpError(409, 'agent_on_call', 'You are already on a call.');
  const ticketId = await ctx.sql.begin(async (tx) => {
    const [customer] = await tx<
      { id: string; mergedIntoId: string | null }[]
    >`select id, merged_into_id from customers where id = ${input.customerId}`;
    if (!customer) throw new HttpError(404, 'not_found', 'Customer not found.');
    const customerId = customer.mergedIntoId ?? customer.id;
    if (input.ticketId) {
      const [t] = await tx<
        { id: string }[]
      >`select id from tickets where id = ${input.ticketId} and customer_id = ${customerId}`;
      if (!t)
        throw new HttpError(400, 'invalid_input', 'ticketId: not a ticket of this customer', [
          { path: 'ticketId', message: 'not a ticket of this customer' },
        ]);
      return t.id;
    }
    const [t] = await tx<{ id: string }[]>`
      insert into tickets (customer_id, channel, subject, status, assignee_id) values (${customerId}, 'voice', ${`Call to ${phone}`}, 'open', ${agentId})
      returning id`;
    await writeAudit(tx, {
      actorUserId: agentId,
      action: 'ticket.created',
      entityType: 'ticket',
      entityId: t.id,
      data: { channel: 'voice', outbound: true },
    });
    return t.id;
  });
  const [{ customerId }] = await ctx.sql<
    { customerId: string }[]
  >`select customer_id from tickets where id = ${ticketId}`;
  const started = await startOutboundCall(ctx, { ticketId, agentId, customerId, to: phone, origin: 'click_to_dial' });
  await publishTicketChanged(ctx, ticketId);
  return { ticketId, callId: started.callId };
}
