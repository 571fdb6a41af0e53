import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { Sql } from '../../../server/db/client';
import type { ScreenPop } from '../../../server/http/apiTypes';
import { aUser } from '../../support/factories';
import { TestClient } from '../../support/httpClient';
import { connectSocket } from '../../support/sockets';
import { onCleanup, sleep } from './benchLifetime';

export interface FloorAgent {
  id: string;
  client: TestClient;
  socket: Socket;
}

/** What the agents' consoles did with their offers; anything but `accepted` and `resolved` is worth a look. */
export interface FloorTally {
  pops: number;
  accepted: number;
  acceptRefused: number;
  resolved: number;
  resolveFailed: number;
  /** Requests that did not get an answer at all (connection refused or reset). */
  errors: number;
  /** Socket.IO events the agents' sockets received, by name: the work their consoles (here: this process) do. */
  socketEvents: Map<string, number>;
}

export const emptyTally = (): FloorTally => ({
  pops: 0,
  accepted: 0,
  acceptRefused: 0,
  resolved: 0,
  resolveFailed: 0,
  errors: 0,
  socketEvents: new Map(),
});

/** A one-line account of what the agents did, for the benchmark's output. */
export const describeTally = (t: FloorTally) =>
  `agents: ${t.pops} pops, ${t.accepted} accepted, ${t.acceptRefused} accepts refused, ${t.resolved} resolved, ${t.resolveFailed} resolves refused, ` +
  `${t.errors} requests failed; their sockets received ${
    [...t.socketEvents]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${n} ${name}`)
      .join(', ') || 'no events'
  }`;

/**
 * `count` agents signed in over HTTP on `serverUrls` (round-robin), each with a console socket carrying the session
 * cookie and SMS capacity `capacitySms`, then set available. Like the console, each socket acknowledges a screen pop
 * (`offer.seen`) as soon as it arrives; `onPop` then plays the agent.
 */
export async function staffFloor(
  sql: Sql,
  serverUrls: string[],
  count: number,
  options: {
    capacitySms: number;
    tally: FloorTally;
    onPop: (agent: FloorAgent, pop: ScreenPop, receivedAt: number) => void;
  },
): Promise<FloorAgent[]> {
  const agents: FloorAgent[] = [];
  onCleanup('close agent sockets', () => agents.forEach((a) => a.socket.close()));
  // A few at a time: password hashing on sign-in is deliberately slow, and the machine is small.
  for (let i = 0; i < count; i += 4) {
    const batch = Array.from({ length: Math.min(4, count - i) }, async (_, j) => {
      const user = await aUser(sql, 'agent', { name: `Bench agent ${i + j + 1}` });
      await sql`update users set capacity_sms = ${options.capacitySms} where id = ${user.id}`;
      const serverUrl = serverUrls[(i + j) % serverUrls.length];
      const client = await new TestClient(serverUrl).signIn(user.email, user.password);
      const socket = await connectSocket(serverUrl, client.cookie);
      const agent = { id: user.id, client, socket };
      agents.push(agent);
      socket.onAny((event: string) =>
        options.tally.socketEvents.set(event, (options.tally.socketEvents.get(event) ?? 0) + 1),
      );
      // The socket acknowledges each pop (offer.seen) as the console does (connectSocket).
      socket.on('offer.created', (pop: ScreenPop) => options.onPop(agent, pop, performance.now()));
      const presence = await client.put('/api/me/presence', { presence: 'available' });
      if (presence.status !== 200)
        throw new Error(`setting agent ${user.email} available failed: ${presence.status} ${presence.text}`);
    });
    await Promise.all(batch);
  }
  return agents;
}

/**
 * An agent working one offer: accept after `acceptAfterMs`, resolve the ticket `resolveAfterMs` after accepting.
 * Never rejects: what went wrong is counted in `tally`.
 */
export async function workOffer(
  agent: FloorAgent,
  pop: ScreenPop,
  timing: { acceptAfterMs: number; resolveAfterMs: number },
  tally: FloorTally,
) {
  tally.pops++;
  try {
    await acceptThenResolve(agent, pop, timing, tally);
  } catch {
    tally.errors++;
  }
}

async function acceptThenResolve(
  agent: FloorAgent,
  pop: ScreenPop,
  timing: { acceptAfterMs: number; resolveAfterMs: number },
  tally: FloorTally,
) {
  await sleep(timing.acceptAfterMs);
  const accepted = await agent.client.post(`/api/offers/${pop.offer.id}/accept`);
  if (accepted.status !== 200) {
    tally.acceptRefused++;
    return;
  }
  tally.accepted++;
  await sleep(timing.resolveAfterMs);
  const resolved = await agent.client.patch(`/api/tickets/${pop.ticket.id}`, { status: 'resolved' });
  if (resolved.status === 200) tally.resolved++;
  else tally.resolveFailed++;
}

/** The phone number a pop is about: the message's sender, else the customer's first phone identity. */
export function poppedPhone(pop: ScreenPop): string | null {
  return pop.message?.from ?? pop.customer.identities.find((i) => i.kind === 'phone')?.value ?? null;
}
