import type net from 'node:net';
import { simpleParser } from 'mailparser';
import { whenAtLeast } from '../whenAtLeast';
import { listenOnLoopback } from './listenOnLoopback';
import { SMTPServer } from 'smtp-server';
import { LONG_WAIT_MS } from '../timeouts';

/**
 * Where a planned mail's sender is stopped:
 * - `hold-before-data`: RCPT TO is never answered, so no byte of the message is sent.
 * - `hold-after-data`: the whole message arrives (the final dot), and the 250 is never sent.
 */
export type MailPlan = 'hold-before-data' | 'hold-after-data';

export interface Transmission {
  to: string;
  messageId: string | undefined;
  /** Answered 250. A held one was not, yet a real server may deliver it anyway. */
  accepted: boolean;
}

export interface InterruptibleSmtp {
  host: '127.0.0.1';
  port: number;
  /** Every message whose data arrived, in order. */
  transmissions: Transmission[];
  plan(to: string, plan: MailPlan): void;
  /** Resolves once `count` senders are held (since the last `forgetHeld`). */
  whenHeld(count: number, timeoutMs?: number): Promise<void>;
  /** The held senders are gone (their process was killed): start counting again. */
  forgetHeld(): void;
  stop(): Promise<void>;
}

/** A real SMTP server (`smtp-server`) on a loopback port that logs every message and can stop a sender mid-send. */
export async function startInterruptibleSmtp(): Promise<InterruptibleSmtp> {
  const transmissions: Transmission[] = [];
  const plans = new Map<string, MailPlan>();
  let heldCount = 0;
  const heldListeners = new Set<() => void>();
  const sockets = new Set<net.Socket>();
  const hold = () => {
    heldCount++;
    for (const notify of heldListeners) notify();
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      if (plans.get(address.address) !== 'hold-before-data') return callback();
      plans.delete(address.address);
      hold();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => void answer());
      const answer = async () => {
        const to = session.envelope.rcptTo[0]?.address ?? '';
        const { messageId } = await simpleParser(Buffer.concat(chunks));
        const held = plans.get(to) === 'hold-after-data';
        transmissions.push({ to, messageId, accepted: !held });
        if (!held) return callback(null, `Message queued as interruptible-${transmissions.length}`);
        plans.delete(to);
        hold();
      };
    },
  });
  const port = await listenOnLoopback(server, sockets);

  return {
    host: '127.0.0.1',
    port,
    transmissions,
    plan: (to, plan) => void plans.set(to, plan),
    whenHeld(count, timeoutMs = LONG_WAIT_MS) {
      return whenAtLeast(
        heldListeners,
        () => heldCount,
        count,
        timeoutMs,
        (n) => `the SMTP server held ${n} of ${count} mails in ${timeoutMs} ms`,
      );
    },
    forgetHeld() {
      heldCount = 0;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
