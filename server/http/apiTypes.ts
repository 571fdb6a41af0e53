// The JSON shapes the HTTP API and the realtime channel send. The agent console
// imports these with `import type` only, so this file must stay free of runtime code.

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
  skills: string[];
  capacity: Record<Channel, number>;
  teamIds: string[];
}

export interface MeResponse {
  user: UserView;
}

export interface PresenceView {
  userId: string;
  presence: Presence;
  presenceChangedAt: string;
}

export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  channel: Channel;
  status: 'new' | 'open' | 'pending' | 'resolved' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  queueId: string | null;
  assigneeId: string | null;
  customer: { id: string; name: string | null };
  updatedAt: string;
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
}

export interface ClientToServerEvents {}
