import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { SendError } from '../outbound';
import {
  createSmtpSender,
  messageIdForRow,
  newMessageId,
  smtpSendError,
  type EmailOutboundMessage,
  type SmtpFailure,
} from './smtpSender';

const reply: EmailOutboundMessage = {
  id: '6f1c2f5e-8d43-4b7c-9a0e-1f2d3c4b5a69',
  channel: 'email',
  to: 'alice@customer.example',
  from: null,
  subject: 'Re: Printer on fire [#1234]',
  text: 'We are sending someone up.',
};

/** Nodemailer's own stream transport: builds the real MIME message and hands it back instead of sending it. */
function capture() {
  const real = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let raw: Buffer | undefined;
  const transport = {
    async sendMail(options: SendMailOptions) {
      const info = await real.sendMail(options);
      raw = info.message as Buffer;
      return info;
    },
  } as unknown as Transporter;
  return { transport, sent: () => simpleParser(raw!) };
}

const failingWith = (err: Partial<SmtpFailure>) =>
  ({
    sendMail: () => Promise.reject(Object.assign(new Error(err.message ?? 'failed'), err)),
  }) as unknown as Transporter;

describe('createSmtpSender', () => {
  it('when it replies in a thread, then Message-ID, In-Reply-To, References, text and HTML go out and the Message-ID is the provider id', async () => {
    const { transport, sent } = capture();
    const sender = createSmtpSender({
      transport,
      from: 'Example Support <support@example.com>',
      domain: 'switchboard.example.com',
    });
    const result = await sender.send({
      ...reply,
      messageId: '<reply-2.c0ffee@switchboard.example.com>',
      inReplyTo: '<CAF1reply.4712@mail.customer.example>',
      references: ['<CAF1plain.4711@mail.customer.example>', '<CAF1reply.4712@mail.customer.example>'],
      html: '<p>We are sending someone up.</p>',
    } as EmailOutboundMessage);
    expect(result).toEqual({ providerId: '<reply-2.c0ffee@switchboard.example.com>', transport: 'smtp' });
    const mail = await sent();
    expect(mail.messageId).toBe('<reply-2.c0ffee@switchboard.example.com>');
    expect(mail.inReplyTo).toBe('<CAF1reply.4712@mail.customer.example>');
    expect(mail.references).toEqual([
      '<CAF1plain.4711@mail.customer.example>',
      '<CAF1reply.4712@mail.customer.example>',
    ]);
    expect(mail.from?.text).toBe('"Example Support" <support@example.com>');
    expect(mail.subject).toBe('Re: Printer on fire [#1234]');
    expect(mail.text?.trim()).toBe('We are sending someone up.');
    expect(mail.html).toBe('<p>We are sending someone up.</p>');
  });

  it('when the row has no Message-ID yet, then one is derived from its id, the same on every attempt', async () => {
    const { transport } = capture();
    const sender = createSmtpSender({ transport, from: 'support@example.com', domain: 'switchboard.example.com' });
    const first = await sender.send(reply);
    const again = await sender.send(reply);
    expect(first.providerId).toBe(`<${reply.id}@switchboard.example.com>`);
    expect(again.providerId).toBe(first.providerId);
  });

  it('when it names stored files, then they are attached with their names and types', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-smtp-'));
    try {
      fs.writeFileSync(path.join(dir, 'stored-1'), 'invoice bytes');
      const { transport, sent } = capture();
      const sender = createSmtpSender({ transport, from: 'support@example.com', domain: 'switchboard.example.com' });
      await sender.send({
        ...reply,
        attachments: [{ filename: 'invoice.pdf', contentType: 'application/pdf', path: path.join(dir, 'stored-1') }],
      } as EmailOutboundMessage);
      const [file] = (await sent()).attachments;
      expect([file.filename, file.contentType, file.content.toString()]).toEqual([
        'invoice.pdf',
        'application/pdf',
        'invoice bytes',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when an attachment path is a URL, then nothing is fetched and the send fails for good', async () => {
    const { transport } = capture();
    const sender = createSmtpSender({ transport, from: 'support@example.com', domain: 'switchboard.example.com' });
    const sending = sender.send({
      ...reply,
      attachments: [{ filename: 'x', contentType: 'text/plain', path: 'http://127.0.0.1:9/x' }],
    } as EmailOutboundMessage);
    await expect(sending).rejects.toMatchObject({ code: 'EURLACCESS', retryable: false });
  });

  it('when the message has no recipient, then it fails for good without sending', async () => {
    const sender = createSmtpSender({ transport: failingWith({}), from: 'support@example.com', domain: 'x.example' });
    await expect(sender.send({ ...reply, to: null })).rejects.toEqual(
      new SendError('The message has no recipient address.', 'no_recipient', false),
    );
  });

  it('when the recipient cannot receive mail (a trailing dot), then it fails for good before any server is asked', async () => {
    let asked = false;
    const transport = { sendMail: () => ((asked = true), Promise.resolve({})) } as unknown as Transporter;
    const sender = createSmtpSender({ transport, from: 'support@example.com', domain: 'x.example' });
    await expect(sender.send({ ...reply, to: 'name@yahoo.com.' })).rejects.toEqual(
      new SendError(
        'The address name@yahoo.com. cannot receive mail: the domain ends with a dot.',
        'undeliverable_address',
        false,
      ),
    );
    expect(asked).toBe(false);
  });

  it('when the server answers 451, then the failure is retryable and the message was not accepted', async () => {
    const sender = createSmtpSender({
      transport: failingWith({
        code: 'EMESSAGE',
        responseCode: 451,
        response: '451 4.3.0 Try again later',
        command: 'DATA',
      }),
      from: 'support@example.com',
      domain: 'x.example',
    });
    await expect(sender.send(reply)).rejects.toMatchObject({
      code: 'smtp_451',
      retryable: true,
      maybeAccepted: false,
      message: 'SMTP 451: 451 4.3.0 Try again later',
    });
  });
});

describe('smtpSendError', () => {
  const classify = (err: Partial<SmtpFailure>) => {
    const e = smtpSendError(Object.assign(new Error(err.message ?? 'failed'), err));
    return { code: e.code, retryable: e.retryable, maybeAccepted: e.maybeAccepted };
  };

  it.each([421, 450, 451, 452, 454])(
    'when the server answers %i, then a retry can help and nothing was accepted',
    (responseCode) => {
      expect(classify({ code: 'EMESSAGE', responseCode, response: `${responseCode} later` })).toEqual({
        code: `smtp_${responseCode}`,
        retryable: true,
        maybeAccepted: false,
      });
    },
  );

  it.each([550, 552, 553, 554])('when the server answers %i, then it is permanent', (responseCode) => {
    expect(classify({ code: 'EENVELOPE', responseCode, response: `${responseCode} no` })).toEqual({
      code: `smtp_${responseCode}`,
      retryable: false,
      maybeAccepted: false,
    });
  });

  it('when the server answers 503 (commands out of sequence), then a new session may succeed', () => {
    expect(classify({ responseCode: 503, response: '503 5.5.1 Error: need MAIL command' }).retryable).toBe(true);
  });

  it.each([
    { code: 'ESOCKET', originalCode: 'ECONNREFUSED' },
    { code: 'ECONNECTION', originalCode: 'ECONNREFUSED' },
    { code: 'EDNS', originalCode: 'ENOTFOUND' },
    { code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT' },
    { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' },
  ])(
    'when the server could not be reached ($code $originalCode$timeoutType), then it is retryable and certainly not sent',
    (err) => {
      expect(classify(err)).toMatchObject({ retryable: true, maybeAccepted: false });
    },
  );

  it.each([
    { code: 'ECONNECTION', message: 'Connection closed unexpectedly' },
    { code: 'ESOCKET', originalCode: 'ECONNRESET' },
    { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' },
  ])(
    'when the connection broke mid-session ($code), then it is retryable but the server may have the message',
    (err) => {
      expect(classify(err)).toMatchObject({ retryable: true, maybeAccepted: true });
    },
  );

  it.each(['EAUTH', 'ENOAUTH', 'EENVELOPE', 'EURLACCESS'])(
    'when nodemailer refuses with %s and no server answer, then it is permanent',
    (code) => {
      expect(classify({ code })).toEqual({ code, retryable: false, maybeAccepted: false });
    },
  );
});

describe('newMessageId', () => {
  it('when asked twice, then it makes two different ids on our domain', () => {
    const [a, b] = [newMessageId('switchboard.example.com'), newMessageId('switchboard.example.com')];
    expect(a).toMatch(/^<[0-9a-f]{32}@switchboard\.example\.com>$/);
    expect(a).not.toBe(b);
  });

  it('when a row id has characters a Message-ID cannot hold, then a hash of it is used', () => {
    expect(messageIdForRow('a b<c>', 'x.example')).toMatch(/^<[0-9a-f]{32}@x\.example>$/);
  });
});
