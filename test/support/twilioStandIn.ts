import { whenAtLeast } from './whenAtLeast';
import http from 'node:http';
import type net from 'node:net';
import type { Sql } from '../../server/db/client';
import { FakeTwilioMessagesApi } from '../../server/sms/fakeTwilioMessagesApi';
import { LONG_WAIT_MS } from './timeouts';

/**
 * What happens to the next create call for a number:
 * - `hold-unsent`: the request arrives and is held open; Twilio never takes the message (the sender dies first).
 * - `hold-accepted`: Twilio takes the message (stored, delivery reported), but its answer is held back.
 * - `answer-late`: Twilio takes it and answers only after `ms` (its callbacks may come first).
 */
export type CreatePlan = { kind: 'hold-unsent' } | { kind: 'hold-accepted' } | { kind: 'answer-late'; ms: number };

export interface TwilioStandIn {
  /** The address for TWILIO_API_BASE_URL. */
  url: string;
  /** Every create call that arrived, in order: whether Twilio took the message, and whether the caller got an answer. */
  creates: { to: string; taken: boolean; answered: boolean }[];
  plan(to: string, plan: CreatePlan): void;
  /** Posts status callbacks (true) or not (Twilio does not promise them); messages move on to delivered either way. */
  statusCallbacks(on: boolean): void;
  /** Resolves once `count` create calls are being held. */
  whenHeld(count: number, timeoutMs?: number): Promise<void>;
  /** Drops the held requests (their sender is gone). */
  dropHeld(): void;
  stop(): Promise<void>;
}

/**
 * Twilio's Messages API over real HTTP on a loopback port, for a server in another process to reach through
 * TWILIO_API_BASE_URL: the same FakeTwilioMessagesApi the simulator uses (every message it takes is a row in
 * `simulator_messages`, the log of what was sent), with a hand on each create call to stop a sender mid-way.
 */
export async function startTwilioStandIn(options: {
  sql: Sql;
  accountSid: string;
  authToken: string;
}): Promise<TwilioStandIn> {
  const makeApi = (statusCallbacks: boolean) =>
    new FakeTwilioMessagesApi({
      ...options,
      deliveryAddress: (url) => url,
      onPhoneChanged: () => {},
      callbackDelayMs: 100,
      statusCallbacks,
    });
  let api = makeApi(true);
  const plans = new Map<string, CreatePlan>();
  const creates: TwilioStandIn['creates'] = [];
  const held: http.ServerResponse[] = [];
  const heldListeners = new Set<() => void>();
  const sockets = new Set<net.Socket>();

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'https://api.twilio.com');
    const data = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const request = {
      method: req.method ?? 'GET',
      uri: url.toString(),
      data,
      params: Object.fromEntries(url.searchParams),
    };
    const isCreate = request.method === 'POST' && url.pathname.endsWith('/Messages.json');
    const plan = isCreate ? plans.get(data.To) : undefined;
    if (plan) plans.delete(data.To);
    const create = isCreate ? { to: data.To, taken: plan?.kind !== 'hold-unsent', answered: false } : null;
    if (create) creates.push(create);
    if (plan?.kind === 'hold-unsent' || plan?.kind === 'hold-accepted') {
      if (plan.kind === 'hold-accepted') await api.request(request);
      held.push(res);
      for (const notify of heldListeners) notify();
      return;
    }
    const answer = await api.request(request);
    if (plan?.kind === 'answer-late') await new Promise((r) => setTimeout(r, plan.ms));
    res.writeHead(answer.statusCode, answer.headers).end(answer.body);
    if (create) create.answered = true;
  };
  const server = http.createServer((req, res) => void serve(req, res));
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    creates,
    plan: (to, plan) => void plans.set(to, plan),
    statusCallbacks(on) {
      api.close();
      api = makeApi(on);
    },
    whenHeld(count, timeoutMs = LONG_WAIT_MS) {
      return whenAtLeast(
        heldListeners,
        () => held.length,
        count,
        timeoutMs,
        (n) => `the Twilio stand-in held ${n} of ${count} create calls in ${timeoutMs} ms`,
      );
    },
    dropHeld() {
      for (const res of held.splice(0)) res.destroy();
    },
    async stop() {
      api.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
