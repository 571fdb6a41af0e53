import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeContact } from '../../server/intake/intakeContact';
import { aPhone } from '../support/contacts';
import { aCustomer, aQueue, aTicket, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams } from '../support/voiceWebhooks';
import { waitFor } from '../support/waitFor';

// Malformed input from outside, against the real server: it is stored (a provider's text) or refused with a 4xx
// that says what is wrong (our API's input), never a 500.
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let agent: TestClient;
let entryQueueId: string;
const COMPANY = '+15005550006';
const sign = () => ({ authToken: server.ctx.sms.authToken, publicUrl: server.ctx.config.PUBLIC_URL });

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(testEnv(db.url));
  entryQueueId = await aQueue(db.sql, { entryForChannels: ['sms', 'voice'] });
  const adminUser = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(adminUser.email, adminUser.password);
  const agentUser = await aUser(db.sql, 'agent');
  agent = await new TestClient(server.url).signIn(agentUser.email, agentUser.password);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** Posts a raw body to a Twilio webhook path, signed as Twilio would sign `signedParams`. */
function postSignedRaw(
  path: string,
  body: string,
  contentType: string,
  signedParams: Record<string, string | string[]>,
) {
  const signature = twilio.getExpectedTwilioSignature(
    sign().authToken,
    sign().publicUrl + path,
    signedParams as Record<string, string>,
  );
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-twilio-signature': signature },
    body,
  });
}

describe('text from providers with NUL or broken surrogates', () => {
  it('when Twilio posts a signed SMS with NUL characters, then it answers 200 (each retry too) and stores one message with U+FFFD in their place', async () => {
    const phone = aPhone();
    const params = incomingSmsParams(phone, COMPANY, 'broken\u0000text\u0000here');
    for (let delivery = 0; delivery < 2; delivery++) {
      const res = await postTwilioWebhook(server.url, '/webhooks/twilio/sms', params, sign());
      expect(res.status).toBe(200);
    }
    const messages = await db.sql`select body_text, metadata from messages where from_address = ${phone}`;
    expect(messages).toHaveLength(1);
    expect(messages[0].bodyText).toBe('broken\ufffdtext\ufffdhere');
    expect(messages[0].metadata.twilio.Body).toBe('broken\ufffdtext\ufffdhere');
  });

  it('when Twilio posts a voicemail transcription with a NUL, then it answers 204 and the voicemail message reads the text with U+FFFD', async () => {
    const recordingSid = `RE${randomBytes(16).toString('hex')}`;
    await intakeContact(server.ctx, {
      channel: 'voice',
      from: { kind: 'phone', value: aPhone() },
      to: COMPANY,
      providerId: recordingSid,
      text: 'Voicemail (transcription pending).',
    });
    const path = `/webhooks/twilio/voice/transcription?callId=${randomUUID()}`;
    const res = await postTwilioWebhook(
      server.url,
      path,
      { RecordingSid: recordingSid, TranscriptionText: 'call me\u0000back', TranscriptionStatus: 'completed' },
      sign(),
    );
    expect(res.status).toBe(204);
    const [message] = await db.sql`select body_text, metadata from messages where provider_id = ${recordingSid}`;
    expect(message.bodyText).toBe('Voicemail transcription: call me\ufffdback');
    expect(message.metadata.transcription).toBe('call me\ufffdback');
  });
});

describe('API input with NUL or lone surrogates', () => {
  const refusedField = (res: { status: number; body: any }) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    return res.body.error.fields.map((f: { path: string }) => f.path);
  };

  it('when a search, note, ticket subject, customer name or new user holds one, then it answers 400 naming the field and stores nothing', async () => {
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const ticketId = await aTicket(db.sql, { customerId });
    expect(refusedField(await agent.get('/api/customers?q=%00'))).toEqual(['q']);
    expect(refusedField(await agent.post(`/api/tickets/${ticketId}/notes`, { text: 'note\u0000' }))).toEqual(['text']);
    expect(refusedField(await agent.post(`/api/tickets/${ticketId}/replies`, { text: 'reply\ud800' }))).toEqual([
      'text',
    ]);
    expect(refusedField(await agent.patch(`/api/tickets/${ticketId}`, { subject: 'x\ud800' }))).toEqual(['subject']);
    expect(refusedField(await agent.patch(`/api/customers/${customerId}`, { name: 'Ann\u0000' }))).toEqual(['name']);
    expect(
      refusedField(
        await admin.post('/api/admin/users', {
          email: 'nul@example.com',
          name: 'N\udc00',
          role: 'agent',
          password: 'long-enough-password',
        }),
      ),
    ).toEqual(['name']);
    expect(await db.sql`select 1 from messages where ticket_id = ${ticketId}`).toHaveLength(0);
    expect(await db.sql`select 1 from users where email = 'nul@example.com'`).toHaveLength(0);
  });

  it('when text holds emoji (surrogate pairs) and U+FFFD, then it is accepted as it is', async () => {
    const customerId = await aCustomer(db.sql, { phone: aPhone() });
    const res = await admin.patch(`/api/customers/${customerId}`, { name: 'Ann 😀 \ufffd' });
    expect(res.status).toBe(200);
    expect((await db.sql`select name from customers where id = ${customerId}`)[0].name).toBe('Ann 😀 \ufffd');
  });
});

