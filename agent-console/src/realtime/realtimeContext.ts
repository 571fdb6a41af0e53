import { createContext, useContext } from 'react';
import type { PresenceView } from '../../../server/http/apiTypes';
import type { RealtimeEventName, RealtimeListener } from './listenerRegistry';

/** 'connecting' is the first attempt after sign-in; 'reconnecting' means we had a connection and lost it. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export type PresenceListener = (event: PresenceView) => void;

export interface Realtime {
  state: ConnectionState;
  /** Goes up on every (re)connect: whatever depends on server data re-reads it when this changes. */
  connectionGeneration: number;
  /** Listens to one server event; the returned function stops listening. */
  subscribe<E extends RealtimeEventName>(event: E, listener: RealtimeListener<E>): () => void;
  onPresenceChanged(listener: PresenceListener): () => void;
  /** Tells the server this offer's screen pop is on screen; an offer never acknowledged is withdrawn and offered again. */
  acknowledgeOffer(offerId: string): void;
}

export const RealtimeContext = createContext<Realtime | null>(null);

export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return realtime;
}
