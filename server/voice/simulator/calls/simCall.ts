import type { Deferred } from '../simClock';
import type { Awaiting, CallDirection, CallStatus, HttpMethod, TranscriptEntry, TranscriptKind } from '../types';
import { Interruption, type Instruction, type InterruptReason } from '../engine/instruction';
import type { Bridge } from './bridge';
import type { SimQueue } from '../queues/simQueue';
import type { Participant } from '../conferences/simConference';

export type StatusEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

export interface StatusCallbackConfig {
  url: string;
  method: HttpMethod;
  events: Set<StatusEvent>;
}

/** How the simulated party ends a `<Record>`: a key, silence until the timeout, or hanging up. */
export type RecordingFinish = { by: 'key'; key?: string } | { by: 'silence' } | { by: 'hangup' };

/** What the current `<Gather>` or `<Record>` listens for. */
export interface InputListener {
  digit?(key: string): void;
  speech?(text: string): void;
  recording?(text: string, finish: RecordingFinish): void;
}

export type RingDecision = 'answered' | 'busy' | 'no-answer' | 'failed';

const TRANSCRIPT_LIMIT = 300;

export interface SimCallInit {
  sid: string;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  parentCallSid?: string | null;
  statusCallback?: StatusCallbackConfig | null;
}

/** One call leg's state. Behaviour lives in the engine; this holds what it is and what its party perceives. */
export class SimCall {
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly direction: CallDirection;
  readonly parentCallSid: string | null;
  readonly createdAt = Date.now();
  status: CallStatus;
  answeredAt: number | null = null;
  endedAt: number | null = null;
  updatedAt = Date.now();
  statusCallback: StatusCallbackConfig | null;
  callbackSequence = 0;
  callbackChain: Promise<void> = Promise.resolve();
  readonly transcript: TranscriptEntry[] = [];
  awaiting: Awaiting | null = null;
  listener: InputListener | null = null;
  bridge: Bridge | null = null;
  queue: SimQueue | null = null;
  participant: Participant | null = null;
  /** Set while the call rings at its endpoint: how the simulated party (or its behaviour) decides. */
  ringDecision: Deferred<RingDecision> | null = null;
  /** The document to run once answered (outbound calls), replaceable by a REST redirect while ringing. */
  answerInstruction: Instruction | null = null;
  runnerActive = false;
  pendingRedirect: Instruction | null = null;
  /** Recordings that capture what is said on this leg (call recordings, Dial recordings). */
  readonly activeRecordings = new Set<string>();
  /** The recording of the whole call asked for with `calls.create({ record: true })`. */
  callRecordingSid: string | null = null;
  private activity = new AbortController();

  constructor(
    init: SimCallInit,
    private readonly onChange: (call: SimCall) => void,
  ) {
    this.sid = init.sid;
    this.from = init.from;
    this.to = init.to;
    this.direction = init.direction;
    this.status = init.status;
    this.parentCallSid = init.parentCallSid ?? null;
    this.statusCallback = init.statusCallback ?? null;
  }

  get isLive() {
    return this.endedAt === null;
  }

  /** The address of the simulated party on this leg: the caller for an inbound call, the callee otherwise. */
  get party() {
    return this.direction === 'inbound' ? this.from : this.to;
  }

  /** The abort signal of what the call is doing now. */
  get signal() {
    return this.activity.signal;
  }

  /** Starts a new activity (a document, ringing, a bridge); interruptions of the previous one no longer apply. */
  newActivity(): AbortSignal {
    this.activity = new AbortController();
    return this.activity.signal;
  }

  interrupt(reason: InterruptReason) {
    if (reason.kind === 'redirect') this.pendingRedirect = reason.to;
    if (!this.activity.signal.aborted) this.activity.abort(new Interruption(reason));
  }

  note(kind: TranscriptKind, fields: Omit<TranscriptEntry, 'at' | 'kind'> = {}) {
    this.transcript.push({ at: new Date().toISOString(), kind, ...fields });
    if (this.transcript.length > TRANSCRIPT_LIMIT) this.transcript.splice(0, this.transcript.length - TRANSCRIPT_LIMIT);
    this.touch();
  }

  touch() {
    this.updatedAt = Date.now();
    this.onChange(this);
  }
}
