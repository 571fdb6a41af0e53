import type { SimCall } from '../calls/simCall';
import type { RecordingCallback } from '../recordings/recordingStore';
import { deferred, type Deferred } from '../simClock';
import { newSid } from '../sids';
import type { HttpMethod } from '../types';

export type ConferenceStatus = 'init' | 'in-progress' | 'completed';

/** Why a participant left, when it was not its own call hanging up or being redirected. */
export type LeaveReason = 'removed' | 'conference-ended';

export interface ParticipantOptions {
  muted: boolean;
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  beep: string;
  /** '' plays nothing; otherwise a TwiML URL (or Twilio's hold music) played until the conference starts. */
  waitUrl: string;
  waitMethod: HttpMethod;
  label: string | null;
  /** `coach` (TwiML) or CallSidToCoach (REST): this participant is heard by that call only (a whisper). */
  coach?: string | null;
}

export class Participant {
  readonly joinedAt = Date.now();
  updatedAt = Date.now();
  muted: boolean;
  hold = false;
  holdUrl: string | null = null;
  holdMethod: HttpMethod = 'GET';
  readonly left: Deferred<LeaveReason> = deferred();
  /** What plays to this participant now (wait or hold music), to stop it when that changes. */
  music: { key: string; stop: AbortController } | null = null;
  /** While coaching: the one call that hears this participant; the customer and the others do not. */
  callSidToCoach: string | null;

  constructor(
    readonly call: SimCall,
    readonly conference: SimConference,
    readonly options: ParticipantOptions,
  ) {
    this.muted = options.muted;
    this.callSidToCoach = options.coach ?? null;
  }

  get coaching() {
    return this.callSidToCoach !== null;
  }

  /** Hears and is heard by the others. */
  get inAudio() {
    return this.conference.status === 'in-progress' && !this.hold;
  }
}

export interface ConferenceStatusCallback {
  url: string;
  method: HttpMethod;
  events: Set<string>;
}

/** A named conference room from its first participant to its end. */
export class SimConference {
  readonly sid = newSid('CF');
  readonly createdAt = Date.now();
  updatedAt = Date.now();
  status: ConferenceStatus = 'init';
  readonly participants = new Map<string, Participant>();
  reasonEnded: string | null = null;
  callSidEndingConference: string | null = null;
  /** Set by the first participant that joins with `record="record-from-start"`. */
  recordingPlan: { callback: RecordingCallback | null } | null = null;
  recordingSid: string | null = null;
  /** Set by the first participant that joins with a statusCallback. */
  statusCallback: ConferenceStatusCallback | null = null;
  eventSequence = 1;
  callbackChain: Promise<void> = Promise.resolve();

  constructor(readonly friendlyName: string) {}

  touch() {
    this.updatedAt = Date.now();
    for (const p of this.participants.values()) p.call.touch();
  }
}
