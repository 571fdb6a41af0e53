import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { spawnServer } from '../support/serverProcess';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const connects = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

describe('SIGTERM', () => {
  it('when a request is in flight, then the server stops accepting, finishes it, closes sockets and exits 0', async () => {
    const user = await aUser(db.sql, 'agent');
    const server = await spawnServer(testEnv(db.url));
    const port = Number(new URL(server.url).port);
    const client = await new TestClient(server.url).signIn(user.email, user.password);
    const socket = await connectSocket(server.url, client.cookie);
    const socketClosed = new Promise((resolve) => socket.once('disconnect', resolve));

    // A sign-in whose body is still arriving when the signal comes.
    const body = JSON.stringify({ email: user.email, password: user.password });
    const raw = net.connect(port, '127.0.0.1');
    await new Promise((r) => raw.once('connect', r));
    let response = '';
    raw.on('data', (d) => (response += d.toString()));
    const ended = new Promise((r) => raw.once('close', r));
    raw.write(`POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((r) => setTimeout(r, 200));

    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(await connects(port)).toBe(false);
    expect(server.child.exitCode).toBeNull();

    raw.write(body.slice(10));
    await ended;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toMatch(/set-cookie: sb_session=/i);
    await socketClosed;
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
  });
});