describe('a JSON body in a charset other than UTF-8', () => {
  it('when sign-in, an API route or a webhook is sent charset=latin1, then it answers 415 naming the charset', async () => {
    const post = (path: string, contentType: string, body: string) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'content-type': contentType, ...(agent.cookie ? { cookie: agent.cookie } : {}) },
        body,
      });
    for (const path of ['/api/auth/sign-in', '/api/callbacks']) {
      const res = await post(path, 'application/json; charset=latin1', '{"email":"a@example.com","password":"x"}');
      expect(res.status).toBe(415);
      expect((await res.json()).error.message).toMatch(/latin1/);
    }
    const hook = await post('/webhooks/twilio/sms', 'application/x-www-form-urlencoded; charset=latin1', 'Body=x');
    expect(hook.status).toBe(415);
  });
});

describe('signed webhooks that are not what Twilio sends', () => {
  it('when a signed SMS webhook has a JSON body, then it answers 400 and stores nothing', async () => {
    const phone = aPhone();
    const res = await postSignedRaw(
      '/webhooks/twilio/sms',
      JSON.stringify(incomingSmsParams(phone, COMPANY, 'json')),
      'application/json',
      {},
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/form-encoded/);
    expect(await db.sql`select 1 from messages where from_address = ${phone}`).toHaveLength(0);
  });

  it('when a signed SMS or voice webhook repeats a parameter, then it answers 400 naming it and stores nothing', async () => {
    const phone = aPhone();
    const params = incomingSmsParams(phone, COMPANY, 'twice');
    const body = `${new URLSearchParams(params)}&Body=again`;
    const sms = await postSignedRaw('/webhooks/twilio/sms', body, 'application/x-www-form-urlencoded', {
      ...params,
      Body: [params.Body, 'again'],
    });
    expect(sms.status).toBe(400);
    expect(await sms.text()).toMatch(/Body/);
    expect(await db.sql`select 1 from messages where from_address = ${phone}`).toHaveLength(0);

    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const voice = await postSignedRaw(
      '/webhooks/twilio/voice/incoming',
      `CallSid=${callSid}&From=${encodeURIComponent(phone)}&From=x`,
      'application/x-www-form-urlencoded',
      { CallSid: callSid, From: [phone, 'x'] },
    );
    expect(voice.status).toBe(400);
    expect(await db.sql`select 1 from calls where call_sid = ${callSid}`).toHaveLength(0);
  });

  it('when a signed voice or keypad survey webhook names a malformed id, then it answers 400 naming the id and stores nothing', async () => {
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    const params = { CallSid: callSid, CallStatus: 'completed', From: aPhone(), To: COMPANY, Digits: '5' };
    const body = new URLSearchParams(params).toString();
    const answersBefore = (await db.sql`select 1 from survey_answers`).length;
    const cases = [
      ['/webhooks/twilio/voice/wait?callId=not-a-uuid', 'callId'],
      [`/webhooks/twilio/voice/survey/opt-in?callId=${randomUUID()}&queueId=1`, 'queueId'],
      ['/webhooks/twilio/voice/survey/answer?surveyId=..%2F..', 'surveyId'],
      ['/webhooks/twilio/voice/survey/comment', 'surveyId'],
      ['/webhooks/twilio/voice/survey/transcription?surveyId=x', 'surveyId'],
      ['/webhooks/twilio/voice/leg?legId=', 'legId'],
      ['/webhooks/twilio/voice/leg/status?legId=1%20or%201', 'legId'],
    ] as const;
    for (const [path, id] of cases) {
      const res = await postSignedRaw(path, body, 'application/x-www-form-urlencoded', params);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toBe(`${id} must be a UUID in the query string.`);
    }
    expect(await db.sql`select 1 from calls where call_sid = ${callSid}`).toHaveLength(0);
    expect(await db.sql`select 1 from survey_answers`).toHaveLength(answersBefore);
  });

  it('when a signed status callback carries MessageStatus=__proto__, a __proto__ parameter or a bracketed name, then it answers 4xx (204 for a status Twilio may add later) and changes nothing', async () => {
    const post = (body: string, signed: Record<string, string>) =>
      postSignedRaw('/webhooks/twilio/sms/status', body, 'application/x-www-form-urlencoded', signed);
    const sid = `SM${randomBytes(16).toString('hex')}`;
    expect(
      (await post(`MessageSid=${sid}&MessageStatus=__proto__`, { MessageSid: sid, MessageStatus: '__proto__' })).status,
    ).toBe(204);
    expect(
      (
        await post(
          `__proto__=x&MessageSid=${sid}&MessageStatus=sent`,
          JSON.parse(`{"__proto__":"x","MessageSid":"${sid}","MessageStatus":"sent"}`),
        )
      ).status,
    ).toBeLessThan(500);
    const bracketed = await post(`MessageSid=${sid}&MessageStatus[__proto__]=sent`, {
      MessageSid: sid,
      'MessageStatus[__proto__]': 'sent',
    });
    expect(bracketed.status).toBe(400);
  });
});

