import type net from 'node:net';
import type { SMTPServer } from 'smtp-server';

/**
 * Starts a test SMTP server on a free loopback port, keeping its open connections in `sockets` so a test can cut
 * them (a connection dropped mid-send) and close them at the end.
 */
export async function listenOnLoopback(server: SMTPServer, sockets: Set<net.Socket>): Promise<number> {
  server.server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.server.address() as net.AddressInfo).port;
}
