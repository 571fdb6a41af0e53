// The phone channel's shapes on the wire, shared with the console (import type only).
import type { CallStatus } from '../../channels/voice/callStatus';

export type { CallStatus };

export interface CallLegView {
  id: string;
  agentId: string;
  agentName: string;
  /** The number or client: address Twilio rang. */
  to: string;
  status: CallStatus;
  muted: boolean;
  answeredAt: string | null;
  endedAt: string | null;
}

/** Where a call is, for the people watching it. */
export type CallPhase = 'ivr' | 'queued' | 'ringing' | 'connected' | 'ended';

export interface CallView {
  id: string;
  callSid: string | null;
  ticketId: string | null;
  customerId: string | null;
  direction: 'inbound' | 'outbound';
  origin: 'customer' | 'callback' | 'click_to_dial';
  from: string;
  to: string;
  status: CallStatus;
  phase: CallPhase;
  ivrPath: string[];
  queueId: string | null;
  agentId: string | null;
  createdAt: string;
  enqueuedAt: string | null;
  connectedAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  abandoned: boolean;
  callbackRequested: boolean;
  voicemail: boolean;
  customerOnHold: boolean;
  recording: { sid: string; url: string } | null;
  wrapUp: 'pending' | 'done' | null;
  /**
   * While after-call work is pending: when it ends by itself (the call's end + AFTER_CALL_WORK_SECONDS) and routing may
   * offer the agent the next contact, wrapped up or not. Null otherwise, or where the view was read without the setting.
   */
  wrapUpDeadline: string | null;
  disposition: string | null;
  wrapUpNote: string | null;
  error: string | null;
  legs: CallLegView[];
}

export type CallbackStatus = 'pending' | 'offered' | 'dialing' | 'completed' | 'failed' | 'canceled';

export interface CallbackAttemptView {
  attempt: number;
  agentId: string | null;
  outcome: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface CallbackView {
  id: string;
  customerId: string | null;
  customerName: string | null;
  ticketId: string | null;
  queueId: string | null;
  phoneNumber: string;
  status: CallbackStatus;
  dueAt: string;
  queuedSince: string;
  attempts: number;
  maxAttempts: number;
  note: string;
  lastOutcome: string | null;
  requestedByUserId: string | null;
  attemptLog: CallbackAttemptView[];
}

/** How an agent's console takes calls: in the browser (Twilio Voice SDK, or the simulator's device) or on their phone. */
export interface VoiceDeviceResponse {
  mode: 'twilio' | 'simulator';
  /** `browser`: calls ring in the console; `phone`: Twilio rings the number in the agent's profile; `none`: cannot take calls. */
  endpoint: 'browser' | 'phone' | 'none';
  identity: string;
  phoneNumber: string | null;
  /** A Voice SDK access token (twilio mode, browser endpoint). */
  token: string | null;
  tokenExpiresAt: string | null;
}

export interface CallStatsRow {
  period: string;
  agentId: string | null;
  agentName: string | null;
  inbound: number;
  outbound: number;
  answered: number;
  abandoned: number;
  talkSeconds: number;
  averageTalkSeconds: number | null;
}

export interface CallStatsResponse {
  from: string;
  to: string;
  groupBy: 'day' | 'week' | 'month';
  rows: CallStatsRow[];
  totals: Omit<CallStatsRow, 'period' | 'agentId' | 'agentName'>;
}

/** A call in the simulator (a simulated customer phone, or a call ringing an agent's simulated browser device). */
export interface SimulatedCallView {
  sid: string;
  from: string;
  to: string;
  direction: string;
  status: CallStatus;
  /** What the caller has heard and done, oldest first: spoken text, audio, keys, recordings, queue and conference moves. */
  transcript: { at: string; kind: string; text: string }[];
  /** What the call waits for from the person on it: keys or speech (`gather`) or a message (`record`). */
  awaiting: { kind: 'gather'; numDigits: number | null; input: string[] } | { kind: 'record' } | null;
  queue: { name: string; position: number } | null;
  conference: { name: string; onHold: boolean; muted: boolean; participants: SimulatedParticipantView[] } | null;
}

/**
 * Who is in a simulated call's conference, as the simulator page shows them: this caller, the agent, and a supervisor
 * who listens (muted), coaches the agent (heard by the agent only) or barged in (heard by everyone).
 */
export interface SimulatedParticipantView {
  callSid: string;
  /** The participant's address: the caller's number, `client:agent-<id>` or a phone. */
  party: string;
  role: 'caller' | 'agent' | 'supervisor';
  /** A supervisor's mode; null for the others. */
  monitoring: 'listening' | 'coaching' | 'barged' | null;
  muted: boolean;
  onHold: boolean;
}
