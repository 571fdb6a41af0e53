// The supervisors' live wall, agent grid, call monitoring and historical reports on the wire (issue 19). The console
// imports these with `import type` only, so this file must stay free of runtime code.
//
// Routes (supervisors and admins unless marked; a supervisor sees and acts on their teams' queues and agents only):
//   GET    /api/wall/figures                          WallFiguresResponse: live figures per queue and channel, total
//   GET    /api/wall/agents                           AgentGridResponse: every watched agent's state and contacts
//   GET    /api/wall/waiting                          WaitingContactsResponse: who waits where, for how long
//   PUT    /api/wall/agents/:agentId/state            body SetAgentStateRequest -> AgentGridRow
//   POST   /api/wall/contacts/:ticketId/reassign      body ReassignContactRequest -> 204
//   POST   /api/wall/contacts/:ticketId/take          -> 204 (the supervisor takes the waiting contact themselves)
//   GET    /api/wall/calls                            LiveCallsResponse: calls connected to an agent now
//   POST   /api/wall/calls/:callId/monitor            body StartMonitoringRequest -> MonitorSessionView
//   PUT    /api/wall/monitor-sessions/:sessionId      body ChangeMonitoringRequest -> MonitorSessionView
//   DELETE /api/wall/monitor-sessions/:sessionId      -> 204 (the supervisor's leg is hung up)
//   GET    /api/wall/settings                         WallSettingsResponse: thresholds, queue statistics settings, flags
//   PUT    /api/wall/settings/thresholds              (admins) body PutThresholdsRequest -> WallSettingsResponse
//   PUT    /api/wall/settings/queues/:queueId         (admins) body PutQueueStatsSettingsRequest -> WallSettingsResponse
//   PUT    /api/wall/settings/monitoring              (admins) body PutMonitoringSettingsRequest -> WallSettingsResponse
//   GET    /api/reports/contacts?from&to&interval&timezone&queueId&channel&format=json|csv
//                                                    ContactReportResponse, or CSV (UTF-8 with BOM)
//   GET    /api/reports/agents?from&to&interval&timezone&agentId&format=json|csv
//                                                    AgentReportResponse, or CSV (UTF-8 with BOM)
//
// Socket events (in ServerToClientEvents of apiTypes.ts):
//   'wall.figures'       to the supervisors watching the queues: WallFiguresPush (the changed queues' figures)
//   'wall.agent'         to the supervisors watching the agent: AgentGridRow (their state changed)
//   'wall.threshold'     to the supervisors watching the queue: ThresholdCrossing (a figure changed level)
//   'wall.settings'      to every supervisor and admin: WallSettingsChanged (re-read thresholds and figures)
//   'monitor.changed'    to the monitoring supervisor: MonitorSessionView
//   'call.monitored'     to the monitored agent, when the admin setting is on: CallMonitoredEvent

import type { AwayReasonView, Channel, Locale, TicketPriority } from './apiTypes';

// ---------------------------------------------------------------------------------------------------------------
// Live figures

/**
 * Figures of one window (today since the queue's reset time, or the last 30 minutes). Contacts are counted in the
 * window they entered the queue in (the arrival cohort), so every count and ratio refers to the same contacts.
 * Ratios are null when their denominator is 0. The additive fields let a total be summed over queues.
 */
export interface FigureSet {
  /** Contacts waiting in the queue now (same in both windows). */
  waiting: number;
  /** How long the longest-waiting contact has waited now, in seconds; null when nobody waits. */
  longestWaitSeconds: number | null;
  /** Since when the longest-waiting contact waits (the console counts the wait up from it between pushes). */
  oldestWaitingSince: string | null;
  /** Contacts that entered the queue in the window. */
  offered: number;
  /** Of those, answered by an agent (a call connected, a ticket accepted). */
  answered: number;
  /** Of those, answered within the queue's service level threshold. */
  answeredWithinThreshold: number;
  /** Of those, left before an answer, after the short abandon threshold. */
  abandoned: number;
  /** Of those, left before an answer within the short abandon threshold (excluded from service level and abandon rate). */
  shortAbandoned: number;
  /** Of those, callers who chose a callback instead of waiting. */
  callbacks: number;
  /** Of those, transferred or overflowed to another queue. */
  transfers: number;
  /** Answered contacts whose handling (talk, hold, wrap-up) is over. */
  handled: number;
  /** answeredWithinThreshold ÷ (offered − shortAbandoned). 0..1 */
  serviceLevel: number | null;
  /** Average speed of answer: total wait of answered ÷ answered. */
  asaSeconds: number | null;
  /** Average handle time: (talk + hold + wrap-up) of handled ÷ handled. */
  ahtSeconds: number | null;
  /** abandoned ÷ (offered − shortAbandoned − callbacks). 0..1 */
  abandonRate: number | null;
  /**
   * Time agents spent handling contacts ÷ time they were available or handling. 0..1; null when nobody was staffed.
   * A queue's (or a queue's channel's): handling its contacts ÷ staffed time of the agents eligible for it; the total:
   * handling any contact ÷ staffed time of the watched agents. Null in a push (measured on the read, see
   * WallFiguresPush).
   */
  occupancy: number | null;
  /** Additive: total seconds the answered contacts waited. */
  answerWaitSeconds: number;
  /** Additive: total talk + hold + wrap-up seconds of the handled contacts. */
  handleSeconds: number;
}

