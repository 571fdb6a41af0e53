import type { ServerToClientEvents } from '../../../server/http/apiTypes';

export type RealtimeEventName = keyof ServerToClientEvents;
export type RealtimePayload<E extends RealtimeEventName> = Parameters<ServerToClientEvents[E]>[0];
export type RealtimeListener<E extends RealtimeEventName> = (payload: RealtimePayload<E>) => void;

// A record, not a list, so the compiler insists on every event the server declares.
const EVENTS: Record<RealtimeEventName, true> = {
  'presence.changed': true,
  'offer.created': true,
  'offer.ended': true,
  'ticket.changed': true,
  'tickets.changed': true,
  'customer.changed': true,
  'simulator.changed': true,
  'campaign.changed': true,
  'mailbox.changed': true,
  'call.changed': true,
  'voice.simulator.changed': true,
  'wall.figures': true,
  'wall.agent': true,
  'wall.threshold': true,
  'wall.settings': true,
  'monitor.changed': true,
  'call.monitored': true,
  'sla.alarm': true,
  'survey.low_score': true,
  'customer.at_risk': true,
  'return_visit.changed': true,
};

/** Every server-to-client event the console passes on to its subscribers. */
export const REALTIME_EVENTS = Object.keys(EVENTS) as RealtimeEventName[];

export interface ListenerRegistry {
  /** Adds a listener; the returned function removes it again. */
  add<E extends RealtimeEventName>(event: E, listener: RealtimeListener<E>): () => void;
  /** Calls every listener of `event`; one that throws does not stop the others. */
  dispatch<E extends RealtimeEventName>(event: E, payload: RealtimePayload<E>): void;
}

export function createListenerRegistry(onListenerError: (error: unknown) => void = console.error): ListenerRegistry {
  const listeners = new Map<RealtimeEventName, Set<(payload: never) => void>>();
  return {
    add(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    dispatch(event, payload) {
      // A copy: listeners may unsubscribe (or subscribe others) while we call them.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as (payload: unknown) => void)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
