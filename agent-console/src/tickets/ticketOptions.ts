import type { TicketPriority, TicketStatus, TicketType } from '../../../server/http/apiTypes';

// Mirror TICKET_STATUSES, TICKET_PRIORITIES and TICKET_TYPES in apiTypes (the console imports only types from
// server/); the order is the order shown in the selects.
export const TICKET_STATUS_OPTIONS = [
  'new',
  'open',
  'pending',
  'waiting_on_customer',
  'resolved',
  'closed',
] as const satisfies readonly TicketStatus[];
export const TICKET_PRIORITY_OPTIONS = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly TicketPriority[];
export const TICKET_TYPE_OPTIONS = ['consult', 'suggestion', 'complaint'] as const satisfies readonly TicketType[];

// Compile-time checks that no value the server knows is missing from the lists above.
type Covers<List extends readonly string[], All extends string> = [All] extends [List[number]] ? true : false;
const complete: [
  Covers<typeof TICKET_STATUS_OPTIONS, TicketStatus>,
  Covers<typeof TICKET_PRIORITY_OPTIONS, TicketPriority>,
  Covers<typeof TICKET_TYPE_OPTIONS, TicketType>,
] = [true, true, true];
void complete;

const isOneOf =
  <T extends string>(options: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (options as readonly string[]).includes(value);

export const isTicketStatus = isOneOf<TicketStatus>(TICKET_STATUS_OPTIONS);
export const isTicketPriority = isOneOf<TicketPriority>(TICKET_PRIORITY_OPTIONS);
export const isTicketType = isOneOf<TicketType>(TICKET_TYPE_OPTIONS);

/** Statuses after which there is nothing left to do on the ticket. */
export const isDone = (status: TicketStatus) => status === 'resolved' || status === 'closed';
