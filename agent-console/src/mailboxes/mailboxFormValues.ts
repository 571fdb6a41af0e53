import type { MailboxInput, MailboxSettings } from '../api/mailboxEndpoints';

/** The form's state: what the inputs show, as typed. */
export interface MailboxFormValues {
  name: string;
  address: string;
  imapHost: string;
  imapPort: string;
  imapTls: boolean;
  imapUser: string;
  imapPassword: string;
  folder: string;
  processedFolder: string;
  smtpHost: string;
  smtpPort: string;
  smtpTls: boolean;
  smtpUser: string;
  smtpPassword: string;
  queueId: string;
  autoAckEnabled: boolean;
  autoAckSubject: string;
  autoAckBody: string;
  maxAttachmentMb: string;
  active: boolean;
  signature: string;
}

const BYTES_PER_MB = 1024 * 1024;

/** A new mailbox: the server's defaults. */
export const EMPTY_MAILBOX_FORM: MailboxFormValues = {
  name: '',
  address: '',
  imapHost: '',
  imapPort: '993',
  imapTls: true,
  imapUser: '',
  imapPassword: '',
  folder: 'INBOX',
  processedFolder: '',
  smtpHost: '',
  smtpPort: '',
  smtpTls: false,
  smtpUser: '',
  smtpPassword: '',
  queueId: '',
  autoAckEnabled: false,
  autoAckSubject: '',
  autoAckBody: '',
  maxAttachmentMb: '',
  active: true,
  signature: '',
};

export const bytesToMb = (bytes: number) => String(Math.round((bytes / BYTES_PER_MB) * 100) / 100);
export const mbToBytes = (mb: number) => Math.round(mb * BYTES_PER_MB);

/** An existing mailbox in the form; passwords start empty (the server never returns them). */
export function formValuesFrom(mailbox: MailboxSettings): MailboxFormValues {
  return {
    name: mailbox.name,
    address: mailbox.address,
    imapHost: mailbox.imapHost,
    imapPort: String(mailbox.imapPort),
    imapTls: mailbox.imapTls,
    imapUser: mailbox.imapUser,
    imapPassword: '',
    folder: mailbox.folder,
    processedFolder: mailbox.processedFolder ?? '',
    smtpHost: mailbox.smtpHost ?? '',
    smtpPort: mailbox.smtpPort === null ? '' : String(mailbox.smtpPort),
    smtpTls: mailbox.smtpTls,
    smtpUser: mailbox.smtpUser ?? '',
    smtpPassword: '',
    queueId: mailbox.queueId ?? '',
    autoAckEnabled: mailbox.autoAckEnabled,
    autoAckSubject: mailbox.autoAckSubject ?? '',
    autoAckBody: mailbox.autoAckBody ?? '',
    maxAttachmentMb: mailbox.maxAttachmentBytes === null ? '' : bytesToMb(mailbox.maxAttachmentBytes),
    active: mailbox.active,
    signature: mailbox.signature,
  };
}

/** The request body's field a form input belongs to (server errors use these names). */
export type MailboxField = keyof MailboxInput;

export interface MailboxRequest {
  input: MailboxInput;
  /** Number inputs that hold no number; nothing is sent while there are any. */
  invalid: MailboxField[];
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The POST (new) or PATCH (`editing`) body for the form. Empty optional texts become null, empty
 * numbers null (or left out for the IMAP port, keeping the default), megabytes become bytes, and
 * passwords go only when typed (on create the IMAP password always goes, so the server can insist on it).
 */
export function toMailboxRequest(values: MailboxFormValues, editing: boolean): MailboxRequest {
  const invalid: MailboxField[] = [];
  const number = (field: MailboxField, text: string): number | null => {
    if (text.trim() === '') return null;
    const parsed = Number(text.trim());
    if (!Number.isFinite(parsed)) invalid.push(field);
    return parsed;
  };

  const input: MailboxInput = {
    name: values.name.trim(),
    address: values.address.trim(),
    imapHost: values.imapHost.trim(),
    imapTls: values.imapTls,
    imapUser: values.imapUser.trim(),
    processedFolder: orNull(values.processedFolder),
    smtpHost: orNull(values.smtpHost),
    smtpPort: number('smtpPort', values.smtpPort),
    smtpTls: values.smtpTls,
    smtpUser: orNull(values.smtpUser),
    queueId: orNull(values.queueId),
    autoAckEnabled: values.autoAckEnabled,
    autoAckSubject: orNull(values.autoAckSubject),
    autoAckBody: values.autoAckBody.trim() === '' ? null : values.autoAckBody,
    active: values.active,
    signature: values.signature,
  };
  const imapPort = number('imapPort', values.imapPort);
  if (imapPort !== null) input.imapPort = imapPort;
  if (values.folder.trim() !== '') input.folder = values.folder.trim();
  const mb = number('maxAttachmentBytes', values.maxAttachmentMb);
  input.maxAttachmentBytes = mb === null ? null : mbToBytes(mb);
  if (values.imapPassword !== '' || !editing) input.imapPassword = values.imapPassword;
  if (values.smtpPassword !== '') input.smtpPassword = values.smtpPassword;
  return { input, invalid };
}
