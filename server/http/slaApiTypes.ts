// SLA policies, clocks, alarms and reports on the wire, shared with the console: types, and two constant lists
// (SLA_TARGETS, ESCALATION_ACTIONS) as apiTypes.ts has; nothing else runs here.
//
// Routes (access in brackets):
//   GET    /api/admin/sla-policies                      [admin]  → SlaPolicyListResponse (first match first)
//   POST   /api/admin/sla-policies                      [admin]  body SlaPolicyInput → { id } (201; added last)
//   PUT    /api/admin/sla-policies/:id                  [admin]  body SlaPolicyInput → { id } (recomputes open tickets)
//   DELETE /api/admin/sla-policies/:id                  [admin]  → 204 (open tickets fall to the next match)
//   PUT    /api/admin/sla-policy-order                  [admin]  body SlaPolicyOrderInput → SlaPolicyListResponse
//   POST   /api/admin/business-hours/:id/ical-holidays  [admin]  body IcalHolidayImportInput → HolidayImportResponse
//   POST   /api/admin/business-hours/:id/country-holidays [admin] body CountryHolidaySeedInput → HolidayImportResponse
//   GET    /api/admin/holiday-countries                 [admin]  → HolidayCountriesResponse
//   POST   /api/sla/preview                             [admin]  body SlaPreviewInput → SlaPreviewResponse
//   GET    /api/sla/at-risk                             [supervisor, admin] ?queueId= → SlaAtRiskResponse
//   GET    /api/sla/report                              [supervisor, admin] ?from=YYYY-MM-DD&to=YYYY-MM-DD → SlaReportResponse
//   GET    /api/sla/report/hit-rates.csv                [supervisor, admin] same query → text/csv (UTF-8 with BOM)
//   GET    /api/sla/report/breaches.csv                 [supervisor, admin] same query → text/csv (UTF-8 with BOM)
//   GET    /api/tickets/:id/sla                         [anyone who may open the ticket] → TicketSlaResponse
// Business-hours calendars themselves (intervals, holidays by hand) keep their routes: /api/admin/business-hours.
//
// Ticket payloads (TicketSummary in lists, detail, inbox and screen pops) carry `sla?: TicketSlaBadge | null` (absent
// when the ticket has no open clock). The ticket status 'waiting_on_customer' (apiTypes TICKET_STATUSES) pauses clocks.
// Socket event 'sla.alarm' (SlaAlarmEvent) goes to the assignee, or the queue's supervisors when unassigned, and to
// supervisors; 'ticket.changed' follows every clock change, so badges re-read.
import type { Channel, TicketPriority } from './apiTypes';