export const THRESHOLD_FIGURES = [
  'waiting',
  'longestWaitSeconds',
  'serviceLevel',
  'asaSeconds',
  'ahtSeconds',
  'abandonRate',
  'occupancy',
] as const;
export type ThresholdFigure = (typeof THRESHOLD_FIGURES)[number];

/** 'normal' below the warning threshold; serviceLevel is the one figure where lower is worse. */
export type FigureLevel = 'normal' | 'warning' | 'critical';

export interface WindowFigures {
  today: FigureSet;
  last30Minutes: FigureSet;
  /** Levels of the today window's figures (waiting and longest wait are instantaneous). */
  levels: Record<ThresholdFigure, FigureLevel>;
}

export interface QueueFigures {
  queueId: string;
  queueName: string;
  teamId: string | null;
  /** The queue's service level threshold in seconds (answered within X s). */
  serviceLevelSeconds: number;
  /** Where "today" starts: the queue's reset time in its time zone, as an instant. */
  todaySince: string;
  total: WindowFigures;
  byChannel: Record<Channel, WindowFigures>;
}

export interface WallFiguresResponse {
  at: string;
  queues: QueueFigures[];
  /** Every queue the viewer watches, summed (levels use the default thresholds). */
  total: WindowFigures;
  /**
   * Occupancy per channel over the watched queues (not a sum of the queues'): handling those queues' contacts of the
   * channel ÷ staffed time of the agents eligible for one of them with capacity for the channel; today from the
   * earliest reset time of the queues, as the total.
   */
  channelOccupancy: ChannelOccupancy;
}

export type ChannelOccupancy = Record<Channel, { today: number | null; last30Minutes: number | null }>;

/** Pushed within 250 ms of a change: the figures of the queues that changed (merge them; re-read for the total). */
export interface WallFiguresPush {
  at: string;
  /**
   * The changed queues' figures. Occupancy is not measured for a push (it needs every eligible agent's staffed time):
   * it is null here, and the console keeps the last read's until its calm re-read after the push.
   */
  queues: QueueFigures[];
  occupancyIncluded: false;
}

/** An admin changed the wall's settings: thresholds judge the figures anew, and figures may count differently. */
export interface WallSettingsChanged {
  at: string;
}

