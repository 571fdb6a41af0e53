import type { RealtimePayload } from '../realtime/listenerRegistry';

type SimulatorChange = RealtimePayload<'voice.simulator.changed'>;

/**
 * Whether a `voice.simulator.changed` is about this address (`client:agent-<id>`, a phone number). An event that does
 * not list its endpoints may be about anything, so it counts: re-reading once too often costs a request, missing a
 * ringing call costs the caller.
 */
export function concernsAddress(event: SimulatorChange, address: string): boolean {
  const endpoints: unknown = (event as Partial<SimulatorChange>).endpoints;
  if (!Array.isArray(endpoints)) return true;
  return endpoints.includes(address);
}