export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
/** first_response: first customer message → first public reply (email/SMS reply or answered call). next_response:
 * oldest unanswered customer message after a reply → the next public reply (one cycle each). resolution: creation →
 * resolved, paused time excluded, reopening resumes with the time already used. */
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const ESCALATION_ACTIONS = ['raise_priority', 'reassign_to_queue', 'notify_second_level'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** An hour span in which alarm SMS and email wait (console notifications do not); end before start = overnight. */
export interface QuietHours {
  /** 'HH:MM' */
  start: string;
  /** 'HH:MM' */
  end: string;
  /** IANA zone the times are read in. */
  timezone: string;
}

export interface SlaEscalation {
  /** Minutes after the breach (wall-clock) the step runs, once. */
  afterMinutes: number;
  action: EscalationAction;
  /** reassign_to_queue: the queue the ticket moves to (unassigned there). */
  queueId: string | null;
  /** notify_second_level: who hears of it (E.164 numbers, email addresses). */
  smsRecipients: string[];
  emailRecipients: string[];
}

export interface SlaPolicyInput {
  name: string;
  enabled: boolean;
  /** Match rules; an empty list matches anything. A ticket gets the first enabled policy whose lists all match. */
  queueIds: string[];
  priorities: TicketPriority[];
  channels: Channel[];
  /** Matches when the customer carries any of these tags. */
  customerTags: string[];
  /** Business minutes (on the ticket's queue's business hours; 24/7 without a queue or calendar). null = no target. */
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** Warn when this many business minutes are left, or when this % of the target is used (whichever comes first). */
  warnMinutesBefore: number | null;
  warnPercentUsed: number | null;
  quietHours: QuietHours | null;
  /** Who gets the breach alarm by SMS (E.164) and email. */
  smsRecipients: string[];
  emailRecipients: string[];
  escalation: SlaEscalation | null;
}

export interface SlaPolicyView extends SlaPolicyInput {
  id: string;
  /** 1-based place in the first-match order. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface SlaPolicyListResponse {
  policies: SlaPolicyView[];
}

export interface SlaPolicyOrderInput {
  /** Every policy id, in the new first-match order. */
  ids: string[];
}

export interface IcalHolidayImportInput {
  /** The text of an .ics file: each all-day VEVENT (one per day of a multi-day one) becomes a holiday. */
  ics: string;
}

export interface CountryHolidaySeedInput {
  /** ISO 3166-1 alpha-2, e.g. 'FR', 'CN'. */
  country: string;
  /** Optional state/region code the library knows (e.g. 'BY' for Bavaria in DE). */
  region?: string;
  year: number;
}

export interface HolidayImportResponse {
  /** Days added; days the calendar already had are kept as they were. */
  added: number;
  /** The calendar's holidays after the import, by day. */
  holidays: { day: string; name: string }[];
}

export interface HolidayCountriesResponse {
  countries: { code: string; name: string }[];
}

export interface SlaPreviewInput {
  /** When the ticket would be created (ISO 8601). */
  createdAt: string;
  queueId: string | null;
  priority: TicketPriority;
  channel: Channel;
  customerTags: string[];
}

export interface SlaPreviewResponse {
  policy: { id: string; name: string } | null;
  /** The calendar counted on, or null for 24/7. */
  businessHours: { id: string; name: string; timezone: string } | null;
  /** One per target the policy sets. */
  targets: { target: SlaTarget; minutes: number; warnAt: string | null; dueAt: string }[];
}

/** 'warning' = due soon (at or past the warning time), 'breached' = past due, 'paused' = waiting on customer. */
export type SlaLevel = 'ok' | 'warning' | 'breached' | 'paused';

/** What a ticket's badge shows: its most urgent open clock. */
export interface TicketSlaBadge {
  target: SlaTarget;
  level: SlaLevel;
  /** Due instant while running (count down to it); null while paused. */
  dueAt: string | null;
  /** Business minutes left when paused (the countdown stands still); null while running. */
  minutesLeftWhenPaused: number | null;
}

export interface SlaClockView {
  target: SlaTarget;
  /** 1 for first response and resolution; next response counts its cycles 1, 2, … */
  cycle: number;
  state: 'running' | 'paused' | 'stopped';
  /** met = stopped in time, breached = past due (running or stopped), pending = running or paused in time. */
  result: 'pending' | 'met' | 'breached';
  targetMinutes: number;
  startedAt: string;
  warnAt: string | null;
  dueAt: string | null;
  stoppedAt: string | null;
  /** Business minutes used so far (up to the moment read while running). */
  usedMinutes: number;
  warnedAt: string | null;
  breachedAt: string | null;
  escalatedAt: string | null;
}

export interface TicketSlaResponse {
  policy: { id: string; name: string } | null;
  badge: TicketSlaBadge | null;
  /** Every clock the ticket has had, oldest first (each next-response cycle with its result). */
  clocks: SlaClockView[];
}

export interface SlaAtRiskItem {
  ticketId: string;
  number: number;
  subject: string;
  channel: Channel;
  priority: TicketPriority;
  queue: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  target: SlaTarget;
  level: 'warning' | 'breached';
  dueAt: string;
}

export interface SlaAtRiskResponse {
  /** Open tickets with a running clock at or past its warning time, most overdue first. */
  tickets: SlaAtRiskItem[];
}

/** One bucket of the hit-rate report: clocks that ended (met or breached) in the period. */
export interface SlaHitRateRow {
  /** The bucket: a target, queue, agent or channel (id null for "none": no queue, unassigned). */
  key: string | null;
  label: string;
  met: number;
  breached: number;
  /** met / (met + breached), 0..1; null when nothing ended. */
  hitRate: number | null;
}

export interface SlaBreachRow {
  ticketId: string;
  number: number;
  subject: string;
  target: SlaTarget;
  cycle: number;
  channel: Channel;
  queueName: string | null;
  assigneeName: string | null;
  policyName: string | null;
  dueAt: string;
  /** When it stopped (null = still running, still breached). */
  stoppedAt: string | null;
}

export interface SlaReportResponse {
  from: string;
  to: string;
  byTarget: SlaHitRateRow[];
  byQueue: SlaHitRateRow[];
  byAgent: SlaHitRateRow[];
  byChannel: SlaHitRateRow[];
  /** Clocks whose due time fell in the period and that breached, newest first. */
  breaches: SlaBreachRow[];
}

/** Socket 'sla.alarm': a warning or breach fired for a ticket (once each), or its escalation step ran. */
export interface SlaAlarmEvent {
  ticketId: string;
  ticketNumber: number;
  subject: string;
  target: SlaTarget;
  kind: 'warning' | 'breach' | 'escalation';
  dueAt: string;
}
