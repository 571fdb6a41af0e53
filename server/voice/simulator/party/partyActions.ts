import { isWithheldCallerId } from '../../../../channels/voice/withheldCallerId';
import type { SimContext } from '../context';
import { transmit } from '../calls/audioPath';
import { endCall, hangupStatus } from '../calls/callLifecycle';
import { isEndpointAddress } from '../calls/endpointDirectory';
import type { RecordingFinish, RingDecision, SimCall } from '../calls/simCall';
import { startRunner } from '../engine/callRunner';
import { newSid } from '../sids';
import { VoiceSimulatorError } from '../simulatorError';

/**
 * A simulated customer dials a company number: Twilio requests its voiceUrl with CallStatus=ringing. A caller who
 * withholds their number calls from `anonymous` (or another form Twilio sends), passed on as it is.
 */
export function placeCall(ctx: SimContext, { from, to }: { from: string; to: string }): string {
  const number = ctx.incomingNumber(to);
  if (!number)
    throw new VoiceSimulatorError('unknown-number', `${to} is not a company number of the simulated account`);
  if (!isEndpointAddress(from) && !isWithheldCallerId(from)) {
    throw new VoiceSimulatorError(
      'invalid-input',
      `${from} is not a phone number (E.164), client:identity or a withheld caller ID (anonymous)`,
    );
  }
  const call = ctx.calls.create({
    sid: newSid('CA'),
    from,
    to,
    direction: 'inbound',
    status: 'ringing',
    // A number's status callback reports the end of the call only.
    statusCallback: number.statusCallback
      ? { url: number.statusCallback, method: number.statusCallbackMethod ?? 'POST', events: new Set(['completed']) }
      : null,
  });
  call.note('status', { text: 'ringing' });
  startRunner(ctx, call, { kind: 'fetch', url: number.voiceUrl, method: number.voiceMethod ?? 'POST' });
  return call.sid;
}

/** Keys on the phone's keypad: a Gather (or Record's finishOnKey) takes them; otherwise the other side hears tones. */
export function pressDigits(ctx: SimContext, callSid: string, digits: string) {
  const call = liveCall(ctx, callSid);
  if (!/^[0-9*#w]+$/.test(digits)) throw new VoiceSimulatorError('invalid-input', 'keys are 0-9, * and # (w waits)');
  call.note('digits', { text: digits });
  for (const key of digits) {
    if (key === 'w') continue;
    if (call.listener?.digit) call.listener.digit(key);
    else transmit(ctx, call, `(key ${key})`);
  }
}

/** The party says something: a Gather listening for speech takes it, a Record records it; otherwise it is heard. */
export function speak(ctx: SimContext, callSid: string, text: string) {
  const call = liveCall(ctx, callSid);
  call.note('speech', { text });
  if (call.listener?.speech) call.listener.speech(text);
  else transmit(ctx, call, text);
}

/** Answers a `<Record>`: the message, then a key (default), silence until the timeout, or hanging up. */
export function leaveRecording(ctx: SimContext, callSid: string, text: string, endWith: RecordingFinish['by'] = 'key') {
  const call = liveCall(ctx, callSid);
  if (!call.listener?.recording)
    throw new VoiceSimulatorError('not-recording', 'the call is not recording a message now');
  call.note('speech', { text, details: { recording: true } });
  call.listener.recording(text, endWith === 'key' ? { by: 'key' } : { by: endWith });
}

/** The party hangs up (a callee whose phone still rings declines instead). Hanging up an ended call does nothing. */
export function hangup(ctx: SimContext, callSid: string) {
  const call = knownCall(ctx, callSid);
  if (!call.isLive) return;
  if (call.ringDecision) return call.ringDecision.resolve('busy');
  call.note('hangup', { details: { by: 'party' } });
  endCall(ctx, call, hangupStatus(call));
}

/** The callee picks up a ringing call. */
export function answer(ctx: SimContext, callSid: string) {
  ringingCall(ctx, callSid).ringDecision!.resolve('answered');
}

/** The callee declines a ringing call: busy by default. */
export function reject(ctx: SimContext, callSid: string, outcome: Exclude<RingDecision, 'answered'> = 'busy') {
  ringingCall(ctx, callSid).ringDecision!.resolve(outcome);
}

function knownCall(ctx: SimContext, callSid: string): SimCall {
  const call = ctx.calls.get(callSid);
  if (!call) throw new VoiceSimulatorError('unknown-call', `no simulated call ${callSid}`);
  return call;
}

function liveCall(ctx: SimContext, callSid: string): SimCall {
  const call = knownCall(ctx, callSid);
  if (!call.isLive) throw new VoiceSimulatorError('call-ended', `call ${callSid} has ended (${call.status})`);
  return call;
}

function ringingCall(ctx: SimContext, callSid: string): SimCall {
  const call = liveCall(ctx, callSid);
  if (!call.ringDecision)
    throw new VoiceSimulatorError('not-ringing', `call ${callSid} is ${call.status}, not ringing`);
  return call;
}
