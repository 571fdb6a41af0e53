import fs from 'node:fs';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendError } from '../../channels/outbound';
import { parseInboundEmail } from '../../channels/email/parseInboundEmail';
import { createSmtpSender, type EmailOutboundMessage } from '../../channels/email/smtpSender';
import { freePort } from '../../server/net/freePort';
import { startDovecot, type Dovecot } from '../support/mail/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/mail/smtpSink';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));
// IMAP hands messages out with CRLF line ends whatever was appended.
const lines = (raw: Buffer) => raw.toString('utf8').replace(/\r\n/g, '\n');

describe('a private dovecot', () => {
  let dovecot: Dovecot;
  const connect = async () => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    return client;
  };
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('when a fixture is appended, then imapflow reads the same mail back by that UID under that UIDVALIDITY', async () => {
    const raw = fixture('chinese.eml');
    const appended = await dovecot.appendRaw(raw);
    const client = await connect();
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        expect(client.mailbox && BigInt(client.mailbox.uidValidity)).toBe(BigInt(appended.uidValidity));
        const message = await client.fetchOne(String(appended.uid), { uid: true, source: true }, { uid: true });
        expect(message && message.uid).toBe(appended.uid);
        const source = message ? message.source : undefined;
        expect(lines(source!)).toBe(lines(raw));
        expect((await parseInboundEmail(source!, { maxAttachmentBytes: 1024 })).contact.subject).toBe(
          '打印机无法连接网络',
        );
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  });

  it('when more mail arrives, then UIDs grow within the folder and another folder can be filled too', async () => {
    const first = await dovecot.appendRaw(fixture('plain.eml'));
    const second = await dovecot.appendRaw(fixture('reply.eml'));
    expect(second.uid).toBeGreaterThan(first.uid);
    expect(second.uidValidity).toEqual(first.uidValidity);
    const archived = await dovecot.appendRaw(fixture('list.eml'), 'Archive');
    expect(archived.uid).toBe(1);
  });

  it('when a client idles on INBOX, then IDLE is offered and a new mail is announced without polling', async () => {
    const client = await connect();
    try {
      expect(client.capabilities.has('IDLE')).toBe(true);
      // client.mailbox is live: read the count before the new mail updates it.
      const before = (await client.mailboxOpen('INBOX')).exists;
      const announced = new Promise<number>((resolve) => client.once('exists', (event) => resolve(event.count)));
      void client.idle();
      await dovecot.appendRaw(fixture('out-of-office.eml'));
      expect(await announced).toBe(before + 1);
    } finally {
      await client.logout();
    }
  });
});

describe('an SMTP sink', () => {
  let sink: SmtpSink;
  const transport = () => nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false });
  const sender = () =>
    createSmtpSender({
      transport: transport(),
      from: 'Example Support <support@example.com>',
      domain: 'switchboard.example.com',
    });
  const reply: EmailOutboundMessage = {
    id: '0b9e9c3e-4d7a-4c21-8f6f-1e2d3c4b5a60',
    channel: 'email',
    to: 'wang@customer.example',
    from: null,
    subject: 'Re: 打印机无法连接网络 [#1235]',
    text: '您好，我们的技术员今天下午到。',
    inReplyTo: '<20261124.zh.0001@mail.customer.example>',
    references: ['<20261124.zh.0001@mail.customer.example>'],
    html: '<p>您好，我们的技术员今天下午到。</p>',
  };
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });

  it('when the SMTP sender sends a threaded reply, then the sink receives it with its envelope and threading headers', async () => {
    const before = sink.messages.length;
    const sent = await sender().send(reply);
    const [message] = (await sink.waitFor(before + 1)).slice(before);
    expect(message.envelope.mailFrom && message.envelope.mailFrom.address).toBe('support@example.com');
    expect(message.envelope.rcptTo.map((r) => r.address)).toEqual(['wang@customer.example']);
    expect(message.parsed.messageId).toBe(sent.providerId);
    expect(message.parsed.inReplyTo).toBe('<20261124.zh.0001@mail.customer.example>');
    expect(message.parsed.references).toBe('<20261124.zh.0001@mail.customer.example>');
    expect(message.parsed.subject).toBe('Re: 打印机无法连接网络 [#1235]');
    expect(message.parsed.text?.trim()).toBe('您好，我们的技术员今天下午到。');
    expect(message.parsed.html).toBe('<p>您好，我们的技术员今天下午到。</p>');
    expect(message.raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it('when the sink answers 451, then nodemailer rejects with that code and the sender calls it retryable; the next send goes through', async () => {
    sink.failNext(451);
    await expect(
      transport().sendMail({ from: 'support@example.com', to: 'a@customer.example', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 451 });
    sink.failNext(451);
    const before = sink.messages.length;
    const failure = await sender()
      .send(reply)
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(SendError);
    expect(failure).toMatchObject({ code: 'smtp_451', retryable: true, maybeAccepted: false });
    expect(sink.messages.length).toBe(before);
    await sender().send(reply);
    await sink.waitFor(before + 1);
  });

  it('when the sink answers 550, then the sender calls it permanent', async () => {
    sink.failNext(550);
    await expect(sender().send(reply)).rejects.toMatchObject({
      code: 'smtp_550',
      retryable: false,
      maybeAccepted: false,
    });
  });

  it('when the connection drops after the whole message went out, then it is retryable and may have been accepted', async () => {
    sink.dropNext();
    await expect(sender().send(reply)).rejects.toMatchObject({ retryable: true, maybeAccepted: true });
  });

  it('when nothing listens on the port, then the refusal is retryable and certainly not accepted', async () => {
    const closed = createSmtpSender({
      transport: nodemailer.createTransport({ host: '127.0.0.1', port: await freePort(), secure: false }),
      from: 'support@example.com',
      domain: 'switchboard.example.com',
    });
    await expect(closed.send(reply)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
      retryable: true,
      maybeAccepted: false,
    });
  });
});
