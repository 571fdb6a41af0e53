import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { spawnServer } from '../support/serverProcess';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';

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

/** GET over one kept-alive connection (the agent holds a single socket), as a load balancer's probe does. */
const getOver = (agent: http.Agent, url: string) =>
  new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.once('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
      })
      .once('error', reject);
  });

describe('SIGTERM', () => {
  it('when a request is in flight, then /readyz turns 503 at once, the server stops accepting, finishes the request, closes sockets and exits 0', async () => {
    const user = await aUser(db.sql, 'agent');
    const server = await spawnServer(testEnv(db.url));
    const port = Number(new URL(server.url).port);
    const client = await new TestClient(server.url).signIn(user.email, user.password);
    const socket = await connectSocket(server.url, client.cookie);
    const socketClosed = new Promise((resolve) => socket.once('disconnect', resolve));
    const probe = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await getOver(probe, `${server.url}/readyz`)).status).toBe(200);

    // A sign-in whose body is still arriving when the signal comes.
    const body = JSON.stringify({ email: user.email, password: user.password });
    const raw = net.connect(port, '127.0.0.1');
    await new Promise((r) => raw.once('connect', r));
    let response = '';
    raw.on('data', (d) => (response += d.toString()));
    const ended = new Promise((r) => raw.once('close', r));
    raw.write(
      `POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 200));

    server.child.kill('SIGTERM');
    expect(
      await waitFor(
        () => connects(port),
        (accepted) => !accepted,
      ),
    ).toBe(false);
    expect(server.child.exitCode).toBeNull();
    // The probe's kept-alive connection is still answered: not ready, and closed after the answer.
    expect(await getOver(probe, `${server.url}/readyz`)).toEqual({ status: 503, connection: 'close' });

    raw.write(body.slice(10));
    await ended;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toMatch(/set-cookie: sb_session=/i);
    expect(response).toMatch(/connection: close/i);
    await socketClosed;
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
    probe.destroy();
  });

  it('when SIGTERM comes during a stream of signed SMS webhooks, then every request is answered or refused (never reset) and every 2xx is stored', async () => {
    await aQueue(db.sql, { entryForChannels: ['sms'] });
    const server = await spawnServer(testEnv(db.url));
    const [{ value: authToken }] = await db.sql<
      { value: string }[]
    >`select value from app_secrets where name = 'twilio-simulator-auth-token'`;

    type Outcome = { sid: string; status?: number; error?: string };
    const outcomes: Outcome[] = [];
    const pending = new Set<string>();
    const send = async (): Promise<Outcome> => {
      const params = incomingSmsParams(aPhone(), '+15005550006', 'Is my order on its way?');
      pending.add(params.MessageSid);
      try {
        const res = await postTwilioWebhook(server.url, '/webhooks/twilio/sms', params, {
          authToken,
          publicUrl: server.url,
        });
        await res.arrayBuffer();
        return { sid: params.MessageSid, status: res.status };
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        return { sid: params.MessageSid, error: cause?.code ?? cause?.message ?? String(err) };
      } finally {
        pending.delete(params.MessageSid);
      }
    };
    // Eight senders, each posting the next webhook as soon as the last is answered, until the server refuses them.
    const senders = Array.from({ length: 8 }, async () => {
      for (;;) {
        const outcome = await send();
        outcomes.push(outcome);
        if (outcome.error) return;
      }
    });

    await waitFor(
      async () => outcomes.length,
      (n) => n >= 150,
      60_000,
    );
    const inFlightAtSignal = [...pending];
    server.child.kill('SIGTERM');
    await Promise.all(senders);
    expect(await server.exited).toBe(0);

    expect(inFlightAtSignal.length).toBeGreaterThan(0);
    const failures = outcomes.filter((o) => o.error && o.error !== 'ECONNREFUSED');
    expect(failures).toEqual([]);
    expect(outcomes.filter((o) => o.status !== undefined && o.status !== 200)).toEqual([]);
    const answered = outcomes.filter((o) => o.status === 200).map((o) => o.sid);
    expect(answered).toEqual(expect.arrayContaining(inFlightAtSignal));
    const stored = await db.sql<
      { providerId: string }[]
    >`select provider_id from messages where provider_id = any(${answered})`;
    expect(stored.map((m) => m.providerId).sort()).toEqual([...answered].sort());
  });
});
