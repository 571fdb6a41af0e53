import type { Channel } from '../http/apiTypes';

export interface RoutableAgent {
  id: string;
  /** The later of becoming available and the last offer made: the one idle longest is served first. */
  idleSince: number;
  skillIds: ReadonlySet<string>;
  /** Free slots per channel: capacity minus assigned open work (calls, for voice) minus pending offers. */
  free: Record<Channel, number>;
  /** Ringing, talking or in after-call work (a pending call offer counts): offered nothing else unless the queue blends. */
  onCall: boolean;
}

export interface RoutableTicket {
  id: string;
  queueId: string;
  channel: Channel;
  customerId: string;
  skillIds: readonly string[];
  /** The ticket's queue lets its SMS and email be offered to agents during a call. */
  blendWithCalls: boolean;
}

export interface MatchHints {
  /** Per ticket, agents who turned it down, let it lapse or never saw it since it started waiting, or failed to ring for it: tried last. */
  avoid: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per customer, the agent who recently took one of their tickets (sticky routing): tried first. */
  sticky: ReadonlyMap<string, string>;
}

/**
 * Decides one routing pass in memory: tickets in serving order, each to the best eligible agent, with every
 * agent's free slots counted down as offers are made. The caller holds the routing lock and loaded the inputs
 * inside it, so decisions never double-offer a ticket or push an agent past capacity.
 */
export function matchOffers(
  tickets: readonly RoutableTicket[],
  agents: RoutableAgent[],
  hints: MatchHints,
  now: number,
) {
  const made: { ticketId: string; agentId: string }[] = [];
  const pool = agents.map((a) => ({ ...a, free: { ...a.free } }));
  for (const ticket of tickets) {
    if (!pool.some((a) => a.free.voice > 0 || a.free.sms > 0 || a.free.email > 0)) break;
    const avoid = hints.avoid.get(ticket.id);
    const sticky = hints.sticky.get(ticket.customerId);
    let best: (typeof pool)[number] | null = null;
    let bestKey: [number, number, number, string] | null = null;
    for (const agent of pool) {
      if (agent.free[ticket.channel] <= 0) continue;
      if (ticket.channel !== 'voice' && agent.onCall && !ticket.blendWithCalls) continue;
      if (!ticket.skillIds.every((s) => agent.skillIds.has(s))) continue;
      const key: [number, number, number, string] = [
        avoid?.has(agent.id) ? 1 : 0,
        agent.id === sticky ? 0 : 1,
        agent.idleSince,
        agent.id,
      ];
      if (!bestKey || compareKeys(key, bestKey) < 0) [best, bestKey] = [agent, key];
    }
    if (!best) continue;
    best.free[ticket.channel]--;
    best.idleSince = now;
    if (ticket.channel === 'voice') best.onCall = true;
    made.push({ ticketId: ticket.id, agentId: best.id });
  }
  return made;
}

function compareKeys(a: [number, number, number, string], b: [number, number, number, string]) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0;
}
