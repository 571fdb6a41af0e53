import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInboundEmail } from './parseInboundEmail';

const fixture = (name: string) => fs.readFileSync(new URL(`../../test/fixtures/email/${name}`, import.meta.url));
const parse = (raw: Buffer, maxAttachmentBytes = 10 * 1024 * 1024) => parseInboundEmail(raw, { maxAttachmentBytes });

describe('parseInboundEmail', () => {
  it('when a customer writes a plain mail, then it becomes an email contact keyed by its Message-ID', async () => {
    const parsed = await parse(fixture('plain.eml'));
    expect(parsed.contact).toEqual({
      channel: 'email',
      from: { kind: 'email', value: 'Alice@Customer.example', name: 'Alice Example' },
      fromHeader: 'Alice Example <Alice@Customer.example>',
      to: 'support@example.com',
      providerId: '<CAF1plain.4711@mail.customer.example>',
      subject: 'Printer on fire',
      text: 'Hello,\n\nthe printer on the third floor is on fire again. Could someone look at it?\n\nThanks,\nAlice',
      metadata: {
        cc: ['bob@customer.example'],
        replyToAddresses: [],
        messageId: '<CAF1plain.4711@mail.customer.example>',
        inReplyTo: null,
        references: [],
        date: '2026-11-24T08:15:00.000Z',
        autoSubmitted: null,
        precedence: null,
        listId: null,
      },
    });
    expect(parsed).toMatchObject({
      attachments: [],
      rejectedAttachments: [],
      automation: { automated: false, reason: null },
      bounce: null,
    });
  });

  it('when the mail answers one of ours, then the ids it replies to and the subject ticket number are threading hints', async () => {
    const { contact } = await parse(fixture('reply.eml'));
    expect(contact.replyTo).toEqual({
      providerIds: ['<reply-1.8f2c@switchboard.example.com>', '<CAF1plain.4711@mail.customer.example>'],
      ticketNumber: 1234,
    });
    expect(contact.metadata).toMatchObject({
      inReplyTo: '<reply-1.8f2c@switchboard.example.com>',
      references: ['<CAF1plain.4711@mail.customer.example>', '<reply-1.8f2c@switchboard.example.com>'],
    });
    expect(contact.subject).toBe('Re: RE: Printer on fire [#1234]');
    expect(contact.text).toContain('The smell remains — should we open the windows?');
  });

  it('when subject, sender name and body are Chinese in RFC 2047 and base64, then they decode exactly', async () => {
    const { contact } = await parse(fixture('chinese.eml'));
    expect(contact.subject).toBe('打印机无法连接网络');
    expect(contact.from).toEqual({ kind: 'email', value: 'wang@customer.example', name: '王小明' });
    expect(contact.text).toBe('您好，\n\n我们办公室的打印机从昨天开始无法连接网络。\n\n谢谢！\n王小明\n');
  });

  it('when it is an out-of-office reply, then it is flagged automated by Auto-Submitted and still threads', async () => {
    const parsed = await parse(fixture('out-of-office.eml'));
    expect(parsed.automation).toEqual({ automated: true, reason: 'Auto-Submitted: auto-replied' });
    expect(parsed.contact.metadata).toMatchObject({ autoSubmitted: 'auto-replied' });
    expect(parsed.contact.replyTo).toEqual({
      providerIds: ['<reply-7.aa01@switchboard.example.com>'],
      ticketNumber: 1300,
    });
  });

  it('when it comes from a mailing list, then it is automated and its list headers are kept', async () => {
    const parsed = await parse(fixture('list.eml'));
    expect(parsed.automation).toEqual({ automated: true, reason: 'Precedence: list' });
    expect(parsed.contact.metadata).toMatchObject({
      precedence: 'list',
      listId: 'Vendor product news <news.vendor.example>',
    });
  });

  it('when Postfix bounces one of our replies, then the bounce is read, the sender is automated and report parts are no attachments', async () => {
    const parsed = await parse(fixture('postfix-dsn.eml'));
    expect(parsed.bounce).toEqual({
      kind: 'failed',
      format: 'dsn',
      originalMessageId: '<reply-42.b7e1@switchboard.example.com>',
      quotedMessageIds: ['<reply-42.b7e1@switchboard.example.com>'],
      recipient: 'nobody@customer.example',
      status: '5.1.1',
      diagnostic:
        '550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown in virtual mailbox table',
    });
    expect(parsed.automation.automated).toBe(true);
    expect(parsed.attachments).toEqual([]);
    expect(parsed.contact.text).toContain('could not\nbe delivered');
    expect(parsed.contact.text).not.toContain('Reporting-MTA');
  });

  it('when an attachment is over the limit, then it is listed as rejected and only the small one is returned', async () => {
    const parsed = await parse(fixture('attachments.eml'), 1024);
    expect(parsed.attachments).toEqual([
      {
        filename: 'notes.txt',
        contentType: 'text/plain',
        content: Buffer.from('Serial number: PX-4410\nFloor: 3\n'),
        sizeBytes: 32,
      },
    ]);
    expect(parsed.rejectedAttachments).toEqual([
      { filename: 'invoice.pdf', sizeBytes: 3000, reason: 'larger than the 1024-byte limit' },
    ]);
    expect(parsed.contact.text.trim()).toBe('Please find the invoice and the serial number attached.');
    expect(parsed.contact.attachments).toBeUndefined();
  });

  it('when both attachments fit, then both come back with their bytes', async () => {
    const parsed = await parse(fixture('attachments.eml'));
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.sizeBytes, a.content.length])).toEqual([
      ['notes.txt', 'text/plain', 32, 32],
      ['invoice.pdf', 'application/pdf', 3000, 3000],
    ]);
    expect(parsed.attachments[1].content.subarray(0, 8).toString()).toBe('%PDF-1.4');
  });

  it('when the mail is HTML only with a script, then the HTML is sanitised and a text rendering is the text', async () => {
    const { contact } = await parse(fixture('html-only-script.eml'));
    expect(contact.html).not.toMatch(/script|onload|onclick|tracker\.example|<form|<iframe|<style|javascript:/i);
    expect(contact.html).toContain('<img src="cid:logo@customer.example" alt="logo" />');
    expect(contact.html).toContain(
      '<a href="https://customer.example/help" rel="noopener noreferrer" target="_blank">Details</a>',
    );
    expect(contact.text).toMatch(/^Hello,\n\nMy account is locked since this morning\./);
    expect(contact.text).not.toContain('document.cookie');
  });

  it('when the Message-ID is missing, then the id is a hash of the bytes, the same on every fetch', async () => {
    const raw = Buffer.from(
      fixture('plain.eml')
        .toString('latin1')
        .replace(/^Message-ID: .*\n/m, ''),
      'latin1',
    );
    const first = await parse(raw);
    const again = await parse(Buffer.from(raw));
    const digest = createHash('sha256').update(raw).digest('hex');
    expect(first.contact.providerId).toBe(`<${digest}@switchboard.local>`);
    expect(again.contact.providerId).toBe(first.contact.providerId);
    expect(first.contact.metadata).toMatchObject({ messageId: null });
  });

  it('when To names someone else, then it is kept; when there is no To at all (Bcc), then the mailbox it was delivered to is used', async () => {
    const raw = Buffer.from(
      'Delivered-To: support@example.com\nMessage-ID: <bcc.1@x.example>\nFrom: a@customer.example\nTo: someone@else.example\nSubject: fyi\n\nhi\n',
    );
    expect((await parse(raw)).contact.to).toBe('someone@else.example');
    const noTo = Buffer.from(
      'Delivered-To: support@example.com\nMessage-ID: <bcc.2@x.example>\nFrom: a@customer.example\nSubject: fyi\n\nhi\n',
    );
    expect((await parse(noTo)).contact.to).toBe('support@example.com');
  });

  it('when no header names a usable sender, then the mail is still read, from a sender with no address', async () => {
    const { contact, automation } = await parse(fixture('sender-mailer-daemon-only.eml'));
    expect(contact.from).toEqual({ kind: 'email', value: '', name: 'MAILER-DAEMON' });
    expect(contact.fromHeader).toBe('MAILER-DAEMON');
    expect(automation).toEqual({ automated: true, reason: 'From: MAILER-DAEMON' });
    const none = await parse(Buffer.from('Message-ID: <x@y>\nTo: support@example.com\nSubject: ?\n\nbody\n'));
    expect(none.contact.from).toEqual({ kind: 'email', value: '', name: 'Unknown sender' });
    expect(none.contact).not.toHaveProperty('fromHeader');
  });

  it('when From is unusable but Sender, Reply-To or Return-Path is, then that address is the sender', async () => {
    expect((await parse(fixture('sender-no-from.eml'))).contact.from.value).toBe('forms@customer.example');
    expect((await parse(fixture('sender-from-empty-angle.eml'))).contact).toMatchObject({
      from: { value: 'notify@status.partner.example' },
      fromHeader: '<>',
    });
  });
});

