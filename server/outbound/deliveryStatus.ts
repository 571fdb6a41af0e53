// The one rule for an outbound send's status, for a reply or auto-acknowledgement (messages) and a mass-SMS
// recipient alike: reports move it forward, never back. Reports arrive in any order and more than once (Twilio's
// `delivered` callback can beat its answer to the create call; a reconciler may look a message up after its
// callback came), so each writer asks this rule instead of writing what it heard.

// Statuses of the same rank are equally final: the first one to arrive wins.
const RANK: Record<string, number> = {
  pending: 0, // a mass-SMS recipient waiting for its turn
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 4,
  failed: 4,
  skipped: 5, // a mass-SMS recipient never sent to: nothing moves it
};

/** Whether a report of `next` may replace `current`. */
export function movesForward(current: string, next: string): boolean {
  const from = RANK[current];
  const to = RANK[next];
  return from !== undefined && to !== undefined && to > from;
}

/** The further of two statuses: what a row should show when both are true of it. */
export const furthest = <S extends string>(a: S, b: S): S => (movesForward(a, b) ? b : a);

/** A send that ended without reaching the customer: the agent may send it again. */
export const isUndelivered = (status: string) => status === 'failed' || status === 'undelivered';
