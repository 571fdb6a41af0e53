// Satisfaction surveys, return visits (回访) and customer health on the wire, shared with the console
// (import type only: no runtime code here).
//
// Routes (S = supervisors and admins, A = admins, P = public, no sign-in):
//   GET    /api/admin/survey-settings                 A  → SurveySettingsListResponse (one entry per queue)
//   PUT    /api/admin/survey-settings/:queueId        A  body SurveySettingsInput → { settings: QueueSurveySettings }
//   GET    /api/admin/health-settings                 A  → { settings: HealthSettings }
//   PUT    /api/admin/health-settings                 A  body HealthSettings → { settings: HealthSettings }
//   GET    /api/surveys?ticketId=&customerId=         any role (tickets you may open) → { surveys: SurveyView[] }
//   GET    /api/customers/:id/health                  any role → { health: CustomerHealthView }
//   GET    /api/return-visits?status=                 S  → { returnVisits: ReturnVisitView[] }
//   POST   /api/return-visits                         S  body ScheduleReturnVisitsInput → ScheduleReturnVisitsResponse (201)
//   DELETE /api/return-visits/:id                     S  cancel one not yet done → { returnVisit: ReturnVisitView }
//   GET    /api/reports/surveys                       S  query SurveyReportQuery → SurveyReportResponse
//                                                        (&format=csv: text/csv, UTF-8 with BOM)
//   GET    /api/reports/surveys/comments              S  query SurveyCommentsQuery → { comments: SurveyView[] } (&format=csv)
//   GET    /api/reports/surveys/low-scores            S  query LowScoresQuery → { lowScores: SurveyView[] } (newest first)
//   GET    /api/surveys/:id/comment-recording         any role (tickets you may open): the spoken comment's audio
//   GET    /api/reports/at-risk-customers             S  → { customers: AtRiskCustomerView[] } (&format=csv)
//   GET    /survey/:token                             P  HTML: the choice (links), or with ?score=N the confirm form
//   POST   /survey/:token                             P  form score=N[&second=yes|no][&comment=…]: records, HTML thanks
//   POST   /webhooks/twilio/voice/survey/*            P  Twilio-signed: the keypad survey after the agent hangs up
//
// Added to other payloads:
//   TicketDetailResponse.surveys   SurveyView[] (the ticket's surveys, newest first: score and comment on the ticket)
//   CustomerDetailResponse.health  CustomerHealthView;   CustomerDetailResponse.surveys  SurveyView[]
//   ScreenPop.health               CustomerHealthView
// Socket events (ServerToClientEvents): 'survey.low_score' (LowScoreEvent), 'customer.at_risk' (AtRiskEvent),
//   'return_visit.changed' ({ returnVisitId, ticketId }); surveys answered also send 'ticket.changed' and
//   'customer.changed'.
import type { Channel, Locale } from './apiTypes';

export const SURVEY_SCALES = ['csat', 'nps', 'ces'] as const;
/** csat: 1–5, score = share of 4–5 (%); nps: 0–10, score = % promoters (9–10) − % detractors (0–6); ces: 1–7, score = mean. */
export type SurveyScale = (typeof SURVEY_SCALES)[number];

/** Which channel a resolved ticket's survey goes out on: the one the customer used, or always SMS / email. */
export const SURVEY_CHANNEL_CHOICES = ['off', 'contact', 'sms', 'email'] as const;
export type SurveyChannelChoice = (typeof SURVEY_CHANNEL_CHOICES)[number];

/** Keypad survey after the agent hangs up: never, always, or only for callers who pressed the IVR's opt-in key. */
export const VOICE_SURVEY_MODES = ['off', 'always', 'opt_in'] as const;
export type VoiceSurveyMode = (typeof VOICE_SURVEY_MODES)[number];

/** What a low score opens, assigned to the ticket's queue. */
export const LOW_SCORE_ACTIONS = ['none', 'callback', 'ticket'] as const;
export type LowScoreAction = (typeof LOW_SCORE_ACTIONS)[number];

