// The JSON shapes the HTTP API and the realtime channel send. The agent console
// imports these with `import type` only, so this file must stay free of runtime code.

import type { ArticleSuggestion } from './knowledgeApiTypes';
import type { TagView } from './ticketViewApiTypes';
import type { CallView } from './voiceApiTypes';
import type { SlaAlarmEvent, TicketSlaBadge } from './slaApiTypes';
import type { AtRiskEvent, CustomerHealthView, LowScoreEvent, SurveyView } from './surveyApiTypes';
import type {
  AgentGridRow,
  CallMonitoredEvent,
  MonitorSessionView,
  ThresholdCrossing,
  WallFiguresPush,
  WallSettingsChanged,
} from './wallApiTypes';

export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PRESENCES = ['available', 'busy', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

export const CHANNELS = ['voice', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every error body: `{ error: { code, message, fields? } }`. */
export interface ApiError {
  error: {
    code: string;
    message: string;
    /** For validation errors: which input field is wrong and why. */
    fields?: { path: string; message: string }[];
  };
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  presence: Presence;
  presenceChangedAt: string;
  /** When away: the reason code chosen (lunch, meeting, …), or null (none given, or set by the system). */
  awayReason: string | null;
  skills: string[];
  capacity: Record<Channel, number>;
  teamIds: string[];
  /** The user's teams, named (a supervisor picks one for a team template). */
  teams: { id: string; name: string }[];
}

export interface MeResponse {
  user: UserView;
}

export interface PresenceView {
  userId: string;
  presence: Presence;
  presenceChangedAt: string;
  /** When away: the reason code, or null. */
  awayReason: string | null;
}

/**
 * A reason an agent may be away for (admin-edited; Break, Lunch, Meeting, Training and Other at first).
 *   GET /api/away-reasons                 (anyone signed in) AwayReasonListResponse: the reasons offered now
 *   GET /api/admin/away-reasons           (admins) AwayReasonListResponse: every reason, retired ones last
 *   PUT /api/admin/away-reasons           (admins) body PutAwayReasonsRequest -> AwayReasonListResponse
 * PUT /api/me/presence and PUT /api/wall/agents/:agentId/state take an optional `reason` (a code) with presence away.
 */
export interface AwayReasonView {
  code: string;
  labels: Record<Locale, string>;
  /** False once an admin took it off the list: no longer offered, still named in reports. */
  active: boolean;
}

export interface AwayReasonListResponse {
  reasons: AwayReasonView[];
}

export interface PutAwayReasonsRequest {
  /** The whole list in order; a code left out is retired. */
  reasons: { code: string; labels: Record<Locale, string> }[];
}

// waiting_on_customer pauses the SLA clocks until the customer writes again (server/sla/).
export const TICKET_STATUSES = ['new', 'open', 'pending', 'waiting_on_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_TYPES = ['consult', 'suggestion', 'complaint'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  channel: Channel;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType | null;
  queueId: string | null;
  assigneeId: string | null;
  customer: { id: string; name: string | null };
  createdAt: string;
  updatedAt: string;
  /** The SLA badge: the most urgent open clock (see slaApiTypes.ts); absent or null without one. */
  sla?: TicketSlaBadge | null;
}

export type MessageStatus = 'received' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface MessageView {
  id: string;
  ticketId: string;
  /** 'note' for internal notes, which customers never see. */
  channel: Channel | 'note';
  direction: 'inbound' | 'outbound' | 'internal';
  status: MessageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  author: { id: string; name: string } | null;
  from: string | null;
  to: string | null;
  subject: string | null;
  text: string;
  /** Email only: the mail's HTML, sanitised (no scripts, styles, forms or remote images); null when it had none. */
  html: string | null;
  attachments: AttachmentView[];
  createdAt: string;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actor: { kind: 'user' | 'system' | 'customer'; id: string | null; name: string | null };
  action: string;
  data: Record<string, unknown>;
}

export interface IdentityView {
  id: string;
  kind: 'phone' | 'email';
  value: string;
  /** Phones only: when the number texted STOP. No SMS may be sent to it until it texts START. */
  smsOptedOutAt: string | null;
}

export interface CustomerView {
  id: string;
  name: string | null;
  company: string | null;
  notes: string;
  tags: string[];
  identities: IdentityView[];
  createdAt: string;
  updatedAt: string;
}

/** One message in a customer's history, across the tickets the viewer may open; internal notes never appear. */
export interface InteractionView {
  messageId: string;
  ticketId: string;
  ticketNumber: number;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  /** What became of it: a reply may still be queued, or have been sent, delivered, or failed. */
  status: MessageStatus;
  /** Why a reply failed, as the provider said (or our own code for a send that could not be settled). */
  errorCode: string | null;
  errorMessage: string | null;
  text: string;
  at: string;
}

export interface TicketDetailResponse {
  ticket: TicketSummary;
  customer: CustomerView;
  messages: MessageView[];
  audit: AuditEntryView[];
  tags: TagView[];
  /** The routing offer this user holds for the ticket, if any. */
  pendingOffer: OfferView | null;
  /** The ticket's satisfaction surveys, newest first (score and comment once answered). */
  surveys: SurveyView[];
}

export interface CustomerDetailResponse {
  customer: CustomerView;
  /** The customer's tickets the viewer may open. */
  tickets: TicketSummary[];
  /** How many other tickets the customer has, which the viewer may not open (shown only as this count). */
  hiddenTicketCount: number;
  interactions: InteractionView[];
  audit: AuditEntryView[];
  /** Health score with its reasons (see surveyApiTypes.ts). */
  health: CustomerHealthView;
  /** The customer's surveys and return-visit results, newest first. */
  surveys: SurveyView[];
}

export interface OfferView {
  id: string;
  ticketId: string;
  expiresAt: string;
}

/** What the agent's console shows the moment a contact is offered: everything in one event, no refetch. */
export interface ScreenPop {
  offer: OfferView;
  ticket: TicketSummary;
  customer: CustomerView;
  /** The customer's last ten interactions across all channels, newest first. */
  recentInteractions: InteractionView[];
  openTickets: TicketSummary[];
  /** The message that arrived and caused the offer (null for a ticket without messages). */
  message: MessageView | null;
  /** Voice tickets only: what the agent is being offered (null for other channels, or a voice ticket with neither). */
  voice: ScreenPopVoice | null;
  /** The top knowledge base articles for the ticket's subject and last customer message (at most 3). */
  articleSuggestions?: ArticleSuggestion[];
  /** The customer's health score and its reasons (always sent by the server). */
  health?: CustomerHealthView;
}

/** A live inbound call, a voicemail left on the ticket, or a callback the agent will place. */
export interface ScreenPopVoice {
  kind: 'call' | 'voicemail' | 'callback';
  /** The call's or callback's queue. */
  queueName: string | null;
  /** Since when the caller has been waiting in the queue (a call) or for their callback (a callback). */
  waitingSince: string | null;
  callback: { phoneNumber: string; note: string; dueAt: string; attempts: number; maxAttempts: number } | null;
}

export interface InboxResponse {
  tickets: TicketSummary[];
}

export interface MonitorAgent {
  id: string;
  name: string;
  email: string;
  presence: Presence;
  presenceChangedAt: string;
  skills: string[];
  teamIds: string[];
}

export interface MonitorQueue {
  id: string;
  name: string;
  waiting: number;
  oldestWaitingSince: string | null;
}

export interface MonitorResponse {
  agents: MonitorAgent[];
  queues: MonitorQueue[];
}

/** Events the server pushes over Socket.IO. Each says what changed; the console re-reads over HTTP when it needs more. */
export interface ServerToClientEvents {
  'presence.changed': (event: PresenceView) => void;
  /** To the offered agent: the screen pop. */
  'offer.created': (event: ScreenPop) => void;
  /** To the offered agent: the offer is over (accepted here or elsewhere, rejected, timed out, withdrawn). */
  'offer.ended': (event: {
    offerId: string;
    ticketId: string;
    reason: 'accepted' | 'rejected' | 'timed_out' | 'canceled';
  }) => void;
  /** To the assignee: re-read the ticket. */
  'ticket.changed': (event: {
    ticketId: string;
    /** Who holds it now, when the sender knows. */ assigneeId?: string | null;
  }) => void;
  /** To a ticket's queue and supervisors: the tickets that changed in the last moment (~250 ms), to re-read. */
  'tickets.changed': (event: { changes: { ticketId: string; assigneeId?: string | null }[] }) => void;
  /** To supervisors and admins: a mailbox's connection state changed; re-read mail health. */
  'mailbox.changed': (event: { mailboxId: string }) => void;
  /** To supervisors: a mass SMS campaign progressed; re-read it. */
  'campaign.changed': (event: { campaignId: string }) => void;
  /** Simulator only: a simulated phone's (`phone`) or email address's (`email`) conversation changed; re-read it. */
  'simulator.changed': (event: { phone?: string; email?: string }) => void;
  /** To everyone who may look at the customer: re-read them. */
  'customer.changed': (event: { customerId: string }) => void;
  /** To the agents on a call and to supervisors: the call's state now. */
  'call.changed': (event: CallView) => void;
  /** Simulator only: a simulated call changed (a phone's screen, or a call ringing an agent's simulated device). */
  'voice.simulator.changed': (event: { callSid: string; endpoints: string[] }) => void;
  /** To the supervisors watching the queues: their live figures now (wallApiTypes.ts). */
  'wall.figures': (event: WallFiguresPush) => void;
  /** To the supervisors watching the agent: the agent's grid row now. */
  'wall.agent': (event: AgentGridRow) => void;
  /** To the supervisors watching the queue: a figure crossed a warning or critical threshold (or went back). */
  'wall.threshold': (event: ThresholdCrossing) => void;
  /** To every supervisor and admin: the wall's thresholds or counting settings changed; re-read them. */
  'wall.settings': (event: WallSettingsChanged) => void;
  /** To the monitoring supervisor: their monitoring session changed. */
  'monitor.changed': (event: MonitorSessionView) => void;
  /** To the monitored agent (when an admin turned it on): a supervisor monitors their call, or stopped (mode null). */
  'call.monitored': (event: CallMonitoredEvent) => void;
  /** To the assignee (the queue's supervisors when unassigned) and supervisors: an SLA warning, breach or escalation. */
  'sla.alarm': (event: SlaAlarmEvent) => void;
  /** To the supervisors of the ticket's queue (and admins): a survey came back with a low score. */
  'survey.low_score': (event: LowScoreEvent) => void;
  /** To supervisors: a customer's health crossed the at-risk threshold (they now carry the "at risk" tag). */
  'customer.at_risk': (event: AtRiskEvent) => void;
  /** To supervisors: a return visit was scheduled, done, failed or canceled; re-read the list. */
  'return_visit.changed': (event: { returnVisitId: string; ticketId: string }) => void;
}

export interface ClientToServerEvents {
  /**
   * From the offered agent's console: the screen pop for this offer is on screen. An offer whose pop is not
   * acknowledged within ROUTING_POP_ACK_SECONDS never reached the agent; it is withdrawn and offered again.
   */
  'offer.seen': (event: { offerId: string }) => void;
}

export interface SimulatorStatus {
  sms: { enabled: boolean; companyNumber: string };
  /** On while no real mailbox is active; `address` is the simulated support mailbox customers write to. */
  email: { enabled: boolean; address: string };
  /** On without Twilio credentials: simulated phones call `companyNumber`. */
  voice: { enabled: boolean; companyNumber: string };
}

/** One mail in a simulated customer's mailbox: what they sent (`from_customer`) or received (`to_customer`). */
export interface SimulatedEmail {
  id: string;
  direction: 'from_customer' | 'to_customer';
  messageId: string;
  inReplyTo: string | null;
  /** The References header, oldest first. */
  references: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; sizeBytes: number }[];
  at: string;
}

/** One text on a simulated phone: what it sent (`from_phone`) or received (`to_phone`). */
export interface SimulatedSms {
  sid: string;
  direction: 'from_phone' | 'to_phone';
  text: string;
  status: string;
  at: string;
}

export type CampaignStatus = 'scheduled' | 'sending' | 'completed' | 'canceled';
export type CampaignRecipientStatus =
  'pending' | 'skipped' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface CampaignCounts {
  total: number;
  /** Not sent: opted out, no phone number, or canceled before its turn. */
  skipped: number;
  /** Waiting for their turn or being sent. */
  pending: number;
  /** Accepted by the carrier, delivery not (yet) confirmed. */
  sent: number;
  delivered: number;
  /** Failed or undelivered. */
  failed: number;
}

export interface CampaignSummary {
  id: string;
  name: string;
  text: string;
  fromNumber: string;
  createdBy: { id: string; name: string };
  scheduledAt: string;
  ratePerMinute: number;
  status: CampaignStatus;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  counts: CampaignCounts;
}

export interface CampaignRecipientView {
  id: string;
  customerId: string;
  customerName: string | null;
  phone: string | null;
  status: CampaignRecipientStatus;
  skipReason: 'opted_out' | 'no_phone' | 'canceled' | null;
  errorCode: string | null;
  errorMessage: string | null;
  updatedAt: string;
}

export interface CampaignStatsRow {
  campaigns: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
}

export interface CampaignStatsResponse {
  byPeriod: (CampaignStatsRow & { period: string })[];
  bySender: (CampaignStatsRow & { sender: { id: string; name: string } })[];
}
