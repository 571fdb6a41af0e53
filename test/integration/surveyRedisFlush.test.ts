import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/net/freePort';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// A survey's send time is a row: this test's own Redis loses everything while a survey waits, and it still goes out,
// once, without a restart.
let db: TestDatabase;
let redisServer: ChildProcess;
let redisUrl: string;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = await createTestDatabase();
  const port = await freePort();
  redisServer = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  const probe = new Redis(redisUrl, { maxRetriesPerRequest: 0, retryStrategy: () => 100 }).on('error', () => {});
  await waitFor(
    () => probe.ping().catch(() => 'down'),
    (answer) => answer === 'PONG',
  );
  probe.disconnect();
  server = await startTestServer(testEnv(db.url, { REDIS_URL: redisUrl }));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  redisServer?.kill();
  await db?.drop();
});

describe('after Redis loses everything (FLUSHALL)', () => {
  it('a scheduled survey is still sent when its time comes, exactly once', async () => {
    const queueId = await aQueue(db.sql, { entryForChannels: ['sms'] });
    const a = await aUser(db.sql, 'admin');
    const admin = await new TestClient(server.url).signIn(a.email, a.password);
    await changeSurveySettings(admin, queueId, { channel: 'contact', delayMinutes: 30 });
    const phone = aPhone();
    const res = await postTwilioWebhook(
      server.url,
      '/webhooks/twilio/sms',
      incomingSmsParams(phone, '+15005550006', 'Hi'),
      {
        authToken: server.ctx.sms.authToken,
        publicUrl: server.ctx.config.PUBLIC_URL,
      },
    );
    expect(res.status).toBe(200);
    const [ticket] = await db.sql<{ id: string }[]>`select ticket_id as id from messages where from_address = ${phone}`;
    expect((await admin.patch(`/api/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
    const [survey] = await db.sql<
      { id: string }[]
    >`select id from surveys where ticket_id = ${ticket.id} and status = 'scheduled'`;
    expect(survey).toBeDefined();

    const redis = new Redis(redisUrl);
    await redis.flushall();
    redis.disconnect();
    // Its half hour has passed: only the row says so now.
    await db.sql`update surveys set send_at = now() where id = ${survey.id}`;
    const [sent] = await waitFor(
      () => db.sql`select status from surveys where id = ${survey.id}`,
      (rows) => rows[0]?.status === 'sent',
      60_000,
    );
    expect(sent.status).toBe('sent');
    const questions = await waitFor(
      () => db.sql`select status from messages where ticket_id = ${ticket.id} and direction = 'outbound'`,
      (rows) => rows.length === 1 && rows[0].status === 'sent',
      30_000,
    );
    expect(questions).toHaveLength(1);
  }, 120_000);
});
