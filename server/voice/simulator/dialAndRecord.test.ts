import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTwilioVoice } from './fakeTwilioVoice';
import { COMPANY, fakeFor, startTwimlApp, twiml, type TwimlApp } from './twimlTestApp';

const CALLER = '+14155550120';
const SALES = '+15551110001';
const SUPPORT = '+15551110002';
let app: TwimlApp;
let fake: FakeTwilioVoice;

beforeEach(async () => {
  app = await startTwimlApp();
  fake = fakeFor(app);
  app.on('/dial-done', (p) => {
    const r = twiml();
    r.say(`Dial ended ${p.DialCallStatus}`);
    return r.toString();
  });
});

afterEach(async () => {
  fake.close();
  await app.close();
  expect(app.requests.filter((r) => !r.signatureValid)).toEqual([]);
});

// Manual answers get a long timeout (simulated seconds; 0.01 s real each) so a loaded machine cannot beat them.
function dialing(timeout: number, ...numbers: string[]) {
  return () => {
    const r = twiml();
    const dial = r.dial({
      action: '/dial-done',
      timeout,
      record: 'record-from-answer',
      recordingStatusCallback: '/dial-recording',
    });
    for (const n of numbers) {
      if (n.startsWith('client:'))
        dial.client(
          { statusCallback: '/leg-status', statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'] },
          n.slice('client:'.length),
        );
      else
        dial.number(
          { statusCallback: '/leg-status', statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'] },
          n,
        );
    }
    return r.toString();
  };
}

describe('Dial', () => {
  it('when the dialled number is busy, then the action gets DialCallStatus=busy and the child leg reports its progress', async () => {
    fake.setEndpointBehaviour(SALES, 'busy');
    app.on('/voice', dialing(10, SALES));
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(done.transcript.some((e) => e.text === 'Dial ended busy')).toBe(true);
    const action = app.requestsTo('/dial-done')[0].params;
    const leg = fake.snapshot(action.DialCallSid)!;
    expect(leg).toMatchObject({
      direction: 'outbound-dial',
      parentCallSid: sid,
      from: CALLER,
      to: SALES,
      status: 'busy',
    });
    await app.waitForRequest('/leg-status', (r) => r.params.CallStatus === 'busy');
    expect(app.requestsTo('/leg-status').map((r) => r.params.CallStatus)).toEqual(['initiated', 'ringing', 'busy']);
    expect(app.requestsTo('/leg-status')[0].params).toMatchObject({
      ParentCallSid: sid,
      Direction: 'outbound-dial',
      CallSid: leg.sid,
    });
    expect(app.requestsTo('/dial-recording')).toEqual([]);
  });

  it('when nobody answers before the timeout, then DialCallStatus=no-answer', async () => {
    fake.setEndpointBehaviour(SALES, 'no-answer');
    app.on('/voice', dialing(10, SALES));
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(app.requestsTo('/dial-done')[0].params).toMatchObject({ DialCallStatus: 'no-answer', DialBridged: 'false' });
  });

  it('when two numbers ring and one answers, then the other is cancelled, the call is recorded, and its end completes the Dial', async () => {
    fake.setEndpointBehaviour(SALES, 'manual');
    fake.setEndpointBehaviour(SUPPORT, 'manual');
    app.on('/voice', dialing(600, SALES, 'client:alice'));
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const alice = await fake.waitForCall((s) => s.to === 'client:alice' && s.status === 'ringing');
    await fake.waitForCall((s) => s.to === SALES && s.status === 'ringing');
    fake.answer(alice.sid);
    await fake.waitFor(sid, (s) => s.bridgedWith === alice.sid);
    expect(fake.calls().find((c) => c.to === SALES)?.status).toBe('canceled');
    fake.speak(sid, 'hello alice');
    fake.speak(alice.sid, 'hello, how can I help?');
    await fake.waitFor(sid, (s) => s.transcript.some((e) => e.kind === 'heard' && e.text === 'hello, how can I help?'));
    fake.hangup(alice.sid);
    await fake.waitFor(sid, (s) => s.status === 'completed');

    const action = app.requestsTo('/dial-done')[0].params;
    expect(action).toMatchObject({ DialCallStatus: 'completed', DialCallSid: alice.sid, DialBridged: 'true' });
    expect(Number(action.DialCallDuration)).toBeGreaterThanOrEqual(0);
    const recording = await app.waitForRequest('/dial-recording');
    expect(recording.params).toMatchObject({
      RecordingSid: action.RecordingSid,
      RecordingUrl: action.RecordingUrl,
      RecordingSource: 'DialVerb',
      RecordingStatus: 'completed',
      CallSid: sid,
    });
    expect(fake.recordingText(action.RecordingSid)).toBe(
      `${CALLER}: hello alice\nclient:alice: hello, how can I help?`,
    );
    await app.waitForRequest(
      '/leg-status',
      (r) => r.params.CallSid === alice.sid && r.params.CallStatus === 'completed',
    );
    expect(
      app
        .requestsTo('/leg-status')
        .filter((r) => r.params.CallSid === alice.sid)
        .map((r) => r.params.CallStatus),
    ).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
  });

  it('when the caller hangs up while connected, then the child leg is hung up too and the action is still requested', async () => {
    fake.setEndpointBehaviour('client:bob', 'answer');
    app.on('/voice', dialing(600, 'client:bob'));
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const bridged = await fake.waitFor(sid, (s) => s.bridgedWith !== null);
    fake.hangup(sid);
    await fake.waitFor(bridged.bridgedWith!, (s) => s.status === 'completed');
    expect((await app.waitForRequest('/dial-done')).params).toMatchObject({
      DialCallStatus: 'completed',
      CallStatus: 'completed',
    });
  });
});

describe('Dial whispers', () => {
  it('when the dialled number has a url, then the callee hears that document before being connected', async () => {
    app.on('/voice', () => {
      const r = twiml();
      r.dial({ action: '/dial-done' }).number({ url: '/whisper-leg' }, SUPPORT);
      return r.toString();
    });
    app.on('/whisper-leg', () => '<Response><Say>Call from the support line</Say></Response>');
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const bridged = await fake.waitFor(sid, (s) => s.bridgedWith !== null);
    const callee = fake.snapshot(bridged.bridgedWith!)!;
    const kinds = callee.transcript.map((e) => e.kind);
    expect(kinds.indexOf('say')).toBeLessThan(kinds.indexOf('bridged'));
    expect(app.requestsTo('/whisper-leg')[0].params).toMatchObject({
      CallSid: callee.sid,
      Direction: 'outbound-dial',
      ParentCallSid: sid,
    });
  });
});

describe('Record', () => {
  beforeEach(() => {
    app.on('/voice', () => {
      const r = twiml();
      r.say('Leave a message after the beep');
      r.record({
        action: '/recorded',
        maxLength: 60,
        transcribe: true,
        transcribeCallback: '/transcription',
        recordingStatusCallback: '/recording-status',
      });
      r.say('We did not hear anything');
      return r.toString();
    });
    app.on('/recorded', () => {
      const r = twiml();
      r.say('Thank you');
      return r.toString();
    });
  });

  it('when the caller leaves a message, then the action, the recording status callback and the transcription follow', async () => {
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    await fake.waitFor(sid, (s) => s.awaiting?.kind === 'record');
    fake.leaveRecording(sid, 'Please call me back about my bill');
    await fake.waitFor(sid, (s) => s.status === 'completed');
    const action = app.requestsTo('/recorded')[0].params;
    expect(action).toMatchObject({ CallSid: sid, Digits: '#', RecordingDuration: '3' });
    expect(action.RecordingUrl).toMatch(new RegExp(`/Recordings/${action.RecordingSid}$`));
    const status = await app.waitForRequest('/recording-status');
    expect(status.params).toMatchObject({
      RecordingSid: action.RecordingSid,
      RecordingStatus: 'completed',
      RecordingDuration: '3',
      RecordingChannels: '1',
      RecordingSource: 'RecordVerb',
      CallSid: sid,
    });
    const transcription = await app.waitForRequest('/transcription');
    expect(transcription.params).toMatchObject({
      TranscriptionText: 'Please call me back about my bill',
      TranscriptionStatus: 'completed',
      RecordingSid: action.RecordingSid,
      CallSid: sid,
    });
    expect(fake.recordingText(action.RecordingSid)).toBe('Please call me back about my bill');
  });

  it('when the caller stays silent, then nothing is recorded and the next verb runs', async () => {
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    const done = await fake.waitFor(sid, (s) => s.status === 'completed');
    expect(done.transcript.some((e) => e.text === 'We did not hear anything')).toBe(true);
    expect(app.requestsTo('/recorded')).toEqual([]);
  });

  it('when the caller hangs up after speaking, then the message is still posted with Digits=hangup', async () => {
    const sid = fake.placeCall({ from: CALLER, to: COMPANY });
    await fake.waitFor(sid, (s) => s.awaiting?.kind === 'record');
    fake.leaveRecording(sid, 'It is urgent', { endWith: 'hangup' });
    expect((await app.waitForRequest('/recorded')).params).toMatchObject({ Digits: 'hangup', CallStatus: 'completed' });
    expect(fake.snapshot(sid)?.status).toBe('completed');
  });
});
