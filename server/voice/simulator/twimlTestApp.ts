import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import twilio from 'twilio';
import { FakeTwilioVoice } from './fakeTwilioVoice';
import type { FakeTwilioVoiceOptions } from './types';

/** Test support: a small real TwiML app on 127.0.0.1 that checks every Twilio signature, and a fake wired to it. */

export const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
export const AUTH_TOKEN = 'simulator-test-token';
export const PUBLIC_URL = 'https://switchboard.example.com';
export const COMPANY = '+15005550006';

export interface AppRequest {
  path: string;
  method: string;
  params: Record<string, string>;
  signatureValid: boolean;
  at: number;
}

type Reply = string | { status: number; type?: string; body: string };
type Handler = (params: Record<string, string>, request: AppRequest) => Reply;

export interface TwimlApp {
  /** The public URL of a path (what the fake signs for; it delivers to this app). */
  url(path: string): string;
  /** Answers requests to `path` (the query string ignored); unknown paths get 200 with an empty TwiML response. */
  on(path: string, handler: Handler): void;
  /** Where the fake delivers a public URL: this app's local address. */
  deliver(url: string): string;
  requests: AppRequest[];
  requestsTo(path: string): AppRequest[];
  /** Resolves with the first request to `path` (already made, or coming) for which `match` holds. */
  waitForRequest(path: string, match?: (r: AppRequest) => boolean, timeoutMs?: number): Promise<AppRequest>;
  close(): Promise<void>;
}

export async function startTwimlApp(): Promise<TwimlApp> {
  const handlers = new Map<string, Handler>();
  const requests: AppRequest[] = [];
  const arrivals = new EventEmitter();
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.all('/{*rest}', (req, res) => {
    const params = req.method === 'POST' ? (req.body as Record<string, string>) : {};
    const signedUrl = PUBLIC_URL + req.originalUrl;
    const request: AppRequest = {
      path: req.path,
      method: req.method,
      params: req.method === 'POST' ? params : (req.query as Record<string, string>),
      signatureValid: twilio.validateRequest(AUTH_TOKEN, req.header('x-twilio-signature') ?? '', signedUrl, params),
      at: Date.now(),
    };
    requests.push(request);
    arrivals.emit('request', request);
    const reply = handlers.get(req.path)?.(request.params, request) ?? '<Response/>';
    if (typeof reply === 'string') res.type('text/xml').send(reply);
    else
      res
        .status(reply.status)
        .type(reply.type ?? 'text/xml')
        .send(reply.body);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deliver = (url: string) => (url.startsWith(PUBLIC_URL) ? local + url.slice(PUBLIC_URL.length) : url);
  return {
    url: (path) => PUBLIC_URL + path,
    on: (path, handler) => handlers.set(path, handler),
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    waitForRequest(path, match = () => true, timeoutMs = 10_000) {
      const found = requests.find((r) => r.path === path && match(r));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const listener = (r: AppRequest) => {
          if (r.path !== path || !match(r)) return;
          clearTimeout(timer);
          arrivals.off('request', listener);
          resolve(r);
        };
        const timer = setTimeout(() => {
          arrivals.off('request', listener);
          reject(
            new Error(
              `no request to ${path} within ${timeoutMs} ms; got: ${requests.map((r) => `${r.path} ${JSON.stringify(r.params)}`).join('\n')}`,
            ),
          );
        }, timeoutMs);
        arrivals.on('request', listener);
      });
    },
    deliver,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A fake wired to `app`: the company number's voice URL is `/voice`, its status callback `/status`. */
export function fakeFor(app: TwimlApp, options: Partial<FakeTwilioVoiceOptions> = {}) {
  return new FakeTwilioVoice({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    deliveryAddress: app.deliver,
    incomingNumbers: { [COMPANY]: { voiceUrl: app.url('/voice'), statusCallback: app.url('/status') } },
    timeScale: 0.01,
    ...options,
  });
}

/** The official client, talking to the fake. */
export function clientFor(fake: FakeTwilioVoice) {
  return twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: fake as never });
}

export const twiml = () => new twilio.twiml.VoiceResponse();
