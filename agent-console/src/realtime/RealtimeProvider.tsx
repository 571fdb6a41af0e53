import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createSocket } from './createSocket';
import {
  createListenerRegistry,
  REALTIME_EVENTS,
  type RealtimeEventName,
  type RealtimeListener,
} from './listenerRegistry';
import { RealtimeContext, type ConnectionState, type PresenceListener } from './realtimeContext';

// Socket.IO stops retrying by itself when the server refuses the handshake or disconnects us on
// purpose, which includes a graceful shutdown before a restart; we then check the session and retry.
const RETRY_AFTER_REFUSAL_MS = 3_000;

interface Props {
  /** Asked when the server refused or dropped us on purpose: resolve true to try again, false to give up. */
  verifySession: () => Promise<boolean>;
  children: ReactNode;
}

/** Owns the one socket of a signed-in session: mounted after sign-in, unmounting disconnects. */
export function RealtimeProvider({ verifySession, children }: Props) {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [connectionGeneration, setConnectionGeneration] = useState(0);
  const [listeners] = useState(() => createListenerRegistry());
  const verifySessionRef = useRef(verifySession);
  const socketRef = useRef<ReturnType<typeof createSocket> | null>(null);

  useEffect(() => {
    verifySessionRef.current = verifySession;
  }, [verifySession]);

  useEffect(() => {
    const socket = createSocket();
    socketRef.current = socket;
    let disposed = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const retryIfRefused = () => {
      if (socket.active) return; // Socket.IO is already retrying on its own.
      void verifySessionRef.current().then((stillSignedIn) => {
        if (!stillSignedIn || disposed) return;
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
      });
    };

    socket.on('connect', () => {
      setState('connected');
      setConnectionGeneration((generation) => generation + 1);
    });
    socket.on('disconnect', () => {
      setState('reconnecting');
      retryIfRefused();
    });
    socket.on('connect_error', () => {
      setState((current) => (current === 'connecting' ? current : 'reconnecting'));
      retryIfRefused();
    });
    for (const event of REALTIME_EVENTS) {
      socket.on(event, (payload: unknown) => listeners.dispatch(event, payload as never));
    }
    // Queues and supervisors hear ticket changes in batches; each listener of ticket.changed hears every one.
    socket.on('tickets.changed', ({ changes }) => {
      for (const change of changes) listeners.dispatch('ticket.changed', change);
    });
    socket.connect();

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [listeners]);

  const subscribe = useCallback(
    <E extends RealtimeEventName>(event: E, listener: RealtimeListener<E>) => listeners.add(event, listener),
    [listeners],
  );
  const onPresenceChanged = useCallback(
    (listener: PresenceListener) => listeners.add('presence.changed', listener),
    [listeners],
  );

  // Sent once the socket is connected: an acknowledgement made while reconnecting is buffered by Socket.IO.
  const acknowledgeOffer = useCallback((offerId: string) => socketRef.current?.emit('offer.seen', { offerId }), []);

  const value = useMemo(
    () => ({ state, connectionGeneration, subscribe, onPresenceChanged, acknowledgeOffer }),
    [state, connectionGeneration, subscribe, onPresenceChanged, acknowledgeOffer],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
