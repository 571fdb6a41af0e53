import { CallRegistry } from './calls/callRegistry';
import { snapshotOf } from './calls/callSnapshot';
import { EndpointDirectory } from './calls/endpointDirectory';
import type { SimCall } from './calls/simCall';
import { ConferenceRegistry } from './conferences/conferenceRegistry';
import type { SimContext } from './context';
import * as party from './party/partyActions';
import { waitForCall } from './party/waitForCall';
import { QueueRegistry } from './queues/queueRegistry';
import { RecordingStore } from './recordings/recordingStore';
import { silentWav } from './recordings/silentWav';
import { serveRestRequest } from './rest/restRouter';
import type { TwilioHttpRequest, TwilioHttpResponse } from './rest/restResponses';
import { SimClock } from './simClock';
import type {
  CallSnapshot,
  ConferenceSnapshot,
  EndpointBehaviour,
  FakeTwilioVoiceOptions,
  IncomingNumberConfig,
  QueueSnapshot,
  RecordingSnapshot,
  VoiceCallChange,
} from './types';

const DEFAULT_WAIT_MS = 10_000;
// A simulated recording's media is made in memory on each request: cap it (10 min of 8 kHz 16-bit mono is ~9.6 MB).
const MAX_MEDIA_SECONDS = 600;

/**
 * A local stand-in for Twilio Programmable Voice. The official twilio client talks to it through its
 * `httpClient` option (`twilio(accountSid, authToken, { httpClient: fake })`); it runs each call's TwiML as
 * Twilio does, posting the same signed webhooks and callbacks; simulated parties (the simulator page, tests)
 * place calls, press keys, speak, leave messages, answer and hang up through its methods.
 */
export class FakeTwilioVoice {
  private readonly ctx: SimContext;
  private readonly extraNumbers = new Map<string, IncomingNumberConfig>();

  constructor(options: FakeTwilioVoiceOptions) {
    const clock = new SimClock(options.timeScale ?? 1);
    const onChanged = options.onChanged;
    this.ctx = {
      accountSid: options.accountSid,
      authToken: options.authToken,
      clock,
      webhook: { authToken: options.authToken, deliveryAddress: options.deliveryAddress ?? ((url) => url) },
      calls: new CallRegistry(
        options.retainEndedCalls ?? 500,
        onChanged ? (call) => onChanged(changeOf(call)) : undefined,
      ),
      queues: new QueueRegistry(clock),
      conferences: new ConferenceRegistry(),
      recordings: new RecordingStore(options.accountSid, clock),
      endpoints: new EndpointDirectory({
        number: options.defaultNumberBehaviour ?? 'answer',
        client: options.defaultClientBehaviour ?? 'manual',
      }),
      incomingNumber: (number) => this.extraNumbers.get(number) ?? configuredNumbers(options)[number],
    };
  }

  /** The twilio client's HTTP client: serves the Voice REST API. */
  request(req: TwilioHttpRequest): Promise<TwilioHttpResponse> {
    return serveRestRequest(this.ctx, req);
  }

  /** Adds or replaces a company number's configuration. */
  setIncomingNumber(number: string, config: IncomingNumberConfig) {
    this.extraNumbers.set(number, config);
  }

  // --- The simulated parties ---

  /** A simulated phone calls a company number; returns the new CallSid. */
  placeCall(call: { from: string; to: string }): string {
    return party.placeCall(this.ctx, call);
  }

  pressDigits(callSid: string, digits: string) {
    party.pressDigits(this.ctx, callSid, digits);
  }

  speak(callSid: string, text: string) {
    party.speak(this.ctx, callSid, text);
  }

  /** Answers the `<Record>` the call is in: `text` is the message; it ends with a key (default), silence or a hang-up. */
  leaveRecording(callSid: string, text: string, options: { endWith?: 'key' | 'silence' | 'hangup' } = {}) {
    party.leaveRecording(this.ctx, callSid, text, options.endWith);
  }

  hangup(callSid: string) {
    party.hangup(this.ctx, callSid);
  }

  answer(callSid: string) {
    party.answer(this.ctx, callSid);
  }

  reject(callSid: string, outcome: 'busy' | 'no-answer' | 'failed' = 'busy') {
    party.reject(this.ctx, callSid, outcome);
  }

