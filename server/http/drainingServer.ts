import http, { type RequestListener, type ServerOptions, type ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';

// After the last request, how long a kept-alive connection may stay quiet before it is closed under it.
const IDLE_GRACE_MS = 500;

/**
 * An HTTP server that shuts down without resetting requests. Draining stops accepting connections but keeps the
 * open ones: every request that still arrives on them is served (the database is still there), answered with
 * `Connection: close` so its client moves on. Draining ends when no request is in flight and none has arrived
 * for IDLE_GRACE_MS, or at the deadline.
 */
export function createDrainingServer(handler: RequestListener, options: ServerOptions = {}) {
  const inFlight = new Set<ServerResponse>();
  const keptAlive = new Set<Socket>();
  let draining = false;
  let lastRequestAt = 0;

  const server = http.createServer(options, (req, res) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    lastRequestAt = Date.now();
    if (!keptAlive.has(req.socket)) {
      keptAlive.add(req.socket);
      req.socket.once('close', () => keptAlive.delete(req.socket));
    }
    if (draining) res.setHeader('Connection', 'close');
    handler(req, res);
  });

  return {
    server,
    async drain(deadline: number) {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      // Not http.Server#close: it also destroys idle keep-alive connections, and a request already on its way
      // over one would be reset.
      net.Server.prototype.close.call(server);
      const settled = () =>
        inFlight.size === 0 && (keptAlive.size === 0 || Date.now() - lastRequestAt >= IDLE_GRACE_MS);
      while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    },
  };
}
