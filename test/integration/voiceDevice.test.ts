import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';

// How each agent takes calls, and the Voice SDK access token the console's @twilio/voice-sdk Device registers with.
const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const API_KEY_SID = `SK${'2'.repeat(32)}`;
const API_KEY_SECRET = 'an-api-key-secret-for-tests';
const twilioEnv = {
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: 'a-test-auth-token-of-32-chars-xx',
  TWILIO_SMS_FROM: '+15005550006',
};

let db: TestDatabase;
const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
async function aServer(env: Record<string, string>) {
  const server = await startTestServer(testEnv(db.url, env));
  servers.push(server);
  return server;
}
async function signedIn(server: { url: string }, options: { phone?: string } = {}) {
  const user = await aUser(db.sql, 'agent');
  if (options.phone) await db.sql`update users set phone_number = ${options.phone} where id = ${user.id}`;
  return { ...user, client: await new TestClient(server.url).signIn(user.email, user.password) };
}

/** The JWT's parts, after checking its HS256 signature with the API key's secret as Twilio does. */
function verifiedJwt(token: string, secret: string) {
  const [header, payload, signature] = token.split('.');
  expect(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString());
  return { header: decode(header), payload: decode(payload) };
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await db?.drop();
});

describe('GET /api/voice/device', () => {
  it('with Twilio and an API key, gives an agent a signed Voice access token that may only receive calls, for their own identity', async () => {
    const server = await aServer({
      ...twilioEnv,
      TWILIO_API_KEY_SID: API_KEY_SID,
      TWILIO_API_KEY_SECRET: API_KEY_SECRET,
    });
    const agent = await signedIn(server);
    const res = await agent.client.get('/api/voice/device');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mode: 'twilio',
      endpoint: 'browser',
      identity: `agent-${agent.id}`,
      phoneNumber: null,
    });

    const { header, payload } = verifiedJwt(res.body.token, API_KEY_SECRET);
    expect(header).toMatchObject({ alg: 'HS256', cty: 'twilio-fpa;v=1' });
    expect(payload).toMatchObject({
      iss: API_KEY_SID,
      sub: ACCOUNT_SID,
      grants: { identity: `agent-${agent.id}`, voice: { incoming: { allow: true } } },
    });
    expect(payload.grants.voice.outgoing).toBeUndefined();
    // The expiry the console is told is the token's own; the Voice SDK asks for a new one a minute before it.
    expect(Math.abs(payload.exp * 1000 - Date.parse(res.body.tokenExpiresAt))).toBeLessThan(2000);
    expect(payload.exp - Date.now() / 1000).toBeGreaterThan(3000);

    // An agent with a phone number in their profile is rung there: no token.
    const onPhone = await signedIn(server, { phone: '+14155550199' });
    expect((await onPhone.client.get('/api/voice/device')).body).toMatchObject({
      endpoint: 'phone',
      phoneNumber: '+14155550199',
      token: null,
    });
    expect((await new TestClient(server.url).get('/api/voice/device')).status).toBe(401);
  });

  it('with Twilio but no API key, says the browser cannot take calls; with the simulator, the console’s simulated phone does', async () => {
    const noKey = await aServer(twilioEnv);
    expect((await (await signedIn(noKey)).client.get('/api/voice/device')).body).toMatchObject({
      mode: 'twilio',
      endpoint: 'none',
      token: null,
    });
    const simulated = await aServer({});
    expect((await (await signedIn(simulated)).client.get('/api/voice/device')).body).toMatchObject({
      mode: 'simulator',
      endpoint: 'browser',
      token: null,
    });
  });
});
