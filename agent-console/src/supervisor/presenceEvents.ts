import type { MonitorAgent, PresenceView } from '../../../server/http/apiTypes';
import { isAtLeastAsRecent, withLatestPresence } from '../presence/latestPresence';

/** The newest presence event seen per user id. */
export type LatestPresenceEvents = ReadonlyMap<string, PresenceView>;

/** Records `event` unless an equally new one for that user is already known; same map if unchanged. */
export function rememberPresenceEvent(events: LatestPresenceEvents, event: PresenceView): LatestPresenceEvents {
  const known = events.get(event.userId);
  if (known && isAtLeastAsRecent(known, event)) return events;
  return new Map(events).set(event.userId, event);
}

/**
 * The monitor's agents with any newer event applied. Events are kept apart from the HTTP snapshot
 * so one that arrives while a refresh is in flight is not lost when the older snapshot lands.
 */
export function applyPresenceEvents(agents: MonitorAgent[], events: LatestPresenceEvents): MonitorAgent[] {
  if (events.size === 0) return agents;
  return agents.map((agent) => {
    const event = events.get(agent.id);
    return event ? withLatestPresence(agent, event) : agent;
  });
}
