import { requestJson } from './request';

/** A bounce that reports no message of ours, kept for admins (server: undeliverableMailRoutes.ts). */
export interface UndeliverableMail {
  id: string;
  mailboxId: string;
  mailboxName: string;
  /** The bounce's own Message-ID. */
  reportId: string;
  /** failed: it never arrives; delayed: a server is still trying; delivered: a success report. */
  kind: 'failed' | 'delayed' | 'delivered';
  format: 'dsn' | 'plain';
  fromAddress: string | null;
  subject: string | null;
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
  originalMessageId: string | null;
  /** The start of its text. */
  bodyText: string;
  sizeBytes: number;
  receivedAt: string;
}

const path = '/api/admin/undeliverable-mails';

/** Admins only: newest first. */
export const listUndeliverableMails = () => requestJson<{ undeliverableMails: UndeliverableMail[] }>(path);

/** The bounce as it arrived, for a mail client (a download, never shown in the page). */
export const undeliverableMailRawUrl = (id: string) => `${path}/${encodeURIComponent(id)}/raw`;