describe('parseInboundEmail with text Postgres cannot store', () => {
  const b64 = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding).toString('base64');
  const raw = Buffer.from(
    [
      `From: =?utf-8?B?${b64('Ann\u0000 Lee')}?= <ann@customer.example>`,
      'To: support@example.com',
      // UTF-16 is the one way a mail can carry a lone surrogate.
      `Subject: =?utf-16le?B?${b64('Hi\ud800 there\u0000', 'utf16le')}?=`,
      'Message-ID: <nul.1@customer.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64('line one\u0000line two'),
      '--b',
      `Content-Type: text/plain; name="=?utf-8?B?${b64('notes\u0000.txt')}?="`,
      `Content-Disposition: attachment; filename="=?utf-8?B?${b64('notes\u0000.txt')}?="`,
      'Content-Transfer-Encoding: base64',
      '',
      b64('file\u0000bytes stay as they are'),
      '--b--',
      '',
    ].join('\r\n'),
  );

  it('when subject, names, body and file names hold NUL or a lone surrogate, then each is U+FFFD and the file bytes are untouched', async () => {
    const parsed = await parse(raw);
    expect(parsed.contact.from).toEqual({ kind: 'email', value: 'ann@customer.example', name: 'Ann\ufffd Lee' });
    expect(parsed.contact.subject).toBe('Hi\ufffd there\ufffd');
    expect(parsed.contact.text).toBe('line one\ufffdline two');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['notes\ufffd.txt']);
    expect(parsed.attachments[0].content.toString()).toBe('file\u0000bytes stay as they are');
    expect(JSON.stringify({ ...parsed, attachments: [] })).not.toMatch(/\\u0000|\\ud[89ab]/);
  });
});
