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
  /** Mails it could not store, set aside for an admin to retry or dismiss. */
  failedMails: number;
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
  /** Added under every email reply from the mailbox, after the agent's own; empty for none. */
  signature: string;
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
  signature?: string;
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

/** A mail a mailbox could not store: where it was on the server, what it showed, and why it failed. */
export interface FailedMail {
  id: string;
  mailboxId: string;
  mailboxName: string;
  folder: string;
  uid: string;
  fromHeader: string | null;
  subject: string | null;
  error: string;
  attempts: number;
  sizeBytes: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

const failedMailPath = (id: string) => `/api/admin/failed-mails/${encodeURIComponent(id)}`;

/** Admins only: every mailbox's failed mails, oldest first. */
export const listFailedMails = () => requestJson<{ failedMails: FailedMail[] }>('/api/admin/failed-mails');

/** Intake again from the stored bytes: the ticket it joined or opened (null for a bounce); 422 when it fails again. */
export const retryFailedMail = (id: string) =>
  requestJson<{ ticketId: string | null }>(`${failedMailPath(id)}/retry`, { method: 'POST' });

export const dismissFailedMail = (id: string) => requestJson<void>(failedMailPath(id), { method: 'DELETE' });

/** The mail as the server returned it, for a mail client (a download, never shown in the page). */
export const failedMailRawUrl = (id: string) => `${failedMailPath(id)}/raw`;
