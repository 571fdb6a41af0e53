import { describe, expect, it } from 'vitest';
import type { InboundContact } from '../../channels/inboundContact';
import { mailFingerprint, variantId } from './distinctMail';

const mail = (changes: Partial<InboundContact> = {}): InboundContact => ({
  channel: 'email',
  from: { kind: 'email', value: 'Henry@Customer.example', name: 'Henry' },
  to: 'support@example.com',
  providerId: '<0000000000@mailer.spam.example>',
  subject: 'Cannot log in',
  text: 'My reset link expired.',
  attachments: [{ filename: 'a.png', contentType: 'image/png', sizeBytes: 3, location: 'attachments/abc' }],
  metadata: { date: '2026-11-24T12:00:00.000Z' },
  ...changes,
});

describe('mailFingerprint', () => {
  it('when only delivery details differ (date, headers kept in metadata, the sender’s case), then it is the same', () => {
    expect(
      mailFingerprint(
        mail({
          metadata: { date: '2026-11-24T12:30:00.000Z' },
          from: { kind: 'email', value: 'henry@customer.example' },
        }),
      ),
    ).toBe(mailFingerprint(mail()));
  });

  it('when a mail stored while files were kept under DATA_DIR is fetched again after the move to the file store, then it is the same', () => {
    const sha = 'a'.repeat(64);
    const file = { filename: 'a.png', contentType: 'image/png', sizeBytes: 3 };
    expect(mailFingerprint(mail({ attachments: [{ ...file, location: `files:${sha}` }] }))).toBe(
      mailFingerprint(mail({ attachments: [{ ...file, location: `attachments/${sha}` }] })),
    );
  });

  it.each<[string, Partial<InboundContact>]>([
    ['the sender', { from: { kind: 'email', value: 'irene@other.example' } }],
    ['the subject', { subject: 'Cannot log out' }],
    ['the text', { text: 'It works now.' }],
    ['the HTML', { html: '<p>My reset link expired.</p>' }],
    [
      'an attachment’s bytes',
      { attachments: [{ filename: 'a.png', contentType: 'image/png', sizeBytes: 3, location: 'attachments/def' }] },
    ],
    [
      'the raw From of a mail without a usable address',
      { from: { kind: 'email', value: '' }, fromHeader: 'MAILER-DAEMON' },
    ],
  ])('when %s differs, then it differs', (_what, changes) => {
    expect(mailFingerprint(mail(changes))).not.toBe(mailFingerprint(mail()));
  });
});

describe('variantId', () => {
  it('when another mail reuses a Message-ID, then its id keeps the Message-ID and is the same for each of its copies', () => {
    const print = mailFingerprint(mail({ text: 'It works now.' }));
    expect(variantId('<0000000000@mailer.spam.example>', print)).toBe(
      `<0000000000@mailer.spam.example>#${print.slice(0, 24)}`,
    );
  });
});
