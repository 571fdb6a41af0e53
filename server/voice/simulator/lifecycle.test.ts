import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTwilioVoice } from './fakeTwilioVoice';
import { VoiceSimulatorError } from './simulatorError';
import type { VoiceCallChange } from './types';
import { ACCOUNT_SID, AUTH_TOKEN, COMPANY, fakeFor, startTwimlApp, twiml, type TwimlApp } from './twimlTestApp';

let app: TwimlApp;
let fake: FakeTwilioVoice;
let changes: VoiceCallChange[];

beforeEach(async () => {
  app = await startTwimlApp();
  changes = [];
  fake = fakeFor(app, { onChanged: (change) => changes.push(change) });
  app.on('/voice', () => {
    const r = twiml();
    r.say('Hello');
    r.pause({ length: 600 });
    return r.toString();
  });
});

afterEach(async () => {
  fake.close();
  await app.close();
  expect(app.requests.filter((r) => !r.signatureValid)).toEqual([]);
});

describe('the simulator itself', () => {
  it('when a call changes, then onChanged reports it with the endpoints whose screens show it', async () => {
    const sid = fake.placeCall({ from: '+14155550140', to: COMPANY });
    await fake.waitFor(sid, (s) => s.transcript.some((e) => e.kind === 'pause'));
    fake.hangup(sid);
    await fake.waitFor(sid, (s) => s.status === 'completed');
    await new Promise((resolve) => queueMicrotask(() => resolve(null)));
    expect(changes[0]).toEqual({
      callSid: sid,
      endpoints: ['+14155550140', COMPANY],
      status: 'ringing',
      direction: 'inbound',
      from: '+14155550140',
      to: COMPANY,
      parentCallSid: null,
    });
    expect(changes.map((c) => c.status)).toContain('in-progress');
    expect(changes.at(-1)?.status).toBe('completed');
  });

  it('when the party acts on a call it cannot, then a VoiceSimulatorError says why with an HTTP status', async () => {
    expect(() => fake.placeCall({ from: '+14155550141', to: '+19999999999' })).toThrow(
      expect.objectContaining({ code: 'unknown-number', status: 404 }),
    );
    expect(() => fake.pressDigits(`CA${'9'.repeat(32)}`, '1')).toThrow(VoiceSimulatorError);
    const sid = fake.placeCall({ from: '+14155550141', to: COMPANY });
    expect(() => fake.answer(sid)).toThrow(expect.objectContaining({ code: 'not-ringing', status: 409 }));
    expect(() => fake.leaveRecording(sid, 'hi')).toThrow(expect.objectContaining({ code: 'not-recording' }));
    expect(() => fake.pressDigits(sid, 'abc')).toThrow(expect.objectContaining({ code: 'invalid-input', status: 400 }));
    fake.hangup(sid);
    fake.hangup(sid);
    expect(() => fake.speak(sid, 'hello?')).toThrow(expect.objectContaining({ code: 'call-ended' }));
  });

  it('when the company number is configured by a function, then it is read at each call', async () => {
    let voicePath = '/voice';
    const late = new FakeTwilioVoice({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      deliveryAddress: app.deliver,
      timeScale: 0.01,
      incomingNumbers: () => ({ [COMPANY]: { voiceUrl: app.url(voicePath) } }),
    });
    try {
      voicePath = '/later';
      app.on('/later', () => '<Response><Say>Configured later</Say></Response>');
      const sid = late.placeCall({ from: '+14155550142', to: COMPANY });
      expect(
        (await late.waitFor(sid, (s) => s.status === 'completed')).transcript.some(
          (e) => e.text === 'Configured later',
        ),
      ).toBe(true);
    } finally {
      late.close();
    }
  });

  it('when the simulator is closed mid-call, then pending waits stop and nothing more is posted', async () => {
    const sid = fake.placeCall({ from: '+14155550143', to: COMPANY });
    await fake.waitFor(sid, (s) => s.transcript.some((e) => e.kind === 'pause'));
    const before = app.requests.length;
    fake.close();
    fake.hangup(sid);
    expect(fake.snapshot(sid)?.status).toBe('completed');
    // The completed callback would come 0.2 simulated seconds (2 ms) later; give it far longer.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.requests.length).toBe(before);
  });
});
