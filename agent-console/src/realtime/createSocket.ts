import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/http/apiTypes';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Same origin and default path; the session cookie authenticates the handshake. */
export function createSocket(): RealtimeSocket {
  return io({ autoConnect: false, withCredentials: true, reconnectionDelayMax: 5_000 });
}
