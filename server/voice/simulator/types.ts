/** Public shapes of the voice simulator: its options, what a simulated party sees, and the change events. */

export type CallStatus =
  'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';
export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';
export type HttpMethod = 'GET' | 'POST';

/** How a simulated endpoint (a phone number or a `client:` identity) treats a call that rings it. */
export type EndpointBehaviour = 'answer' | 'busy' | 'no-answer' | 'failed' | 'manual';

/** A company number's voice configuration, as set on an incoming phone number in Twilio's console. */
export interface IncomingNumberConfig {
  voiceUrl: string;
  voiceMethod?: HttpMethod;
  statusCallback?: string;
  statusCallbackMethod?: HttpMethod;
}

export interface FakeTwilioVoiceOptions {
  accountSid: string;
  authToken: string;
  /** Turns the public URL a webhook is signed for into the address it is posted to (default: the URL itself). */
  deliveryAddress?: (publicUrl: string) => string;
  /** Company numbers by E.164 number; a function is read at each incoming call (for URLs known only later). */
  incomingNumbers?: Record<string, IncomingNumberConfig> | (() => Record<string, IncomingNumberConfig>);
  /** Shorthand for one company number. */
  companyNumber?: string;
  voiceUrl?: string;
  statusCallbackUrl?: string;
  /** Multiplies every simulated duration (speech, ringing, timeouts); tests use e.g. 0.01. Default 1. */
  timeScale?: number;
  /** Behaviour of phone numbers nobody configured (default 'answer'). */
  defaultNumberBehaviour?: EndpointBehaviour;
  /** Behaviour of `client:` identities nobody configured (default 'manual': they ring until answered). */
  defaultClientBehaviour?: EndpointBehaviour;
  /** Ended calls kept for the UI (default 500). */
  retainEndedCalls?: number;
  /** Called (coalesced per tick) whenever a call's visible state changes. */
  onChanged?: (change: VoiceCallChange) => void;
}

export interface VoiceCallChange {
  callSid: string;
  /** The addresses whose screens show this call: its From and To. */
  endpoints: string[];
  status: CallStatus;
  direction: CallDirection;
  from: string;
  to: string;
  parentCallSid: string | null;
}

export type TranscriptKind =
  | 'status'
  | 'say'
  | 'play'
  | 'pause'
  | 'gather'
  | 'digits'
  | 'speech'
  | 'record'
  | 'recorded'
  | 'enqueue'
  | 'dequeue'
  | 'dial'
  | 'bridged'
  | 'unbridged'
  | 'conference'
  | 'hold'
  | 'unhold'
  | 'mute'
  | 'unmute'
  | 'coach'
  | 'uncoach'
  | 'heard'
  | 'redirect'
  | 'reject'
  | 'hangup'
  | 'error';

export interface TranscriptEntry {
  at: string;
  kind: TranscriptKind;
  text?: string;
  url?: string;
  details?: Record<string, unknown>;
}

export type Awaiting =
  | {
      kind: 'gather';
      input: Array<'dtmf' | 'speech'>;
      numDigits: number | null;
      finishOnKey: string;
      digits: string;
      hints: string | null;
    }
  | { kind: 'record'; maxLength: number; finishOnKey: string; transcribe: boolean };

export interface ConferenceParticipantView {
  callSid: string;
  party: string;
  muted: boolean;
  held: boolean;
  /** The call this participant coaches (only it hears them), or null. */
  coaching: string | null;
  /** The participant's label (`label` when added through the REST API), e.g. `supervisor`. */
  label: string | null;
}

export interface CallSnapshot {
  sid: string;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  parentCallSid: string | null;
  createdAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** Simulated seconds from answer to end, once ended. */
  duration: number | null;
  transcript: TranscriptEntry[];
  awaiting: Awaiting | null;
  queue: { name: string; sid: string; position: number; size: number } | null;
  conference: {
    name: string;
    sid: string;
    status: 'init' | 'in-progress' | 'completed';
    held: boolean;
    muted: boolean;
    participants: ConferenceParticipantView[];
  } | null;
  bridgedWith: string | null;
}

export interface QueueSnapshot {
  sid: string;
  name: string;
  members: Array<{ callSid: string; position: number; waitSeconds: number }>;
}

export interface ConferenceSnapshot {
  sid: string;
  name: string;
  status: 'init' | 'in-progress' | 'completed';
  participants: ConferenceParticipantView[];
  recordingSid: string | null;
}

export interface RecordingSnapshot {
  sid: string;
  callSid: string | null;
  conferenceSid: string | null;
  source: 'RecordVerb' | 'DialVerb' | 'DialConference' | 'OutboundAPI';
  status: 'in-progress' | 'completed';
  duration: number | null;
  url: string;
  text: string;
}
