import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { ServerToClientEvents } from '../http/apiTypes';
import type { Logger } from '../logger';
import { createRoomBatches } from './roomBatches';
import { rooms } from './rooms';

export type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];
export type TicketChange = EventPayload<'ticket.changed'>;

/** How long ticket changes for crowded rooms (queues, supervisors) are gathered before they go out as one event. */
export const TICKET_CHANGES_WINDOW_MS = 250;

/**
 * Sends realtime events from any process (web, worker) to sockets on every realtime process, through
 * the same Redis channel the Socket.IO Redis adapter listens on. Callers publish after their transaction commits.
 */
export interface Publisher {
  emit<E extends EventName>(roomNames: string[], event: E, payload: EventPayload<E>): void;
  /** A ticket change for crowded rooms: gathered per room and sent as one `tickets.changed` per window. */
  emitTicketChange(roomNames: string[], change: TicketChange): void;
  /** Tells the wall these queues' figures or levels may have moved though no console was told (a settings change). */
  hintWallQueues(queueIds: readonly string[]): void;
  /** Sends the gathered ticket changes now (the process is stopping). */
  flush(): void;
  disconnectRoom(roomName: string): void;
}

/** Where the supervisors' wall hears which queues (`q:<id>`) and agents (`a:<id>`) changed, comma-separated. */
export const wallHintChannel = (prefix: string) => `${prefix}:wall-hints`;

// Hints are gathered this long and published together: one Redis message per moment, not one per event.
const WALL_HINT_WINDOW_MS = 10;

export function socketIoKey(prefix: string) {
  return `${prefix}:socket.io`;
}

/**
 * Realtime events are hints (consoles re-read the truth over HTTP), so a publish that fails — Redis away, or the
 * process shutting down — is logged, never left as an unhandled rejection.
 */
export function createPublisher(redis: Redis, prefix: string, log: Logger): Publisher {
  const client = {
    publish: (channel: string, message: string | Buffer) =>
      redis
        .publish(channel, message)
        .catch((err: Error) => log.warn({ err: err.message, channel }, 'realtime publish failed')),
  };
  const emitter = new Emitter(client, { key: socketIoKey(prefix) });
  // Whatever an agent's or a queue's consoles are told about has changed that agent's or queue's figures too: the
  // wall (server/wall/wallPush.ts) hears of it from here, after the change committed, whichever code path made it.
  const wallHints = new Set<string>();
  let wallHintTimer: NodeJS.Timeout | null = null;
  const sendWallHints = () => {
    wallHintTimer = null;
    if (wallHints.size === 0) return;
    const message = [...wallHints].join(',');
    wallHints.clear();
    void client.publish(wallHintChannel(prefix), message);
  };
  const hintWall = (roomNames: readonly string[]) => {
    for (const room of roomNames) {
      if (room.startsWith('agent:')) wallHints.add(`a:${room.slice(6)}`);
      else if (room.startsWith('queue:')) wallHints.add(`q:${room.slice(6)}`);
    }
    if (wallHints.size && !wallHintTimer) wallHintTimer = setTimeout(sendWallHints, WALL_HINT_WINDOW_MS).unref();
  };
  const emit = (roomNames: string[], event: string, payload: unknown) => {
    if (roomNames.length === 0) return;
    hintWall(roomNames);
    (emitter.to(roomNames) as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
  };
  const ticketChanges = createRoomBatches<TicketChange>(TICKET_CHANGES_WINDOW_MS, (room, changes) =>
    emit([room], 'tickets.changed', { changes }),
  );
  return {
    emit,
    emitTicketChange: (roomNames, change) => {
      hintWall(roomNames);
      ticketChanges.add(roomNames, change);
    },
    hintWallQueues: (queueIds) => hintWall(queueIds.map(rooms.queue)),
    flush: () => {
      ticketChanges.flush();
      if (wallHintTimer) clearTimeout(wallHintTimer);
      sendWallHints();
    },
    disconnectRoom(roomName) {
      emitter.in(roomName).disconnectSockets(true);
    },
  };
}
