import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { isDeliveryReport, parseBounce } from './bounce';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../test/fixtures/email/${name}`, import.meta.url), 'latin1');
const parse = (raw: string) => simpleParser(raw, { keepDeliveryStatus: true });
const ours = '<reply-42.b7e1@switchboard.example.com>';

describe('parseBounce: delivery reports', () => {
  it('when Postfix returns the whole message, then the recipient, status, diagnostic and our Message-ID are read', async () => {
    const mail = await parse(fixture('postfix-dsn.eml'));
    expect(isDeliveryReport(mail)).toBe(true);
    expect(parseBounce(mail)).toEqual({
      kind: 'failed',
      format: 'dsn',
      originalMessageId: ours,
      quotedMessageIds: [ours],
      recipient: 'nobody@customer.example',
      status: '5.1.1',
      diagnostic:
        '550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown in virtual mailbox table',
    });
  });

  it('when Postfix returns only the headers (text/rfc822-headers), then the Message-ID is still found', async () => {
    const mail = await parse(
      fixture('postfix-dsn.eml').replace('Content-Type: message/rfc822', 'Content-Type: text/rfc822-headers'),
    );
    expect(parseBounce(mail)?.originalMessageId).toBe(ours);
  });

  it('when a report lists a delivered recipient before a failed one, then the failed one is reported', async () => {
    const raw = fixture('postfix-dsn.eml').replace(
      'Final-Recipient: rfc822; nobody@customer.example',
      'Final-Recipient: rfc822; alice@customer.example\nAction: delivered\nStatus: 2.0.0\n\nFinal-Recipient: rfc822; nobody@customer.example',
    );
    expect(parseBounce(await parse(raw))).toMatchObject({
      kind: 'failed',
      recipient: 'nobody@customer.example',
      status: '5.1.1',
    });
  });

  it('when the report says Action: delayed with a 4.x.x status, then it is a delay, not a failure', async () => {
    const raw = fixture('postfix-dsn.eml')
      .replace('Action: failed', 'Action: delayed\nWill-Retry-Until: Sun, 29 Nov 2026 09:00:01 +0000')
      .replace('Status: 5.1.1', 'Status: 4.4.1')
      .replace(/Diagnostic-Code: smtp; 550[\s\S]*?table/, 'Diagnostic-Code: smtp; 421 4.4.1 Connection timed out');
    expect(parseBounce(await parse(raw))).toMatchObject({
      kind: 'delayed',
      format: 'dsn',
      status: '4.4.1',
      diagnostic: '421 4.4.1 Connection timed out',
      originalMessageId: ours,
    });
  });

  it('when the only recipient was delivered, then it is a success report', async () => {
    const raw = fixture('postfix-dsn.eml').replace('Action: failed', 'Action: delivered').replace('5.1.1', '2.0.0');
    expect(parseBounce(await parse(raw))?.kind).toBe('delivered');
  });

  it('when the returned message is missing, then the bounce is still reported with what is known', async () => {
    const raw = fixture('postfix-dsn.eml').replace(
      /--4F1A21C0F2A\.1795511523\/mail\.example\.com\nContent-Description: Undelivered Message[\s\S]*?(?=--4F1A21C0F2A\.1795511523\/mail\.example\.com--)/,
      '',
    );
    expect(parseBounce(await parse(raw))).toMatchObject({
      originalMessageId: null,
      quotedMessageIds: [],
      recipient: 'nobody@customer.example',
    });
  });
});

describe('parseBounce: plain-text bounces', () => {
  const plain = (from: string, subject: string, body: string, extra = '') =>
    `Message-ID: <b.1@mx.example>\nFrom: ${from}\nTo: support@example.com\nSubject: ${subject}\n${extra}\n${body}\n`;
  const quoted = `\n--- Below this line is a copy of the message.\n\nMessage-ID: ${ours}\nSubject: Re: Printer\n`;

  it('when a mailer daemon sends a bounce without a report part, then it is read from its words and linked by the quoted Message-ID', async () => {
    const mail = await parse(
      plain(
        'MAILER-DAEMON@mx.partner.example',
        'failure notice',
        `I'm afraid I wasn't able to deliver your message.\n\n<nobody@customer.example>:\nRemote host said: 550 5.1.1 User unknown\n${quoted}`,
      ),
    );
    expect(parseBounce(mail)).toEqual({
      kind: 'failed',
      format: 'plain',
      originalMessageId: ours,
      quotedMessageIds: [ours],
      recipient: 'nobody@customer.example',
      status: '5.1.1',
      diagnostic: '550 5.1.1 User unknown',
    });
  });

  it.each([
    ['Undelivered Mail Returned to Sender'],
    ['Delivery Status Notification (Failure)'],
    ['Undeliverable: Re: Printer'],
    ['Mail delivery failed: returning message to sender'],
    ['DELIVERY FAILURE: User x not listed'],
  ])('when a bounce is titled "%s" and has the null return path, then it is a failure', async (subject) => {
    const mail = await parse(
      plain('Mail Server <mail@mx.partner.example>', subject, `Sorry.${quoted}`, 'Return-Path: <>'),
    );
    expect(parseBounce(mail)).toMatchObject({ kind: 'failed', format: 'plain', originalMessageId: ours });
  });

  it.each([
    ['Delivery Status Notification (Delay)'],
    ['Delivery delayed: Re: Printer'],
    ['Delayed Mail (still being retried)'],
  ])('when a postmaster’s notice is titled "%s", then it is a delay', async (subject) => {
    const mail = await parse(plain('postmaster@mx.partner.example', subject, `Still trying.${quoted}`));
    expect(parseBounce(mail)?.kind).toBe('delayed');
  });

  it('when a person writes a subject that looks like a bounce, or passes one on, then it is a customer’s mail', async () => {
    expect(
      parseBounce(await parse(plain('Ann <ann@customer.example>', 'Undeliverable: my parcel', 'Where is it?'))),
    ).toBeNull();
    expect(
      parseBounce(
        await parse(plain('postmaster@mx.partner.example', 'Fwd: Undeliverable: Re: Printer', 'FYI, see below')),
      ),
    ).toBeNull();
  });

  it('when a mailer daemon writes about something else, then it is no bounce', async () => {
    expect(parseBounce(await parse(fixture('sender-mailer-daemon-only.eml')))).toBeNull();
  });

  it('when a mail is not a delivery report, even one that talks about failure, then it is no bounce', async () => {
    expect(parseBounce(await parse(fixture('plain.eml')))).toBeNull();
    expect(parseBounce(await parse(fixture('out-of-office.eml')))).toBeNull();
  });
});
