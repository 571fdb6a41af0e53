import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** The value of one series in a Prometheus text exposition, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = line.match(/^([A-Za-z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (m && m[1] === name && wanted.every((w) => (m[2] ?? '').split(',').includes(w))) return Number(m[3]);
  }
  return undefined;
}

const scrape = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

describe('/metrics', () => {
  it('when a process runs every role, then it serves the named series; a webhook moves the webhook histogram, a waiting ticket the queue gauges, a socket the socket gauge', async () => {
    const queueName = `Metrics ${aPhone()}`;
    await aQueue(db.sql, { name: queueName, entryForChannels: ['sms'] });
    const server = await startTestServer(testEnv(db.url));
    try {
      const before = await scrape(server.url);
      expect(before.status).toBe(200);
      expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
      for (const series of [
        'switchboard_webhook_duration_seconds',
        'switchboard_routing_pass_duration_seconds',
        'switchboard_offer_to_pop_seconds',
        'switchboard_waiting_tickets',
        'switchboard_oldest_wait_seconds',
        'switchboard_queue_jobs',
        'switchboard_sockets_connected',
        'nodejs_eventloop_lag_seconds',
      ]) {
        expect(before.text, series).toContain(`# TYPE ${series} `);
      }
      expect(sample(before.text, 'switchboard_waiting_tickets', { queue: queueName })).toBe(0);
      expect(sample(before.text, 'switchboard_queue_jobs', { queue: 'routing', state: 'wait' })).toBeGreaterThanOrEqual(
        0,
      );
      const smsAnswered = (text: string) =>
        sample(text, 'switchboard_webhook_duration_seconds_count', { route: 'sms', status: '200' }) ?? 0;

      // Nobody is signed in, so the customer's text waits in its queue.
      const params = incomingSmsParams(aPhone(), '+15005550006', 'Where is my parcel?');
      const res = await postTwilioWebhook(server.url, '/webhooks/twilio/sms', params, {
        authToken: server.ctx.sms.authToken,
        publicUrl: server.ctx.config.PUBLIC_URL,
      });
      expect(res.status).toBe(200);
      const after = await waitFor(
        () => scrape(server.url),
        (s) => sample(s.text, 'switchboard_waiting_tickets', { queue: queueName }) === 1,
      );
      expect(sample(after.text, 'switchboard_waiting_tickets', { queue: queueName })).toBe(1);
      expect(sample(after.text, 'switchboard_oldest_wait_seconds', { queue: queueName })).toBeGreaterThanOrEqual(0);
      expect(smsAnswered(after.text)).toBe(smsAnswered(before.text) + 1);

      const agent = await aUser(db.sql, 'agent');
      const client = await new TestClient(server.url).signIn(agent.email, agent.password);
      const socket = await connectSocket(server.url, client.cookie);
      try {
        expect(sample((await scrape(server.url)).text, 'switchboard_sockets_connected')).toBe(1);
      } finally {
        socket.close();
      }
    } finally {
      await server.stop();
    }
  });

  it('when METRICS_TOKEN is set, then /metrics answers only to that bearer token', async () => {
    const token = 'scrape-token-0123456789';
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'web', METRICS_TOKEN: token }));
    try {
      const anonymous = await scrape(server.url);
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.text).error.code).toBe('unauthenticated');
      expect((await scrape(server.url, { authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
      const allowed = await scrape(server.url, { authorization: `Bearer ${token}` });
      expect(allowed.status).toBe(200);
      expect(allowed.text).toContain('switchboard_waiting_tickets');
    } finally {
      await server.stop();
    }
  });

  it('when a process runs only the worker, then its health port serves /healthz, /readyz and /metrics with the queue and job gauges', async () => {
    const server = await startTestServer(testEnv(db.url, { SERVICES: 'worker' }));
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const { status, text } = await scrape(server.url);
      expect(status).toBe(200);
      expect(sample(text, 'switchboard_queue_jobs', { queue: 'maintenance', state: 'delayed' })).toBeGreaterThanOrEqual(
        0,
      );
      expect(text).toContain('# TYPE switchboard_waiting_tickets gauge');
      expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
      expect(text).not.toContain('switchboard_sockets_connected');
    } finally {
      await server.stop();
    }
  });
});
