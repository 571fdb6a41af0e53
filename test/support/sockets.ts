import { io, type Socket } from 'socket.io-client';
import { WAIT_MS } from './timeouts';

/**
 * A Socket.IO client as the console opens it, carrying the session cookie. Resolves once connected. Like the
 * console, it acknowledges every screen pop it receives (`acknowledgePops: false` plays a console that never shows them).
 */
export function connectSocket(url: string, cookie?: string, { acknowledgePops = true } = {}): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: cookie ? { cookie } : {},
    timeout: WAIT_MS,
  });
  if (acknowledgePops)
    socket.on('offer.created', (pop: { offer: { id: string } }) =>
      socket.emit('offer.seen', { offerId: pop.offer.id }),
    );
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Waits for the next `event` on the socket that satisfies `match`. */
export function nextEvent<T>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = WAIT_MS,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}
