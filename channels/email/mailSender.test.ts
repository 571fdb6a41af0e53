import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { isUsableAddress, mailSender } from './mailSender';

const fixture = (name: string) => fs.readFileSync(new URL(`../../test/fixtures/email/${name}`, import.meta.url));
const senderOf = async (raw: Buffer | string) => mailSender(await simpleParser(raw));

describe('mailSender', () => {
  it('when From holds a usable address, then it is the sender, with its name and the header as written', async () => {
    expect(await senderOf(fixture('plain.eml'))).toEqual({
      address: 'Alice@Customer.example',
      name: 'Alice Example',
      source: 'from',
      fromHeader: 'Alice Example <Alice@Customer.example>',
    });
  });

  it('when the From header holds raw UTF-8, then the header kept on the message reads as written', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: '),
      Buffer.from('王芳 <wang.fang@customer.example>', 'utf8'),
      Buffer.from('\r\nSubject: hi\r\n\r\nbody\r\n'),
    ]);
    expect(await senderOf(raw)).toMatchObject({
      address: 'wang.fang@customer.example',
      fromHeader: '王芳 <wang.fang@customer.example>',
    });
  });

  it('when the first From header is junk and a second one holds an address, then the second is the sender', async () => {
    expect(await senderOf(fixture('sender-two-from-first-junk.eml'))).toEqual({
      address: 'bob.builder@customer.example',
      name: 'Bob Builder',
      source: 'from',
      fromHeader: 'Undisclosed Sender\nBob Builder <bob.builder@customer.example>',
    });
  });

  it('when there is no From, then Sender is used', async () => {
    expect(await senderOf(fixture('sender-no-from.eml'))).toMatchObject({
      address: 'forms@customer.example',
      source: 'sender',
      fromHeader: null,
    });
  });

  it('when From names no address, then Reply-To is used', async () => {
    expect(await senderOf(fixture('sender-reply-to-only.eml'))).toMatchObject({
      address: 'grace@customer.example',
      name: 'Grace Hopper',
      source: 'reply-to',
      fromHeader: 'Website Contact Form',
    });
  });

  it('when From is <>, then Return-Path is used', async () => {
    expect(await senderOf(fixture('sender-from-empty-angle.eml'))).toMatchObject({
      address: 'notify@status.partner.example',
      source: 'return-path',
      fromHeader: '<>',
    });
  });

  it.each([
    ['poison-from-quoted-local.eml', '"Millions Lottery Spain transfer"@example.com>'],
    ['poison-from-redacted.eml', 'redacted@redacted'],
    ['sender-mailer-daemon-only.eml', 'MAILER-DAEMON'],
  ])(
    'when %s holds no usable address anywhere, then the sender is named by what its From shows',
    async (file, shown) => {
      expect(await senderOf(fixture(file))).toEqual({ address: null, name: shown, source: null, fromHeader: shown });
    },
  );

  it('when no header names anyone, then the sender is "Unknown sender"', async () => {
    expect(await senderOf(fixture('sender-none.eml'))).toEqual({
      address: null,
      name: 'Unknown sender',
      source: null,
      fromHeader: null,
    });
    expect(await senderOf('From: <>\nReturn-Path: <>\nSubject: x\n\nbody\n')).toMatchObject({
      address: null,
      name: 'Unknown sender',
      fromHeader: '<>',
    });
  });

  it('when the From name is RFC 2047 encoded in a second From header, then it is decoded', async () => {
    const sender = await senderOf('From: ???\nFrom: =?utf-8?B?546L5bCP5piO?= <wang@customer.example>\n\nhi\n');
    expect(sender).toMatchObject({ address: 'wang@customer.example', name: '王小明', source: 'from' });
  });
});

describe('isUsableAddress', () => {
  it.each(['a@b.example', 'first.last+tag@sub.example.co.uk', 'name@yahoo.com.', '用户@例子.广告'])(
    'when %s, then it is usable',
    (address) => expect(isUsableAddress(address)).toBe(true),
  );
  it.each([
    '',
    'redacted@redacted',
    '"Lottery"@example.com>',
    'two words@example.com',
    'a@b@c.example',
    'MAILER-DAEMON',
  ])('when %j, then it is not', (address) => expect(isUsableAddress(address)).toBe(false));
});