/** A figure of a queue moved to another level. */
export interface ThresholdCrossing {
  queueId: string;
  queueName: string;
  figure: ThresholdFigure;
  level: FigureLevel;
  previousLevel: FigureLevel;
  value: number | null;
  at: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Agent grid

export const AGENT_STATES = [
  'available',
  'ringing',
  'on_call',
  'on_hold',
  'wrap_up',
  'handling',
  'away',
  'offline',
] as const;
/**
 * What the agent is doing: a voice contact wins (ringing, on a call, the customer on hold, after-call work); then
 * SMS/email tickets being handled; then their presence (available, away — including presence 'busy' —, offline).
 */
export type AgentState = (typeof AGENT_STATES)[number];

export interface AgentContactView {
  ticketId: string;
  ticketNumber: number;
  channel: Channel;
  subject: string;
  customerName: string | null;
  queueId: string | null;
  /** For a call: the call and its state. */
  callId: string | null;
  callPhase: 'ringing' | 'connected' | 'on_hold' | 'wrap_up' | null;
  since: string;
}

export interface AgentGridRow {
  id: string;
  name: string;
  email: string;
  teamIds: string[];
  state: AgentState;
  /** Since when they are in this state. */
  stateSince: string;
  /** Presence as set (available/busy/away/offline). */
  presence: 'available' | 'busy' | 'away' | 'offline';
  /** When away (or busy): why — 'busy' (presence busy), 'console' (set by the agent), 'missed-offer', 'supervisor'. */
  awayReason: string | null;
  /** When away with a reason code (chosen by the agent or a supervisor: lunch, meeting, …): the code and its labels. */
  awayReasonCode: string | null;
  awayReasonLabels: Record<Locale, string> | null;
  /** Open SMS/email tickets assigned to them, and their live or wrapping-up call. */
  contacts: AgentContactView[];
  /** Open tickets per channel they hold. */
  handling: Record<Channel, number>;
}

export interface AgentGridResponse {
  at: string;
  agents: AgentGridRow[];
}

export interface WaitingContactView {
  ticketId: string;
  ticketNumber: number;
  channel: Channel;
  subject: string;
  priority: TicketPriority;
  customerName: string | null;
  queueId: string;
  queueName: string;
  waitingSince: string;
  /** A call waiting in the queue: its id. */
  callId: string | null;
}

export interface WaitingContactsResponse {
  at: string;
  contacts: WaitingContactView[];
}

/** A supervisor sets an agent's presence; the change is recorded with the reason 'supervisor', and audited. */
export interface SetAgentStateRequest {
  presence: 'available' | 'busy' | 'away' | 'offline';
  /** With away: an away reason code (GET /api/away-reasons); an unknown one is a 400 naming `reason`. */
  reason?: string | null;
}

export interface ReassignContactRequest {
  agentId: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Call monitoring

export type MonitorMode = 'listen' | 'whisper' | 'barge';

export interface MonitorSessionView {
  id: string;
  callId: string;
  agentId: string;
  supervisorId: string;
  mode: MonitorMode;
  /** The supervisor's own call into the conference: their console answers it by itself when it rings there. */
  callSid: string | null;
  /** 'active' from the moment the supervisor's device is called into the conference until they stop. */
  status: 'active' | 'ended';
  startedAt: string;
  endedAt: string | null;
}

export interface LiveCallView {
  callId: string;
  ticketId: string | null;
  agentId: string;
  agentName: string;
  customerName: string | null;
  from: string;
  queueId: string | null;
  connectedAt: string;
  customerOnHold: boolean;
  /** The viewer's own monitoring session on this call, if any. */
  monitoring: MonitorSessionView | null;
}

export interface LiveCallsResponse {
  calls: LiveCallView[];
}

export interface StartMonitoringRequest {
  mode: MonitorMode;
}

export interface ChangeMonitoringRequest {
  mode: MonitorMode;
}

/** To the monitored agent: a supervisor started, changed or stopped (mode null) monitoring their call. */
export interface CallMonitoredEvent {
  callId: string;
  supervisorName: string;
  mode: MonitorMode | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

export interface ThresholdView {
  /** null: the default for every queue without its own. */
  queueId: string | null;
  figure: ThresholdFigure;
  warning: number | null;
  critical: number | null;
}

export interface QueueStatsSettingsView {
  queueId: string;
  queueName: string;
  serviceLevelSeconds: number;
  /** 'HH:MM' in the queue's time zone: when "today" starts. */
  resetTime: string;
  timezone: string;
}

export interface WallSettingsResponse {
  thresholds: ThresholdView[];
  queues: QueueStatsSettingsView[];
  /** Abandons within this many seconds of arriving are short abandons. */
  shortAbandonSeconds: number;
  /** Agents are told (a socket event) when a supervisor monitors their call. */
  notifyAgentWhenMonitored: boolean;
}

export interface PutThresholdsRequest {
  /** The whole set; replaces the thresholds stored. */
  thresholds: ThresholdView[];
}

export interface PutQueueStatsSettingsRequest {
  serviceLevelSeconds: number;
  resetTime: string;
  timezone: string;
}

export interface PutMonitoringSettingsRequest {
  notifyAgentWhenMonitored: boolean;
  shortAbandonSeconds: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Historical reports (same definitions as FigureSet; contacts counted in the interval they entered the queue in)

export const REPORT_INTERVALS = ['15m', '30m', '60m', 'day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

export interface ContactReportRow {
  /** Start of the interval, an instant (ISO). */
  period: string;
  queueId: string | null;
  queueName: string | null;
  channel: Channel;
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  shortAbandoned: number;
  callbacks: number;
  transfers: number;
  handled: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
  /** The queue's channel's occupancy over the interval (the wall's definition); totals: over every row's queue. */
  occupancy: number | null;
}

export interface ContactReportResponse {
  from: string;
  to: string;
  interval: ReportInterval;
  timezone: string;
  rows: ContactReportRow[];
  totals: Omit<ContactReportRow, 'period' | 'queueId' | 'queueName' | 'channel'>;
}

export interface AgentReportRow {
  period: string;
  agentId: string;
  agentName: string;
  handled: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
  /** Handling time ÷ (available + handling time). */
  occupancy: number | null;
  /** Seconds in each presence in the period. */
  presenceSeconds: { available: number; busy: number; away: number; offline: number };
  /** The away seconds split by away reason code (null: away with no reason given, or set away by the system). */
  awayByReason: { reason: string | null; seconds: number }[];
}

export interface AgentReportResponse {
  from: string;
  to: string;
  interval: ReportInterval;
  timezone: string;
  rows: AgentReportRow[];
  /** Every away reason (retired ones too), to label awayByReason. */
  awayReasons: AwayReasonView[];
}
