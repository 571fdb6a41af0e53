import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { accessLog, requestLog } from '../../server/observability/accessLog';
import { twilioHttpClientAt } from '../../server/sms/twilioHttpClient';

// A Twilio REST call that fails on the network: the official client's error (axios underneath) carries the whole
// request, its Authorization header included. However the server logs that error — a job's failure, a request's
// error in the access log — the Auth Token stays out of the log, and what went wrong stays in it.

const ACCOUNT_SID = `AC${'cd'.repeat(16)}`;
const AUTH_TOKEN = 'secrets-test-auth-token-9876543210';
const BASIC = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');

/** Log lines as the server writes them, kept in memory. */
function capturedLog() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    log: createLogger('info', stream),
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, any>),
  };
}

/** A loopback port nothing listens on: every connection to it is refused. */
async function aClosedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let twilioError: Error;
beforeAll(async () => {
  const client = twilio(ACCOUNT_SID, AUTH_TOKEN, {
    httpClient: twilioHttpClientAt(`http://127.0.0.1:${await aClosedPort()}`) as never,
  });
  twilioError = await client.calls
    .create({ to: '+14155550100', from: '+15005550006', url: 'https://switchboard.example/voice' })
    .then(
      () => {
        throw new Error('the call was placed on a closed port');
      },
      (err: Error) => err,
    );
  // What the test is about: the error itself holds the credentials.
  expect(
    (twilioError as Error & { config?: { headers?: Record<string, string> } }).config?.headers?.Authorization,
  ).toBe(`Basic ${BASIC}`);
});

function expectNoTwilioSecret(text: string) {
  expect(text).not.toContain(AUTH_TOKEN);
  expect(text).not.toContain(BASIC);
}

describe('secrets in logs', () => {
  it('when a failed Twilio REST call is logged (as a job failure is), then the log keeps its message and code but holds neither the Auth Token nor Basic <base64(SID:token)>', () => {
    const { log, text, lines } = capturedLog();
    log.warn({ err: twilioError, queue: 'voice', job: 'dial-agent-leg', id: 'dial-1' }, 'job failed');
    log.error(twilioError);

    const [failed, bare] = lines();
    expect(failed).toMatchObject({
      msg: 'job failed',
      err: { message: expect.stringContaining('ECONNREFUSED'), code: 'ECONNREFUSED' },
    });
    expect(bare.err).toMatchObject({ code: 'ECONNREFUSED' });
    expectNoTwilioSecret(text());
  });

  it('when passwords, tokens, session ids or authorization headers are logged as fields, then they are redacted', () => {
    const { log, text } = capturedLog();
    log.info(
      {
        password: 'pw-secret-1',
        user: { password: 'pw-secret-2', sessionId: 'sid-secret-3' },
        authToken: 'tok-secret-4',
        headers: { Authorization: `Basic ${BASIC}` },
      },
      'fields',
    );
    log.warn({ err: `request with Authorization: Basic ${BASIC} failed` }, 'as text');
    for (const secret of ['pw-secret-1', 'pw-secret-2', 'sid-secret-3', 'tok-secret-4'])
      expect(text()).not.toContain(secret);
    expectNoTwilioSecret(text());
  });

  describe('the access log', () => {
    const { log, text, lines } = capturedLog();
    let server: http.Server;
    let url: string;
    beforeAll(async () => {
      const app = express();
      app.use(accessLog(log));
      app.get('/fails', (_req, _res, next) => next(twilioError));
      // As server/http/app.ts answers an unexpected error: logged through the request's logger, with its request id.
      app.use((err: Error, req: express.Request, res: express.Response, _next: express.NextFunction) => {
        requestLog(log, req).error({ err }, 'request failed');
        res.status(500).json({ error: 'internal' });
      });
      server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('when a request fails with a Twilio client error, then its lines name the error without the Auth Token or the session cookie', async () => {
      const res = await fetch(`${url}/fails`, {
        headers: { authorization: `Basic ${BASIC}`, cookie: 'sb_session=session-secret-5' },
      });
      expect(res.status).toBe(500);
      expect(lines().find((l) => l.msg === 'request failed')).toMatchObject({
        err: { code: 'ECONNREFUSED' },
        reqId: expect.any(String),
      });
      expect(lines().find((l) => l.req?.url === '/fails')).toMatchObject({ res: { statusCode: 500 } });
      expectNoTwilioSecret(text());
      expect(text()).not.toContain('session-secret-5');
    });
  });
});
