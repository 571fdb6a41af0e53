import { requestJson } from './request';

// Typed here: server/http/apiTypes.ts does not declare the mailbox views (yet).
export type MailboxState = 'connecting' | 'connected' | 'error' | 'disabled';

export interface MailboxHealth {
  id: string;
  name: string;
  address: string;
  active: boolean;
  state: MailboxState;
  lastError: string | null;
  lastConnectedAt: string | null;
  lastSyncedAt: string | null;
}

export interface MailboxSettings extends MailboxHealth {
  imapHost: string;
  imapPort: number;
  imapTls: boolean;
  imapUser: string;
  hasImapPassword: boolean;
  folder: string;
  processedFolder: string | null;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpTls: boolean;
  smtpUser: string | null;
  hasSmtpPassword: boolean;
  queueId: string | null;
  autoAckEnabled: boolean;
  autoAckSubject: string | null;
  autoAckBody: string | null;
  maxAttachmentBytes: number | null;
}

/** What POST and PATCH accept; passwords left out are kept on PATCH. */
export interface MailboxInput {
  name?: string;
  address?: string;
  imapHost?: string;
  imapPort?: number;
  imapTls?: boolean;
  imapUser?: string;
  imapPassword?: string;
  folder?: string;
  processedFolder?: string | null;
  smtpHost?: string | null;
  smtpPort?: number | null;
  smtpTls?: boolean;
  smtpUser?: string | null;
  smtpPassword?: string;
  queueId?: string | null;
  autoAckEnabled?: boolean;
  autoAckSubject?: string | null;
  autoAckBody?: string | null;
  maxAttachmentBytes?: number | null;
  active?: boolean;
}

const mailboxPath = (id: string) => `/api/admin/mailboxes/${encodeURIComponent(id)}`;

/** Supervisors and admins: connection state of every mailbox. */
export const getMailboxHealth = () => requestJson<{ mailboxes: MailboxHealth[] }>('/api/mailboxes/health');

/** Admins only; passwords are never returned. */
export const listMailboxes = () => requestJson<{ mailboxes: MailboxSettings[] }>('/api/admin/mailboxes');

/** 400 with `fields` when the input is wrong; 409 when the name or address is taken. */
export const createMailbox = (input: MailboxInput) =>
  requestJson<{ id: string }>('/api/admin/mailboxes', { method: 'POST', body: input });

export const updateMailbox = (id: string, input: MailboxInput) =>
  requestJson<{ id: string }>(mailboxPath(id), { method: 'PATCH', body: input });
