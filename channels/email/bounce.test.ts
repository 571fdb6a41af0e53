import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { isDeliveryReport, parseBounce } from './bounce';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../test/fixtures/email/${name}`, import.meta.url), 'latin1');
const parse = (raw: string) => simpleParser(raw, { keepDeliveryStatus: true });

describe('parseBounce', () => {
  it('when Postfix returns the whole message, then the recipient, status, diagnostic and our Message-ID are read', async () => {
    const mail = await parse(fixture('postfix-dsn.eml'));
    expect(isDeliveryReport(mail)).toBe(true);
    expect(parseBounce(mail)).toEqual({
      originalMessageId: '<reply-42.b7e1@switchboard.example.com>',
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
    expect(parseBounce(mail)?.originalMessageId).toBe('<reply-42.b7e1@switchboard.example.com>');
  });

  it('when a report lists a delivered recipient before a failed one, then the failed one is reported', async () => {
    const raw = fixture('postfix-dsn.eml').replace(
      'Final-Recipient: rfc822; nobody@customer.example',
      'Final-Recipient: rfc822; alice@customer.example\nAction: delivered\nStatus: 2.0.0\n\nFinal-Recipient: rfc822; nobody@customer.example',
    );
    expect(parseBounce(await parse(raw))).toMatchObject({ recipient: 'nobody@customer.example', status: '5.1.1' });
  });

  it('when the returned message is missing, then the bounce is still reported with what is known', async () => {
    const raw = fixture('postfix-dsn.eml').replace(
      /--4F1A21C0F2A\.1795511523\/mail\.example\.com\nContent-Description: Undelivered Message[\s\S]*?(?=--4F1A21C0F2A\.1795511523\/mail\.example\.com--)/,
      '',
    );
    expect(parseBounce(await parse(raw))).toMatchObject({
      originalMessageId: null,
      recipient: 'nobody@customer.example',
    });
  });

  it('when a mail is not a delivery report, even one that talks about failure, then it is no bounce', async () => {
    expect(parseBounce(await parse(fixture('plain.eml')))).toBeNull();
    expect(parseBounce(await parse(fixture('out-of-office.eml')))).toBeNull();
  });
});