  /** How calls to `address` (`+1…` or `client:<identity>`) are treated from now on. */
  setEndpointBehaviour(address: string, behaviour: EndpointBehaviour) {
    this.ctx.endpoints.set(address, behaviour);
  }

  endpointBehaviour(address: string): EndpointBehaviour {
    return this.ctx.endpoints.behaviour(address);
  }

  /** Calls ringing at `address` now, oldest first. */
  ringing(address: string): CallSnapshot[] {
    return this.ctx.calls
      .all()
      .filter((c) => c.to === address && c.ringDecision)
      .map((c) => this.view(c));
  }

  // --- What can be seen ---

  snapshot(callSid: string): CallSnapshot | null {
    const call = this.ctx.calls.get(callSid);
    return call ? this.view(call) : null;
  }

  /** Every call leg kept (live ones and the most recent ended ones), oldest first. */
  calls(): CallSnapshot[] {
    return this.ctx.calls.all().map((c) => this.view(c));
  }

  queues(): QueueSnapshot[] {
    return this.ctx.queues.list().map((q) => ({
      sid: q.sid,
      name: q.name,
      members: q.members.map((m) => ({
        callSid: m.call.sid,
        position: q.position(m.call),
        waitSeconds: q.waitSeconds(m),
      })),
    }));
  }

  conferences(): ConferenceSnapshot[] {
    return this.ctx.conferences.list().map((c) => ({
      sid: c.sid,
      name: c.friendlyName,
      status: c.status,
      participants: [...c.participants.values()].map((p) => ({
        callSid: p.call.sid,
        party: p.call.party,
        muted: p.muted,
        held: p.hold,
        coaching: p.callSidToCoach,
        label: p.options.label,
      })),
      recordingSid: c.recordingSid,
    }));
  }

  recordings(): RecordingSnapshot[] {
    return this.ctx.recordings.list().map((r) => this.ctx.recordings.snapshot(r));
  }

  /** What a recording "says" (the simulator's stand-in for its audio), or null for an unknown recording. */
  recordingText(recordingSid: string): string | null {
    const recording = this.ctx.recordings.get(recordingSid);
    return recording ? recording.lines.join('\n') : null;
  }

  /**
   * A completed recording's media, for playback, or null for an unknown recording or one still running. The
   * simulator has no real audio (callers type their words), so it is honestly silent: a WAV as long as the recording
   * (capped at 10 minutes); what was said is in recordingText() and the transcription.
   */
  recordingMedia(recordingSid: string): { contentType: 'audio/wav'; body: Buffer } | null {
    const recording = this.ctx.recordings.get(recordingSid);
    if (!recording || recording.status !== 'completed') return null;
    return {
      contentType: 'audio/wav',
      body: silentWav(Math.min(this.ctx.recordings.durationSeconds(recording), MAX_MEDIA_SECONDS)),
    };
  }

  /** Resolves with the call's snapshot once `predicate` holds (checked at every change); rejects after `timeoutMs`. */
  waitFor(
    callSid: string,
    predicate: (call: CallSnapshot) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<CallSnapshot> {
    return waitForCall(this.ctx.calls, (c) => this.view(c), predicate, { callSid, timeoutMs });
  }

  /** Like waitFor, for whichever call first satisfies `predicate` (e.g. the leg ringing at `client:alice`). */
  waitForCall(predicate: (call: CallSnapshot) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<CallSnapshot> {
    return waitForCall(this.ctx.calls, (c) => this.view(c), predicate, { timeoutMs });
  }

  /** Stops every timer and call; nothing more is posted or reported. */
  close() {
    this.ctx.clock.close();
    this.ctx.calls.close();
  }

  private view(call: SimCall) {
    return snapshotOf(call, this.ctx.clock.timeScale);
  }
}

function configuredNumbers(options: FakeTwilioVoiceOptions): Record<string, IncomingNumberConfig> {
  const numbers =
    typeof options.incomingNumbers === 'function' ? options.incomingNumbers() : { ...options.incomingNumbers };
  if (options.companyNumber && options.voiceUrl)
    numbers[options.companyNumber] = { voiceUrl: options.voiceUrl, statusCallback: options.statusCallbackUrl };
  return numbers;
}

function changeOf(call: SimCall): VoiceCallChange {
  return {
    callSid: call.sid,
    endpoints: [call.from, call.to],
    status: call.status,
    direction: call.direction,
    from: call.from,
    to: call.to,
    parentCallSid: call.parentCallSid,
  };
}
