import type net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { listenOnLoopback } from './listenOnLoopback';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import { WAIT_MS } from '../timeouts';

export interface SunkMessage {
  envelope: SMTPServerEnvelope;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSink {
  host: '127.0.0.1';
  port: number;
  /** Every message accepted so far, in order. */
  messages: SunkMessage[];
  /** Resolves once `count` messages have been accepted; rejects, saying how many came, after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<SunkMessage[]>;
  /** The next message is refused at the end of DATA with this reply (451: try later, 550: never). */
  failNext(code: number, message?: string): void;
  /** The next message is read to its end, then the connection is cut before any reply: the sender cannot know. */
  dropNext(): void;
  /** Every RCPT TO for this address is refused with this reply (550: no such user), as long as the sink runs. */
  refuseRecipient(address: string, code: number, message?: string): void;
  /** Every RCPT TO the sink was asked, refused ones included, in order. */
  recipientsAsked: string[];
  stop(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a free loopback port that keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const planned: ({ kind: 'fail'; code: number; message: string } | { kind: 'drop' })[] = [];
  const listeners = new Set<() => void>();
  const sockets = new Set<net.Socket>();
  const refused = new Map<string, { code: number; message: string }>();
  const recipientsAsked: string[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    // A client configured with credentials is let in with any of them.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
    onRcptTo(address, _session, callback) {
      recipientsAsked.push(address.address);
      const refusal = refused.get(address.address.toLowerCase());
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const plan = planned.shift();
        if (plan?.kind === 'fail') return callback(Object.assign(new Error(plan.message), { responseCode: plan.code }));
        if (plan?.kind === 'drop') {
          for (const socket of sockets) if (socket.remotePort === session.remotePort) socket.destroy();
          return;
        }
        const raw = Buffer.concat(chunks);
        // The session's envelope is reused by the next transaction on this connection: keep a copy.
        const envelope = structuredClone(session.envelope);
        simpleParser(raw).then(
          (parsed) => {
            messages.push({ envelope, raw, parsed });
            callback(null, `Message queued as sink-${messages.length}`);
            for (const notify of listeners) notify();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  const port = await listenOnLoopback(server, sockets);

  return {
    host: '127.0.0.1',
    port,
    messages,
    failNext: (
      code,
      message = code >= 500
        ? 'Requested action not taken: mailbox unavailable'
        : 'Requested action aborted: try again later',
    ) => planned.push({ kind: 'fail', code, message }),
    dropNext: () => planned.push({ kind: 'drop' }),
    refuseRecipient: (address, code, message = '5.1.1 Recipient address rejected: User unknown') =>
      refused.set(address.toLowerCase(), { code, message }),
    recipientsAsked,
    waitFor(count, timeoutMs = WAIT_MS) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`the SMTP sink got ${messages.length} of ${count} messages in ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
