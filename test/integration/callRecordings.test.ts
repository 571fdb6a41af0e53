import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aQueue, aSkill, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { ACCOUNT_SID, AUTH_TOKEN, aRecordingSid, startFakeTwilioMedia } from '../support/twilioRecordingMedia';
import { incomingSmsParams, postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';
import { waitFor } from '../support/waitFor';

const COMPANY = '+15005550006';

/** GETs as the signed-in client and keeps the body as bytes (TestClient reads text). */
async function getBytes(client: TestClient, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(client.baseUrl + path, { headers: { cookie: client.cookie ?? '', ...headers } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) };
}

describe('with Twilio: call recordings are streamed from Twilio with the account’s credentials', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let media: Awaited<ReturnType<typeof startFakeTwilioMedia>>;
  let agent: TestClient;
  let outsider: TestClient;

  const post = (path: string, params: Record<string, string>) =>
    postTwilioWebhook(server.url, path, params, { authToken: AUTH_TOKEN, publicUrl: server.ctx.config.PUBLIC_URL });
  async function twiml(path: string, params: Record<string, string>) {
    const res = await post(path, params);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return parseTwiml(text);
  }

  /** A call comes in and the caller presses `digit` in the main menu (1: the queue, 2: a voicemail). */
  async function callAndPress(digit: '1' | '2') {
    const params = incomingCallParams(aPhone(), COMPANY);
    const menu = await twiml('/webhooks/twilio/voice', params);
    const action = menu.Gather[0].action as string;
    return {
      params,
      callId: new URL(action).searchParams.get('callId')!,
      next: await twiml(pathOf(action), { ...params, Digits: digit }),
    };
  }

  /** The caller leaves a voicemail whose recording is `recording`: Twilio posts the Record action, then the recording status. */
  async function leaveVoicemail(recording: { sid: string; url: string }) {
    const { params, callId, next } = await callAndPress('2');
    const rec = { RecordingSid: recording.sid, RecordingUrl: recording.url, RecordingDuration: '4' };
    await twiml(pathOf(next.Record[0].action), { ...params, ...rec, Digits: '#' });
    expect(
      (
        await post(pathOf(next.Record[0].recordingStatusCallback), {
          AccountSid: ACCOUNT_SID,
          CallSid: params.CallSid,
          ...rec,
          RecordingStatus: 'completed',
        })
      ).status,
    ).toBe(204);
    return callId;
  }

  /** A conversation's recording is ready: Twilio posts the recording status callback the conference asked for. */
  async function recordingReady(callId: string, callSid: string, recording: { sid: string; url: string }) {
    const res = await post(`/webhooks/twilio/voice/recording?callId=${callId}&kind=conversation`, {
      AccountSid: ACCOUNT_SID,
      CallSid: callSid,
      RecordingSid: recording.sid,
      RecordingUrl: recording.url,
      RecordingStatus: 'completed',
      RecordingDuration: '30',
    });
    expect(res.status).toBe(204);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    media = await startFakeTwilioMedia();
    server = await startTestServer(
      testEnv(db.url, {
        // No worker: no copy of a recording is made (recordingCopies.test.ts), so every play here goes to Twilio.
        SERVICES: 'web,realtime',
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_SMS_FROM: COMPANY,
        TWILIO_API_BASE_URL: media.local,
      }),
    );
    // Calls and voicemails land in a queue that needs a skill: who has it may see them, who lacks it may not.
    const billing = await aSkill(db.sql);
    await aQueue(db.sql, { name: 'Phone', skills: [billing], entryForChannels: ['voice'] });
    await aQueue(db.sql, { name: 'Texts', entryForChannels: ['sms'] });
    const skilled = await aUser(db.sql, 'agent', { skills: [billing] });
    const unskilled = await aUser(db.sql, 'agent');
    agent = await new TestClient(server.url).signIn(skilled.email, skilled.password);
    outsider = await new TestClient(server.url).signIn(unskilled.email, unskilled.password);
  });
  afterAll(async () => {
    await server?.stop();
    await media?.close();
    await db?.drop();
  });

  it('when a voicemail was left, then its call’s recording plays: Twilio’s bytes and type, fetched with Basic auth, seekable by Range', async () => {
    const audio = randomBytes(5000);
    const recording = media.add(audio);
    const callId = await leaveVoicemail(recording);

    const whole = await getBytes(agent, `/api/calls/${callId}/recording`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('content-length')).toBe(String(audio.length));
    expect(whole.body.equals(audio)).toBe(true);
    // The fake answers 401 to any other credentials: what it saw is what made the bytes come.
    const fetched = media.seen.filter((r) => r.path === `${new URL(recording.url).pathname}.mp3`);
    expect(fetched.map((r) => r.authorization)).toEqual([media.expectedAuth]);

    const part = await getBytes(agent, `/api/calls/${callId}/recording`, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${audio.length}`);
    expect(part.headers.get('content-length')).toBe('100');
    expect(part.body.equals(audio.subarray(100, 200))).toBe(true);
    expect(media.seen.at(-1)).toMatchObject({ range: 'bytes=100-199', authorization: media.expectedAuth });
  });

  it('when a voicemail was left, then its attachment in the timeline plays the same audio instead of answering 409', async () => {
    const audio = randomBytes(3000);
    const callId = await leaveVoicemail(media.add(audio));
    const [attachment] = await db.sql<{ id: string; contentType: string }[]>`
      select a.id, a.content_type from message_attachments a join messages m on m.id = a.message_id where m.call_id = ${callId}`;
    expect(attachment.contentType).toBe('audio/mpeg');

    const res = await getBytes(agent, `/api/attachments/${attachment.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.body.equals(audio)).toBe(true);
    const part = await getBytes(agent, `/api/attachments/${attachment.id}`, { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.body.equals(audio.subarray(0, 10))).toBe(true);
  });

  it('when a conversation was recorded, then the recording plays; before that the call answers 404 "no recording"', async () => {
    const { params, callId } = await callAndPress('1');
    const before = await getBytes(agent, `/api/calls/${callId}/recording`);
    expect(before.status).toBe(404);
    expect(before.json().error).toEqual({ code: 'no_recording', message: 'This call has no recording.' });

    const audio = randomBytes(2000);
    await recordingReady(callId, params.CallSid, media.add(audio));
    const after = await getBytes(agent, `/api/calls/${callId}/recording`);
    expect(after.status).toBe(200);
    expect(after.body.equals(audio)).toBe(true);
  });

  it('when the call does not exist, or sits on a ticket the user may not see, then it is "not found" and Twilio is not asked', async () => {
    expect((await getBytes(agent, `/api/calls/${randomUUID()}/recording`)).json().error).toEqual({
      code: 'not_found',
      message: 'Call not found.',
    });

    const recording = media.add(randomBytes(100));
    const callId = await leaveVoicemail(recording);
    const asked = media.seen.length;
    const res = await getBytes(outsider, `/api/calls/${callId}/recording`);
    expect(res.status).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const [attachment] = await db.sql<
      { id: string }[]
    >`select a.id from message_attachments a join messages m on m.id = a.message_id where m.call_id = ${callId}`;
    expect((await getBytes(outsider, `/api/attachments/${attachment.id}`)).status).toBe(404);
    expect(media.seen.length).toBe(asked);
  });

  it('when Twilio no longer has the recording, then 404 says so; when Twilio fails, then 502 says so', async () => {
    const gone = await leaveVoicemail({ sid: aRecordingSid(), url: media.urlOf(aRecordingSid()) });
    const goneRes = await getBytes(agent, `/api/calls/${gone}/recording`);
    expect(goneRes.status).toBe(404);
    expect(goneRes.json().error).toEqual({
      code: 'recording_gone',
      message: 'The recording is no longer available at Twilio.',
    });

    const broken = await leaveVoicemail({
      sid: aRecordingSid(),
      url: media.urlOf(`REbroken${randomBytes(4).toString('hex')}`),
    });
    const brokenRes = await getBytes(agent, `/api/calls/${broken}/recording`);
    expect(brokenRes.status).toBe(502);
    expect(brokenRes.json().error).toEqual({
      code: 'recording_unavailable',
      message: 'Twilio answered HTTP 500 for the recording.',
    });
  });

  it('when the stored recording address is not Twilio’s own HTTPS host, then it is 404 and no request leaves, to that host or any other', async () => {
    // Another host, listening: it would receive the account's credentials if the proxy followed the stored address.
    const foreign: string[] = [];
    const elsewhere = http.createServer(
      (req, res) =>
        void (
          foreign.push(`${req.headers.authorization} ${req.url}`),
          res.writeHead(200, { 'content-type': 'audio/mpeg' }).end('x')
        ),
    );
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const path = `/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${aRecordingSid()}`;
    const foreignBase = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    try {
      const asked = media.seen.length;
      for (const url of [
        `${foreignBase}${path}`,
        `https://api.twilio.com.attacker.example${path}`,
        `https://attacker.example/api.twilio.com${path}`,
        `http://api.twilio.com${path}`,
        `https://api.twilio.com:8443${path}`,
        `https://user:pw@api.twilio.com${path}`,
        'file:///etc/passwd',
      ]) {
        const { params, callId } = await callAndPress('1');
        await recordingReady(callId, params.CallSid, { sid: aRecordingSid(), url });
        const res = await getBytes(agent, `/api/calls/${callId}/recording`);
        expect(res.status, url).toBe(404);
        expect(res.json().error.code, url).toBe('recording_not_at_twilio');
        // A voicemail's attachment plays through the same proxy.
        const voicemail = await leaveVoicemail({ sid: aRecordingSid(), url });
        const [attachment] = await db.sql<{ id: string }[]>`
          select a.id from message_attachments a join messages m on m.id = a.message_id where m.call_id = ${voicemail}`;
        expect((await getBytes(agent, `/api/attachments/${attachment.id}`)).status, url).toBe(404);
      }
      expect(foreign).toEqual([]);
      expect(media.seen.length).toBe(asked);
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('when the stored recording address is a regional Twilio host, then it is fetched', async () => {
    const recording = media.add(randomBytes(64));
    const regional = {
      sid: recording.sid,
      url: recording.url.replace('https://api.twilio.com', 'https://api.dublin.ie1.twilio.com'),
    };
    const callId = await leaveVoicemail(regional);
    const res = await getBytes(agent, `/api/calls/${callId}/recording`);
    expect(res.status).toBe(200);
    expect(media.seen.at(-1)?.path).toBe(`${new URL(regional.url).pathname}.mp3`);
  });

  it('when other provider media is downloaded (an MMS picture), then it still answers 409 remote_media', async () => {
    const phone = aPhone();
    const mms = incomingSmsParams(phone, COMPANY, 'Photo of the damage', {
      AccountSid: ACCOUNT_SID,
      NumMedia: '1',
      MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM1/Media/ME1`,
      MediaContentType0: 'image/jpeg',
    });
    expect((await post('/webhooks/twilio/sms', mms)).status).toBe(200);
    const [attachment] = await db.sql<{ id: string }[]>`
      select a.id from message_attachments a join messages m on m.id = a.message_id where m.provider_id = ${mms.MessageSid}`;
    const res = await getBytes(agent, `/api/attachments/${attachment.id}`);
    expect(res.status).toBe(409);
    expect(res.json().error.code).toBe('remote_media');
  });
});

describe('with the phone simulator: recordings are silent WAVs as long as the message', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let agent: TestClient;
  const sim = () => server.ctx.voice.simulator!;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(testEnv(db.url, { SIMULATOR_TIME_SCALE: '0.05' }));
    await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
    const user = await aUser(db.sql, 'agent');
    agent = await new TestClient(server.url).signIn(user.email, user.password);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('when a caller leaves a voicemail in the simulator, then the call’s recording and the attachment are audio/wav of its duration', async () => {
    const vm = sim().placeCall({ from: aPhone(), to: server.ctx.voice.companyNumber });
    await sim().waitFor(vm, (c) => c.awaiting?.kind === 'gather', 10_000);
    sim().pressDigits(vm, '2');
    await sim().waitFor(vm, (c) => c.awaiting?.kind === 'record', 10_000);
    sim().leaveRecording(vm, 'Please call me about my invoice');
    const stored = await waitFor(
      async () => {
        const [row] = await db.sql<{ callId: string; attachmentId: string; duration: number }[]>`
        select c.id as call_id, a.id as attachment_id, (m.metadata->>'durationSeconds')::int as duration
        from calls c join messages m on m.call_id = c.id join message_attachments a on a.message_id = m.id
        where c.call_sid = ${vm} and c.recording_sid is not null`;
        return row ?? null;
      },
      (row) => row !== null,
    );
    expect(stored).not.toBeNull();
    const expectedBytes = 44 + stored!.duration * 8000 * 2;

    const res = await getBytes(agent, `/api/calls/${stored!.callId}/recording`);
    expect(res.status, res.body.toString()).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^audio\/wav/);
    expect(res.body.toString('ascii', 0, 4)).toBe('RIFF');
    expect(res.body.toString('ascii', 8, 12)).toBe('WAVE');
    expect(stored!.duration).toBeGreaterThan(0);
    expect(res.body.length).toBe(expectedBytes);

    const part = await getBytes(agent, `/api/calls/${stored!.callId}/recording`, { range: 'bytes=0-43' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-43/${expectedBytes}`);
    expect(part.body.equals(res.body.subarray(0, 44))).toBe(true);

    const attachment = await getBytes(agent, `/api/attachments/${stored!.attachmentId}`);
    expect(attachment.status).toBe(200);
    expect(attachment.headers.get('content-type')).toMatch(/^audio\/wav/);
    expect(attachment.body.equals(res.body)).toBe(true);
  });
});
