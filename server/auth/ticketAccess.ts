import type { Sql } from '../db/client';
import { notFound } from '../http/httpError';
import { findVisibleTicket } from '../tickets/ticketQueries';
import { findCall, type CallRow } from '../voice/callQueries';
import type { SessionUser } from './sessions';
import { visibleCallsCondition } from './ticketVisibility';

type Viewer = Pick<SessionUser, 'userId' | 'role'>;

/*
 * The one check every route taking a ticket id, or the id of something on a ticket (a message, an attachment, a call),
 * makes before it reads or changes anything. What the viewer may not open answers exactly as what does not exist —
 * 404 `not_found` — so neither its content nor its existence leaks.
 */

/** The ticket, if the viewer may open it; else 404 naming `what` was asked for (an attachment names itself). */
export async function requireVisibleTicket(sql: Sql, viewer: Viewer, ticketId: string, what = 'Ticket') {
  const ticket = await findVisibleTicket(sql, viewer, ticketId);
  if (!ticket) throw notFound(what);
  return ticket;
}

/** The call, if the viewer may see it (visibleCallsCondition); else 404. */
export async function requireVisibleCall(sql: Sql, viewer: Viewer, callId: string): Promise<CallRow> {
  const [visible] = await sql`select 1 from calls c where c.id = ${callId} and ${visibleCallsCondition(sql, viewer)}`;
  const call = visible ? await findCall(sql, callId) : null;
  if (!call) throw notFound('Call');
  return call;
}