/** Texts in one language. `{scale}` stands for the range ("1-5"), `{ticket}` for the ticket number. */
export interface SurveyMessages {
  /** The question itself, e.g. "How satisfied were you with our help? Reply 1-5 (5 = very satisfied)." */
  question: string;
  /** The optional second question, answered yes or no (keypad 1 = yes, 2 = no); empty when not asked. */
  secondQuestion: string;
  /** Asks for a comment (SMS: "reply with a comment"; voice: "speak after the tone"). */
  commentPrompt: string;
  thanks: string;
}

export interface QueueSurveySettings {
  queueId: string;
  queueName: string;
  /** Surveys on resolve; `off` sends none (voice keypad surveys follow voiceMode alone). */
  channel: SurveyChannelChoice;
  /** Minutes between resolve and the send. */
  delayMinutes: number;
  voiceMode: VoiceSurveyMode;
  scale: SurveyScale;
  askComment: boolean;
  askSecondQuestion: boolean;
  messages: Record<Locale, SurveyMessages>;
  /** At most one survey per customer per this many days (0: no limit). */
  throttleDays: number;
  /** Hours after the send when the answer is no longer taken. */
  expiryHours: number;
  /** A score at or below it is low (defaults: csat 2, nps 6, ces 3). */
  lowScoreThreshold: number;
  lowScoreAction: LowScoreAction;
}

export type SurveySettingsInput = Omit<QueueSurveySettings, 'queueId' | 'queueName'>;

export interface SurveySettingsListResponse {
  queues: QueueSurveySettings[];
}

export type SurveyStatus = 'scheduled' | 'sent' | 'answered' | 'expired' | 'canceled' | 'skipped';
/** Why a survey was not sent. */
export type SurveySkipReason =
  | 'throttled'
  | 'automated_sender'
  | 'opted_out'
  | 'withheld_caller'
  | 'no_address'
  | 'reopened'
  | 'send_failed'
  | 'canceled';
/** What asked for it: a resolve, a phone call's end, or a return visit. */
export type SurveyOrigin = 'resolve' | 'call' | 'return_visit';

export interface SurveyView {
  id: string;
  ticketId: string;
  ticketNumber: number;
  customer: { id: string; name: string | null };
  queue: { id: string; name: string } | null;
  /** The agent credited (the ticket's assignee when it went out). */
  agent: { id: string; name: string } | null;
  channel: Channel;
  origin: SurveyOrigin;
  scale: SurveyScale;
  locale: Locale;
  status: SurveyStatus;
  skipReason: SurveySkipReason | null;
  sendAt: string;
  sentAt: string | null;
  expiresAt: string | null;
  answeredAt: string | null;
  score: number | null;
  /** Answer to the second question, when asked and answered. */
  secondAnswer: boolean | null;
  comment: string | null;
  /** Voice: the spoken comment, played through the API (null when none). */
  commentRecordingUrl: string | null;
  lowScore: boolean;
  returnVisitId: string | null;
  createdAt: string;
}

export type ReturnVisitMethod = 'callback' | 'ticket' | 'sms' | 'email';
export type ReturnVisitStatus = 'open' | 'done' | 'failed' | 'canceled';

export interface ReturnVisitView {
  id: string;
  ticketId: string;
  ticketNumber: number;
  customer: { id: string; name: string | null };
  queue: { id: string; name: string } | null;
  method: ReturnVisitMethod;
  /** low_score: opened by a low score; scheduled: a supervisor asked for it. */
  reason: 'low_score' | 'scheduled';
  status: ReturnVisitStatus;
  note: string;
  dueAt: string;
  /** What it became: the callback, the follow-up ticket, or the survey sent (by method). */
  callbackId: string | null;
  followUpTicketId: string | null;
  surveyId: string | null;
  /** Why it failed (no phone number, opted out, …). */
  failure: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  completedAt: string | null;
}

/** Resolved (or closed) tickets to revisit: the ones named, or those matching the filter (at most 500). */
export interface ScheduleReturnVisitsInput {
  ticketIds?: string[];
  filter?: {
    /** Resolved from, to (calendar days, UTC, both included). */
    resolvedFrom: string;
    resolvedTo: string;
    queueId?: string;
    channel?: Channel;
    assigneeId?: string;
  };
  method: 'callback' | 'sms' | 'email';
  /** When (ISO time; default now). */
  dueAt?: string;
  note?: string;
}

