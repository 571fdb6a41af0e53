import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPhone } from '../support/contacts';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestServer, testEnv } from '../support/testServer';
import { ACCOUNT_SID, AUTH_TOKEN, startFakeTwilioMedia } from '../support/twilioRecordingMedia';
import { postTwilioWebhook } from '../support/twilioWebhooks';
import { incomingCallParams, parseTwiml, pathOf } from '../support/voiceWebhooks';
import { waitFor } from '../support/waitFor';
import { changeSurveySettings } from '../support/surveySettings';

// The keypad survey's spoken comment on Twilio (signed webhooks, following the TwiML the server answers): the
// recording is copied into our file store from Twilio's media endpoint (a local fake of it), and staff who may open
// the ticket play it from our server, also once Twilio has deleted it.
const COMPANY = '+15005550006';
let db: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let media: Awaited<ReturnType<typeof startFakeTwilioMedia>>;
let agent: TestClient;
let admin: TestClient;

const post = (path: string, params: Record<string, string>) =>
  postTwilioWebhook(server.url, path, params, { authToken: AUTH_TOKEN, publicUrl: server.ctx.config.PUBLIC_URL });
async function twiml(path: string, params: Record<string, string>) {
  const res = await post(path, params);
  expect(res.status, await res.clone().text()).toBe(200);
  return parseTwiml(await res.text());
}
async function audioFrom(client: TestClient | null, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, {
    headers: { ...(client ? { cookie: client.cookie! } : {}), ...headers },
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  db = await createTestDatabase();
  media = await startFakeTwilioMedia();
  server = await startTestServer(
    testEnv(db.url, {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_SMS_FROM: COMPANY,
      TWILIO_API_BASE_URL: media.local,
    }),
  );
  const queueId = await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
  const a = await aUser(db.sql, 'admin');
  admin = await new TestClient(server.url).signIn(a.email, a.password);
  await changeSurveySettings(admin, queueId, {
    voiceMode: 'always',
    askComment: true,
    askSecondQuestion: false,
    lowScoreAction: 'none',
    throttleDays: 0,
  });
  const ag = await aUser(db.sql, 'agent');
  agent = await new TestClient(server.url).signIn(ag.email, ag.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await media?.close();
  await db?.drop();
});

/**
 * A caller comes in by Twilio's webhooks and picks the queue; they talk with an agent (the conference's part of the
 * call is stood in for by its outcome on the row); the agent leaves, and Twilio asks what the caller hears next.
 */
async function aCallerTheAgentLeft() {
  const params = incomingCallParams(aPhone(), COMPANY);
  const menu = await twiml('/webhooks/twilio/voice', params);
  const callId = new URL(menu.Gather[0].action).searchParams.get('callId')!;
  await twiml(pathOf(menu.Gather[0].action), { ...params, Digits: '1' });
  const [call] = await db.sql<{ ticketId: string }[]>`
    update calls set connected_at = now(), status = 'in-progress' where id = ${callId} returning ticket_id`;
  const inProgress = { ...params, CallStatus: 'in-progress' };
  const survey = await twiml(`/webhooks/twilio/voice/goodbye?callId=${callId}`, inProgress);
  return { params: inProgress, ticketId: call.ticketId, survey };
}

describe('the keypad survey’s spoken comment', () => {
  it('when the caller leaves a comment, then it is copied from Twilio and plays from our server for staff who may open the ticket', async () => {
    const { params, ticketId, survey } = await aCallerTheAgentLeft();
    expect(survey.Gather[0].Say[0].text).toMatch(/How satisfied/);
    const record = await twiml(pathOf(survey.Gather[0].action), { ...params, Digits: '4' });
    expect(record.Record).toHaveLength(1);

    const audio = randomBytes(50_000);
    const recording = media.add(audio);
    const goodbye = await twiml(pathOf(record.Record[0].action), {
      ...params,
      RecordingSid: recording.sid,
      RecordingUrl: recording.url,
      RecordingDuration: '6',
      Digits: '#',
    });
    expect(goodbye.Hangup).toHaveLength(1);

    // The copy is made (a row, then the copy job), and Twilio may then forget the recording.
    await waitFor(
      () => db.sql`select file_key from recording_copies where recording_sid = ${recording.sid}`,
      ([row]) => Boolean(row?.fileKey),
    );
    media.remove(recording.sid);

    const [shown] = (await agent.get(`/api/tickets/${ticketId}`)).body.surveys;
    expect(shown).toMatchObject({ score: 4, commentRecordingUrl: `/api/surveys/${shown.id}/comment-recording` });
    const played = await audioFrom(agent, shown.commentRecordingUrl);
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/mpeg');
    expect(played.body.equals(audio)).toBe(true);
    const seek = await audioFrom(agent, shown.commentRecordingUrl, { range: 'bytes=49000-' });
    expect(seek.status).toBe(206);
    expect(seek.body.equals(audio.subarray(49000))).toBe(true);

    // The supervisors' comments report lists a spoken comment with no transcription yet, with our address.
    const today = new Date().toISOString().slice(0, 10);
    const report = await admin.get(`/api/reports/surveys/comments?from=${today}&to=${today}`);
    expect(report.body.comments).toEqual([
      expect.objectContaining({ id: shown.id, comment: null, commentRecordingUrl: shown.commentRecordingUrl }),
    ]);

    // Only for signed-in staff who may open the ticket: a supervisor of no team may not, nor may anyone signed out.
    const s = await aUser(db.sql, 'supervisor');
    const outsider = await new TestClient(server.url).signIn(s.email, s.password);
    expect((await audioFrom(outsider, shown.commentRecordingUrl)).status).toBe(404);
    expect((await audioFrom(null, shown.commentRecordingUrl)).status).toBe(401);
  });

  it('when the survey has no spoken comment, then asking for its recording is a 404 that says so', async () => {
    const { params, ticketId, survey } = await aCallerTheAgentLeft();
    const record = await twiml(pathOf(survey.Gather[0].action), { ...params, Digits: '5' });
    // The caller says nothing: Twilio posts the action without a recording.
    await twiml(pathOf(record.Record[0].action), { ...params, Digits: 'hangup' });
    const [shown] = (await agent.get(`/api/tickets/${ticketId}`)).body.surveys;
    expect(shown).toMatchObject({ score: 5, commentRecordingUrl: null });
    const res = await agent.get(`/api/surveys/${shown.id}/comment-recording`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('no_recording');
  });
});
