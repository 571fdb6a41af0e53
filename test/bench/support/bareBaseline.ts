import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server, type Socket } from 'socket.io';
import { createSql } from '../../../server/db/client';

/**
 * The bare baseline, run as a process of its own as the server is: the floor this machine sets for a webhook.
 * Express parses the form Twilio posts, postgres.js (the server's client, same settings) INSERTs one row, and —
 * for the screen-pop benchmark — Socket.IO emits to one connected socket, round-robin; then it answers empty
 * TwiML. No signature check, no routing, no Redis: whatever the real server spends beyond this is its own.
 */
const databaseUrl = process.env.BARE_DATABASE_URL;
if (!databaseUrl) throw new Error('BARE_DATABASE_URL is required');
const sql = createSql(databaseUrl);
await sql`
  create table if not exists bare_events (
    id bigserial primary key, key text not null, from_address text not null, body text not null,
    created_at timestamptz not null default now())`;

const app = express();
const server = http.createServer(app);
const sockets: Socket[] = [];
if (process.env.BARE_SOCKETS === 'true') {
  new Server(server, { serveClient: false }).on('connection', (socket) => {
    sockets.push(socket);
    socket.on('disconnect', () => sockets.splice(sockets.indexOf(socket), 1));
  });
}
let turn = 0;

app.post(
  ['/webhooks/twilio/sms', '/webhooks/twilio/voice'],
  express.urlencoded({ extended: false, limit: '64kb' }),
  async (req, res) => {
    const params = req.body as Record<string, string>;
    const [row] = await sql<{ id: string }[]>`
    insert into bare_events (key, from_address, body) values (${params.MessageSid ?? params.CallSid}, ${params.From}, ${params.Body ?? ''})
    returning id`;
    if (sockets.length) sockets[turn++ % sockets.length].emit('offer.created', { id: row.id, from: params.From });
    res.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  },
);

server.listen(0, '127.0.0.1', () => {
  console.log(
    JSON.stringify({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      msg: 'bare baseline listening',
    }),
  );
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void sql.end({ timeout: 2 }).finally(() => process.exit(0));
});