export interface ScheduleReturnVisitsResponse {
  returnVisits: ReturnVisitView[];
  /** Tickets left out and why: not_resolved, already_scheduled, no_phone, no_email, not_found. */
  skipped: { ticketId: string; reason: string }[];
}

export const HEALTH_REASON_KINDS = [
  'repeat_contacts',
  'volume_above_baseline',
  'low_scores',
  'sla_breaches',
  'open_too_long',
  'missed_callback',
  'sms_opt_out',
  'complaint_words',
] as const;
export type HealthReasonKind = (typeof HEALTH_REASON_KINDS)[number];

export interface HealthReason {
  kind: HealthReasonKind;
  /** Points taken off the score by this reason. */
  points: number;
  /** How many times it was seen (contacts, low scores, breaches, open tickets, missed callbacks, words). */
  count: number;
  /** Specifics, e.g. the complaint words found, or the low scores. */
  details: string[];
}

export interface CustomerHealthView {
  customerId: string;
  /** 100 = healthy; each reason takes its points off, never below 0. */
  score: number;
  /** Score at or below the settings' threshold: the customer carries the "at risk" tag. */
  atRisk: boolean;
  reasons: HealthReason[];
  computedAt: string;
}

export interface HealthRule {
  enabled: boolean;
  /** Points off per occurrence (capped at maxPoints). */
  weight: number;
  maxPoints: number;
}

export interface HealthSettings {
  /** At or below this score a customer is at risk. */
  atRiskThreshold: number;
  /** Days of history looked at (repeat contacts use repeatContactDays). */
  lookbackDays: number;
  repeatContactDays: number;
  /** More contacts in the last 30 days than this factor × their monthly average over lookbackDays. */
  volumeFactor: number;
  openTooLongDays: number;
  /** Lowercase words or phrases (zh and en) that mark a complaint in what the customer wrote. */
  complaintWords: string[];
  rules: Record<HealthReasonKind, HealthRule>;
}

export interface AtRiskCustomerView {
  customer: { id: string; name: string | null };
  score: number;
  reasons: HealthReasonKind[];
  computedAt: string;
}

export type SurveyReportGroup = 'day' | 'week' | 'month' | 'agent' | 'queue' | 'channel';

export interface SurveyReportQuery {
  /** Calendar days (UTC, both included) of the send. */
  from: string;
  to: string;
  groupBy: SurveyReportGroup;
  scale: SurveyScale;
  format?: 'json' | 'csv';
}

export interface SurveyReportRow {
  /** The day / week's Monday / month's first day (YYYY-MM-DD), or the agent / queue id, or the channel. */
  key: string;
  label: string;
  sent: number;
  answered: number;
  /** answered / sent, 0–1 (null when none sent). */
  responseRate: number | null;
  /** By the scale's rule (see SurveyScale); null when none answered. */
  score: number | null;
  lowScores: number;
}

export interface SurveyReportResponse {
  from: string;
  to: string;
  groupBy: SurveyReportGroup;
  scale: SurveyScale;
  rows: SurveyReportRow[];
  total: Omit<SurveyReportRow, 'key' | 'label'>;
}

export interface SurveyCommentsQuery {
  from: string;
  to: string;
  queueId?: string;
  agentId?: string;
  /** Only low scores. */
  lowOnly?: boolean;
  format?: 'json' | 'csv';
}

/** Low scores with or without a comment, by the day they were answered (UTC, both included). */
export interface LowScoresQuery {
  from: string;
  to: string;
  queueId?: string;
}

export interface LowScoresResponse {
  lowScores: SurveyView[];
}

/** 'survey.low_score': to the supervisors of the ticket's queue (and admins), the moment a low score arrives. */
export interface LowScoreEvent {
  survey: SurveyView;
}

/** 'customer.at_risk': to supervisors, when a customer's health crosses the threshold. */
export interface AtRiskEvent {
  customer: { id: string; name: string | null };
  health: CustomerHealthView;
}
