import type { Role } from '../../../server/http/apiTypes';
import type { TicketViewName } from '../../../server/http/ticketViewApiTypes';

/**
 * The views a role is offered. "All" holds only what the caller may open, so agents get it too: it is where they
 * search beyond their own tickets. The team view is for supervisors and admins (the server refuses it to agents).
 */
export function viewsFor(role: Role): TicketViewName[] {
  return role === 'agent'
    ? ['mine', 'unassigned', 'all', 'resolved']
    : ['mine', 'unassigned', 'team', 'all', 'resolved'];
}
