import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { SessionUser } from '../auth/sessions';
import { findSession } from '../auth/sessions';
import { eligibleQueueIds } from '../auth/ticketVisibility';
import type { AppContext } from '../context';
import { emailSimulatorEnabled } from '../email/simulatedMailbox';
import type { ClientToServerEvents, ServerToClientEvents } from '../http/apiTypes';
import { sessionToken } from '../http/app';
import { trackConsoleConnections } from '../presence/consoleConnections';
import { socketIoKey } from './publisher';
import { rooms } from './rooms';
import { listenForPopAcknowledgements } from './offerAcknowledgements';

interface SocketData {
  session: SessionUser;
  rooms: string[];
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Socket.IO on the HTTP server. Sockets authenticate in the handshake with the session cookie and join
 * their rooms; the Redis adapter carries room events between processes. Which consoles are connected is kept
 * in Postgres (server/presence), so an agent whose every console is gone, on any process, even one that died,
 * is set offline after the grace period, and one with a console anywhere keeps their state.
 */
export function attachRealtime(httpServer: HttpServer, ctx: AppContext, adapterClients: { pub: Redis; sub: Redis }) {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    adapter: createAdapter(adapterClients.pub, adapterClients.sub, { key: socketIoKey(ctx.config.REDIS_PREFIX) }),
  });
  const consoles = trackConsoleConnections(ctx, () =>
    [...io.of('/').sockets.values()].map((socket) => ({ socketId: socket.id, userId: socket.data.session.userId })),
  );

  io.use((socket, next) => {
    const admit = async () => {
      const session = await findSession(ctx.sql, sessionToken(socket.handshake.headers.cookie));
      if (!session) throw new Error('unauthenticated');
      socket.data.session = session;
      // Resolved before the connection completes, so the socket is in every room the moment it is connected.
      socket.data.rooms = [
        rooms.agent(session.userId),
        rooms.session(session.sessionId),
        ...(ctx.sms.mode === 'simulator' || (await emailSimulatorEnabled(ctx.sql)) ? [rooms.simulator] : []),
        ...(await roomsFor(ctx, session)),
      ];
    };
    admit().then(
      () => next(),
      (err: Error) => next(err),
    );
  });

  io.on('connection', (socket) => {
    const connection = { socketId: socket.id, userId: socket.data.session.userId };
    void socket.join(socket.data.rooms);
    consoles.connected(connection);
    socket.on('disconnect', () => consoles.disconnected(connection));
    listenForPopAcknowledgements(socket, ctx, connection.userId);
  });

  return {
    io,
    /**
     * Closes this process's sockets by closing their transports (not with a server "disconnect" packet,
     * which would tell clients not to come back), so consoles reconnect to another process or to this one after restart.
     */
    async close() {
      // First, so the disconnects that closing causes are not taken for consoles leaving.
      await consoles.close();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

async function roomsFor(ctx: AppContext, session: SessionUser): Promise<string[]> {
  if (session.role === 'admin') return [rooms.allSupervisors, rooms.anySupervisor];
  if (session.role === 'supervisor') {
    const teams = await ctx.sql<
      { teamId: string }[]
    >`select team_id from team_members where user_id = ${session.userId}`;
    return [rooms.anySupervisor, ...teams.map((t) => rooms.teamSupervisors(t.teamId))];
  }
  const queues = await ctx.sql<{ id: string }[]>`${eligibleQueueIds(ctx.sql, session.userId)}`;
  return queues.map((q) => rooms.queue(q.id));
}

export type Realtime = ReturnType<typeof attachRealtime>;
