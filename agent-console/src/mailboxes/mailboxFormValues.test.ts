import { describe, expect, it } from 'vitest';
import type { MailboxSettings } from '../api/mailboxEndpoints';
import {
  EMPTY_MAILBOX_FORM,
  bytesToMb,
  formValuesFrom,
  mbToBytes,
  toMailboxRequest,
  type MailboxFormValues,
} from './mailboxFormValues';

const FILLED: MailboxFormValues = {
  ...EMPTY_MAILBOX_FORM,
  name: ' Support ',
  address: 'support@example.com',
  imapHost: 'imap.example.com',
  imapUser: 'support',
  imapPassword: 'secret',
  smtpHost: 'smtp.example.com',
  smtpPort: '587',
  queueId: 'q1',
  maxAttachmentMb: '2.5',
};

const SAVED: MailboxSettings = {
  id: 'm1',
  name: 'Support',
  address: 'support@example.com',
  active: true,
  state: 'connected',
  failedMails: 0,
  lastError: null,
  lastConnectedAt: null,
  lastSyncedAt: null,
  imapHost: 'imap.example.com',
  imapPort: 143,
  imapTls: false,
  imapUser: 'support',
  hasImapPassword: true,
  folder: 'INBOX',
  processedFolder: null,
  smtpHost: null,
  smtpPort: null,
  smtpTls: false,
  smtpUser: null,
  hasSmtpPassword: false,
  queueId: null,
  autoAckEnabled: false,
  autoAckSubject: null,
  autoAckBody: null,
  maxAttachmentBytes: 10 * 1024 * 1024,
  signature: 'Acme Support\n客服热线 400-800-1234',
};

describe('toMailboxRequest', () => {
  it('keeps the mailbox signature through the form, line breaks and all', () => {
    expect(formValuesFrom(SAVED).signature).toBe('Acme Support\n客服热线 400-800-1234');
    expect(toMailboxRequest(formValuesFrom(SAVED), true).input.signature).toBe('Acme Support\n客服热线 400-800-1234');
  });

  it('builds a new mailbox with numbers, trimmed texts and megabytes as bytes', () => {
    const { input, invalid } = toMailboxRequest(FILLED, false);
    expect(invalid).toEqual([]);
    expect(input).toMatchObject({
      name: 'Support',
      imapPort: 993,
      imapPassword: 'secret',
      folder: 'INBOX',
      processedFolder: null,
      smtpPort: 587,
      smtpUser: null,
      queueId: 'q1',
      maxAttachmentBytes: 2.5 * 1024 * 1024,
    });
    expect(input).not.toHaveProperty('smtpPassword');
  });

  it('sends the IMAP password on create even when empty, so the server can say it is missing', () => {
    expect(toMailboxRequest({ ...FILLED, imapPassword: '' }, false).input.imapPassword).toBe('');
  });

  it('leaves out empty passwords when editing and sends typed ones', () => {
    const kept = toMailboxRequest(formValuesFrom(SAVED), true).input;
    expect(kept).not.toHaveProperty('imapPassword');
    expect(kept).not.toHaveProperty('smtpPassword');
    const changed = toMailboxRequest(
      { ...formValuesFrom(SAVED), imapPassword: 'new', smtpPassword: 'smtp' },
      true,
    ).input;
    expect(changed).toMatchObject({ imapPassword: 'new', smtpPassword: 'smtp' });
  });

  it('clears the limit when the megabytes box is emptied and leaves out an empty IMAP port', () => {
    const { input } = toMailboxRequest({ ...FILLED, maxAttachmentMb: '', imapPort: ' ' }, true);
    expect(input.maxAttachmentBytes).toBeNull();
    expect(input).not.toHaveProperty('imapPort');
  });

  it('names number inputs that hold no number', () => {
    expect(toMailboxRequest({ ...FILLED, imapPort: 'abc', maxAttachmentMb: '1,5' }, false).invalid).toEqual([
      'imapPort',
      'maxAttachmentBytes',
    ]);
  });
});

describe('formValuesFrom', () => {
  it('shows a saved mailbox with empty passwords and the limit in megabytes', () => {
    const values = formValuesFrom(SAVED);
    expect(values).toMatchObject({
      imapPort: '143',
      imapPassword: '',
      smtpPassword: '',
      smtpPort: '',
      maxAttachmentMb: '10',
    });
  });
});

describe('megabytes', () => {
  it('converts both ways', () => {
    expect(mbToBytes(1)).toBe(1048576);
    expect(bytesToMb(1572864)).toBe('1.5');
  });
});
