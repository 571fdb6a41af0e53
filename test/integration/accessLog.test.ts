import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../support/factories';
import { spawnServer, type ServerProcess } from '../support/serverProcess';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { testEnv } from '../support/testServer';
import { waitFor } from '../support/waitFor';

let db: TestDatabase;
let server: ServerProcess;
beforeAll(async () => {
  db = await createTestDatabase();
  server = await spawnServer(testEnv(db.url, { SERVICES: 'web' }));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

const logLines = () =>
  server
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
const accessLine = (reqId: string) =>
  waitFor(async () => logLines().find((l) => l.reqId === reqId && l.msg === 'request completed'), Boolean);

describe('access log', () => {
  it('when requests arrive, then each gets one JSON line with its request id (kept when sane, echoed back) and no cookie, credential, password or signature', async () => {
    const user = await aUser(db.sql, 'agent');
    const traced = await fetch(`${server.url}/api/me`, {
      headers: {
        'x-request-id': 'lb-7f3a.42',
        cookie: 'sb_session=cookie-secret-value',
        authorization: 'Bearer bearer-secret-value',
      },
    });
    expect(traced.status).toBe(401);
    expect(traced.headers.get('x-request-id')).toBe('lb-7f3a.42');

    const forged = await fetch(`${server.url}/webhooks/twilio/sms`, {
      method: 'POST',
      headers: {
        'x-request-id': 'not sane {"id"}',
        'x-twilio-signature': 'signature-secret-value',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'MessageSid=SM123&Body=hi',
    });
    expect(forged.status).toBe(403);
    const generated = forged.headers.get('x-request-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(signIn.status).toBe(200);
    const sessionToken = signIn.headers.get('set-cookie')!.split(';')[0].split('=')[1];
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    expect(await accessLine('lb-7f3a.42')).toMatchObject({
      req: { method: 'GET', url: '/api/me', remoteAddress: expect.any(String) },
      res: { statusCode: 401 },
      responseTime: expect.any(Number),
    });
    expect(await accessLine(generated)).toMatchObject({
      req: { method: 'POST', url: '/webhooks/twilio/sms' },
      res: { statusCode: 403 },
    });
    expect(await accessLine(signIn.headers.get('x-request-id')!)).toMatchObject({
      req: { url: '/api/auth/sign-in' },
      res: { statusCode: 200 },
    });
    const output = server.output();
    for (const secret of [
      'cookie-secret-value',
      'bearer-secret-value',
      'signature-secret-value',
      sessionToken,
      user.password,
    ])
      expect(output).not.toContain(secret);
    expect(output).not.toContain('not sane');
    // Probes that succeed are not logged: they would drown the rest.
    expect(logLines().filter((l) => l.req?.url === '/healthz')).toEqual([]);
  });
});
