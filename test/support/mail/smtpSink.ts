import type net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { listenOnLoopback } from './listenOnLoopback';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

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
  stop(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a free loopback port that keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const planned: ({ kind: 'fail'; code: number; message: string } | { kind: 'drop' })[] = [];
  const listeners = new Set<() => void>();
  const sockets = new Set<net.Socket>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    // A client configured with credentials is let in with any of them.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
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
    waitFor(count, timeoutMs = 5000) {
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
