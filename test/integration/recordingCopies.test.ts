import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileRecordingCopies } from '../../server/voice/recordingCopies';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { LONG_WAIT_MS } from '../support/timeouts';
import { startTestServer, testEnv } from '../support/testServer';
import { ACCOUNT_SID, AUTH_TOKEN, aRecordingSid, startFakeTwilioMedia } from '../support/twilioRecordingMedia';
import { postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';
import { waitFor } from '../support/waitFor';

const COMPANY = '+15005550006';

let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let media: Awaited<ReturnType<typeof startFakeTwilioMedia>>;
let agent: TestClient;

const post = (path: string, params: Record<string, string>) =>
  postTwilioWebhook(server.url, path, params, { authToken: AUTH_TOKEN, publicUrl: server.ctx.config.PUBLIC_URL });

async function twiml(path: string, params: Record<string, string>) {
  const res = await post(path, params);
  expect(res.status).toBe(200);
  return parseTwiml(await res.text());
}

async function getBytes(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { headers: { cookie: agent.cookie ?? '', ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** A call whose caller presses `digit` (1: the queue, 2: voicemail). */
async function aCall(digit: '1' | '2') {
  const params = incomingCallParams(aPhone(), COMPANY);
  const menu = await twiml('/webhooks/twilio/voice', params);
  const action = menu.Gather[0].action as string;
  const next = await twiml(pathOf(action), { ...params, Digits: digit });
  return { params, next, callId: new URL(action).searchParams.get('callId')! };
}

/** Twilio's recording status callback: the recording is complete. */
async function recordingCompleted(callbackPath: string, callSid: string, recording: { sid: string; url: string }) {
  const res = await post(callbackPath, {
    AccountSid: ACCOUNT_SID,
    CallSid: callSid,
    RecordingSid: recording.sid,
    RecordingUrl: recording.url,
    RecordingStatus: 'completed',
    RecordingDuration: '7',
  });
  expect(res.status).toBe(204);
}

const copyOf = (sid: string, timeoutMs?: number) =>
  waitFor(
    () => db.sql<{ fileKey: string | null; contentType: string | null }[]>`
      select file_key, content_type from recording_copies where recording_sid = ${sid}`,
    ([row]) => Boolean(row?.fileKey),
    timeoutMs,
  ).then(([row]) => row);

const fetchesOf = (url: string) => media.seen.filter((r) => r.path === `${new URL(url).pathname}.mp3`).length;

beforeAll(async () => {
  db = await createTestDatabase();
  media = await startFakeTwilioMedia();
  // Every role: the worker makes the copies.
  server = await startTestServer(
    testEnv(db.url, {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_SMS_FROM: COMPANY,
      TWILIO_API_BASE_URL: media.local,
    }),
  );
  await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
  const user = await aUser(db.sql, 'agent');
  agent = await new TestClient(server.url).signIn(user.email, user.password);
});
afterAll(async () => {
  await server?.stop();
  await media?.close();
  await db?.drop();
});

describe('recordings are copied into the file store', () => {
  it('when a conversation’s recording completes, then it is copied, and plays from the copy after Twilio deleted it', async () => {
    const audio = randomBytes(70_000);
    const recording = media.add(audio);
    const { params, callId } = await aCall('1');
    await recordingCompleted(
      `/webhooks/twilio/voice/recording?callId=${callId}&kind=conversation`,
      params.CallSid,
      recording,
    );

    const copy = await copyOf(recording.sid);
    expect(copy.contentType).toBe('audio/mpeg');
    media.remove(recording.sid);
    const fetched = fetchesOf(recording.url);

    const whole = await getBytes(`/api/calls/${callId}/recording`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('content-length')).toBe(String(audio.length));
    expect(whole.body.equals(audio)).toBe(true);
    const part = await getBytes(`/api/calls/${callId}/recording`, { range: 'bytes=65000-' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 65000-${audio.length - 1}/${audio.length}`);
    expect(part.body.equals(audio.subarray(65000))).toBe(true);
    const past = await getBytes(`/api/calls/${callId}/recording`, { range: `bytes=${audio.length}-` });
    expect(past.status).toBe(416);
    // Twilio was not asked again: it would have answered 404.
    expect(fetchesOf(recording.url)).toBe(fetched);
  });

  it('when a voicemail’s recording completes, then its attachment in the timeline plays from the copy after Twilio deleted it', async () => {
    const audio = randomBytes(4000);
    const recording = media.add(audio);
    const { params, next } = await aCall('2');
    const rec = { RecordingSid: recording.sid, RecordingUrl: recording.url, RecordingDuration: '4' };
    await twiml(pathOf(next.Record[0].action), { ...params, ...rec, Digits: '#' });
    await recordingCompleted(pathOf(next.Record[0].recordingStatusCallback), params.CallSid, recording);

    await copyOf(recording.sid);
    media.remove(recording.sid);
    const [attachment] = await db.sql<{ id: string }[]>`
      select a.id from message_attachments a join messages m on m.id = a.message_id where m.provider_id = ${recording.sid}`;
    const res = await getBytes(`/api/attachments/${attachment.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.body.equals(audio)).toBe(true);
  });

  it('when Twilio does not have the recording at first, then the copy job retries and copies it once Twilio serves it', async () => {
    const audio = randomBytes(3000);
    const sid = aRecordingSid();
    const url = media.urlOf(sid);
    const { params, callId } = await aCall('1');
    await recordingCompleted(`/webhooks/twilio/voice/recording?callId=${callId}&kind=conversation`, params.CallSid, {
      sid,
      url,
    });
    await waitFor(
      async () => fetchesOf(url),
      (n) => n >= 1,
    );
    expect((await db.sql`select file_key from recording_copies where recording_sid = ${sid}`)[0].fileKey).toBeNull();
    // Until the copy exists, the recording is streamed from Twilio: not there yet, so 404 as before.
    expect((await getBytes(`/api/calls/${callId}/recording`)).status).toBe(404);
    media.add(audio, sid);
    await copyOf(sid, LONG_WAIT_MS);
    media.remove(sid);
    expect((await getBytes(`/api/calls/${callId}/recording`)).body.equals(audio)).toBe(true);
  });

  it('when the copy job was lost (a Redis flush, a dead worker), then the sweep adds it again from the row', async () => {
    const audio = randomBytes(2500);
    const recording = media.add(audio);
    // The row as the callback left it a minute ago, its job gone.
    await db.sql`
      insert into recording_copies (recording_sid, recording_url, created_at)
      values (${recording.sid}, ${recording.url}, now() - interval '1 minute')`;
    expect(await reconcileRecordingCopies(server.ctx)).toMatchObject({ due: 1 });
    const copy = await copyOf(recording.sid);
    const opened = await server.ctx.files.open(copy.fileKey!);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(audio)).toBe(true);
  });

  it('when the recording address is not Twilio’s, then no copy is attempted and it is given up at once', async () => {
    const { params, callId } = await aCall('1');
    const sid = aRecordingSid();
    const asked = media.seen.length;
    await recordingCompleted(`/webhooks/twilio/voice/recording?callId=${callId}&kind=conversation`, params.CallSid, {
      sid,
      url: `https://attacker.example/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${sid}`,
    });
    const [row] = await waitFor(
      () => db.sql<{ givenUpAt: Date | null; fileKey: string | null }[]>`
        select given_up_at, file_key from recording_copies where recording_sid = ${sid}`,
      ([r]) => Boolean(r?.givenUpAt),
    );
    expect(row.fileKey).toBeNull();
    expect(media.seen.slice(asked).filter((r) => r.path.includes(sid))).toEqual([]);
    expect(await reconcileRecordingCopies(server.ctx)).toMatchObject({ due: 0 });
  });
});