describe('two creations of one user at once', () => {
  it("when another creation of the same email commits between this one's check and its insert, then it answers 409 naming email", async () => {
    const email = `race-${randomBytes(4).toString('hex')}@example.com`;
    let answer: Promise<{ status: number; body: any }> | undefined;
    // The other creation: inserted but not yet committed, so the API's check passes and its insert waits on the
    // unique index until this transaction commits — the interleaving two concurrent requests can have.
    await db.sql.begin(async (tx) => {
      await tx`insert into users (email, name, role, password_hash) values (${email}, 'First', 'agent', 'not-a-real-hash')`;
      answer = admin.post('/api/admin/users', {
        email,
        name: 'Second',
        role: 'agent',
        password: 'long-enough-password',
      });
      await waitFor(
        () =>
          db.sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into users%'`,
        (rows) => rows.length > 0,
        30_000,
      );
    });
    const res = await answer!;
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual([{ path: 'email', message: 'is taken' }]);
    expect(await db.sql`select name from users where email = ${email}`).toEqual([{ name: 'First' }]);
  });
});

// Each found by the generated requests of fuzz.test.ts, kept here as the smallest request that showed it.
describe('what the fuzz test found', () => {
  /** A call as Twilio announces it; returns its parameters and our id for it. */
  async function aCall() {
    const params = incomingCallParams(aPhone(), COMPANY);
    expect((await postTwilioWebhook(server.url, '/webhooks/twilio/voice', params, sign())).status).toBe(200);
    const [{ id }] = await db.sql<{ id: string }[]>`select id from calls where call_sid = ${params.CallSid}`;
    return { params, callId: id };
  }

  it('when Twilio posts a voicemail for a queue that does not exist (gone since the menu named it), then it answers 200 and keeps the message in the voice entry queue', async () => {
    const { params, callId } = await aCall();
    const recordingSid = `RE${randomBytes(16).toString('hex')}`;
    const res = await postTwilioWebhook(
      server.url,
      `/webhooks/twilio/voice/voicemail?callId=${callId}&queueId=${randomUUID()}`,
      {
        ...params,
        RecordingSid: recordingSid,
        RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${params.AccountSid}/Recordings/${recordingSid}`,
        RecordingDuration: '7',
      },
      sign(),
    );
    expect(res.status).toBe(200);
    const stored = await db.sql`
      select t.queue_id from messages m join tickets t on t.id = m.ticket_id where m.provider_id = ${recordingSid}`;
    expect(stored).toEqual([{ queueId: entryQueueId }]);
  });

  it('when Twilio posts a count no integer column holds (QueueTime=99999999999999999999), then it answers 200 and records the rest without it', async () => {
    const { params, callId } = await aCall();
    const res = await postTwilioWebhook(
      server.url,
      `/webhooks/twilio/voice/queue-result?callId=${callId}`,
      { ...params, QueueResult: 'hangup', QueueTime: '99999999999999999999' },
      sign(),
    );
    expect(res.status).toBe(200);
    expect(await db.sql`select wait_seconds from calls where id = ${callId}`).toEqual([{ waitSeconds: null }]);
  });

  it('when a path holds bad percent-encoding, then it answers 400 invalid_path, signed in or not', async () => {
    for (const client of [agent, new TestClient(server.url)]) {
      const res = await client.get('/api/tickets/%E0%A4%A');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_path');
    }
  });

  it('when a body says Content-Encoding gzip but does not decompress, then it answers 400; a real gzip body is read', async () => {
    const post = (body: Buffer) =>
      fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: new Uint8Array(body),
      });
    const garbage = await post(Buffer.from('{"email":"a@example.com","password":"x"}'));
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error.code).toBe('invalid_body');
    const real = await post(gzipSync('{"email":"nobody@example.com","password":"wrong"}'));
    expect(real.status).toBe(401);
  });

  it('when a report or a holiday is asked for the year 0000 (ISO has it, PostgreSQL does not), then it answers 400 naming the field and stores nothing', async () => {
    const fields = (res: { status: number; body: any }) => {
      expect(res.status).toBe(400);
      return res.body.error.fields.map((f: { path: string }) => f.path);
    };
    expect(fields(await admin.get('/api/reports/calls?from=0000-01-01&to=2026-01-01'))).toEqual(['from']);
    expect(fields(await admin.get('/api/sms-campaigns/stats?from=0000-12-31'))).toEqual(['from']);
    const name = `Hours ${randomBytes(4).toString('hex')}`;
    const hours = await admin.post('/api/admin/business-hours', {
      name,
      timezone: 'UTC',
      intervals: [{ weekday: 1, opens: '09:00', closes: '17:00' }],
      holidays: [{ day: '0000-01-01', name: 'Year zero' }],
    });
    expect(fields(hours)).toEqual(['holidays.0.day']);
    expect(await db.sql`select 1 from business_hours where name = ${name}`).toHaveLength(0);
  });
});
