import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallFiguresPush } from '../../server/http/wallApiTypes';
import { aPhone } from '../support/contacts';
import { aQueue, aTeam, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { connectSocket, nextEvent } from '../support/sockets';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';

// Two processes of one deployment (same database, same Redis prefix): a contact taken in by a web-only process is
// pushed to a supervisor connected to the other one, and a process started afterwards shows the same figures.
let db: TestDatabase;
let env: Record<string, string>;
const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  env = testEnv(db.url);
  servers.push(await startTestServer(env), await startTestServer({ ...env, SERVICES: 'web' }));
}, 60_000);
afterAll(async () => {
  for (const s of servers) await s.stop();
  await db?.drop();
});

describe('the wall across processes', () => {
  it('when an SMS arrives on a web-only process, then a supervisor on the realtime process gets the figures, and a new process reads the same', async () => {
    const [realtime, web] = servers;
    const team = await aTeam(db.sql);
    const queue = await aQueue(db.sql, { teamId: team, entryForChannels: ['sms'] });
    const s = await aUser(db.sql, 'supervisor', { teamIds: [team] });
    const supervisor = await new TestClient(realtime.url).signIn(s.email, s.password);
    const socket = await connectSocket(realtime.url, supervisor.cookie);
    try {
      const pushed = nextEvent<WallFiguresPush>(socket, 'wall.figures', (p) =>
        p.queues.some((q) => q.queueId === queue && q.total.today.offered === 1),
      );
      const res = await postTwilioWebhook(
        web.url,
        '/webhooks/twilio/sms',
        incomingSmsParams(aPhone(), '+15005550006', 'Hello from the other process'),
        { authToken: web.ctx.sms.authToken, publicUrl: web.ctx.config.PUBLIC_URL },
      );
      expect(res.status).toBe(200);
      await pushed;
    } finally {
      socket.close();
    }

    const later = await startTestServer({ ...env, SERVICES: 'web' });
    servers.push(later);
    const again = await new TestClient(later.url).signIn(s.email, s.password);
    const figures = await again.get('/api/wall/figures');
    expect(figures.body.queues[0].total.today).toMatchObject({ offered: 1, waiting: 1 });
  });
});
