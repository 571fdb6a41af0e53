import { sendRaw, type RawRequest } from './rawHttp';

/** One generated request, with what it belongs to so that a run can say what it covered. */
export interface FuzzRequest extends RawRequest {
  /** The family it belongs to (e.g. `webhook POST /webhooks/twilio/sms`), for the coverage counts. */
  family: string;
  /** Who sends it: anonymous, a signed-in role, Twilio (a valid signature) or a forger (none or a wrong one). */
  as: 'anonymous' | 'admin' | 'agent' | 'twilio' | 'forger';
}

export interface FuzzResult {
  request: FuzzRequest;
  status: number | null;
  bodyStart: string;
  timedOut: boolean;
}

// Long enough for a 2 MB body on a loaded machine; an answer later than this is a hang worth reporting.
const ANSWER_TIMEOUT_MS = 20_000;

/** Sends the requests a few at a time, each on its own connection, and keeps every answer. */
export async function sendAll(baseUrl: string, requests: FuzzRequest[], concurrency = 6): Promise<FuzzResult[]> {
  const results: FuzzResult[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const answer = await sendRaw(baseUrl, requests[i], ANSWER_TIMEOUT_MS);
      results[i] = { request: requests[i], ...answer };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

// Past this, the server may refuse a request (413, 431) and close while it is still being sent: the reset can discard its
// answer before it is read. Whether that answer was a 5xx, the server's own log says (see serverLog5xx).
const ANSWER_MAY_BE_LOST_PAST_BYTES = 1_000_000;

/**
 * What went wrong with one answer, or null: a 5xx, or no answer at all to a request that was sent whole (a cut-off
 * or oversized body may be dropped without one).
 */
export function problemWith(result: FuzzResult): string | null {
  if (result.status !== null && result.status >= 500) return `answered ${result.status}: ${result.bodyStart}`;
  const { truncateAt, target, body } = result.request;
  const sentWhole = truncateAt === undefined && target.length + (body?.length ?? 0) <= ANSWER_MAY_BE_LOST_PAST_BYTES;
  if (result.status === null && sentWhole)
    return result.timedOut ? `no answer within ${ANSWER_TIMEOUT_MS} ms` : 'connection closed without an answer';
  return null;
}

const shown = (text: string, max = 400) =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text) +
  (text.length > max ? ` (${text.length} chars)` : '');

/** The request as a reproducer: method, target, headers and body, with control characters escaped. */
export function describeRequest(req: FuzzRequest): string {
  const headers = req.headers.map(([n, v]) => `${n}: ${shown(v, 200)}`).join('\n    ');
  const body = req.body ? shown(req.body.toString('utf8')) : '(none)';
  const cut = req.truncateAt === undefined ? '' : ` [cut after ${req.truncateAt} bytes]`;
  return `${req.method} ${shown(req.target, 300)} as ${req.as}\n    ${headers}\n    body${cut}: ${body}`;
}

interface LogEntry {
  msg?: string;
  reqId?: string;
  method?: string;
  url?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  err?: { message?: string; stack?: string };
}

/** Where in our code an error was thrown: its message and the stack frames that are ours. */
const whereFrom = (err: LogEntry['err']) =>
  [err?.message ?? '', ...(err?.stack ?? '').split('\n').filter((l) => /\/(server|channels)\//.test(l))].join(
    '\n      ',
  );

/**
 * The server's own record of 5xx answers, from its JSON log lines: the error handler's "request failed" (with the
 * error and where it was thrown), else the access log's status. It also covers answers the client never read.
 */
export function serverLog5xx(output: string): string[] {
  const entries = output.split('\n').flatMap((line): LogEntry[] => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogEntry];
    } catch {
      return []; // a line still being written
    }
  });
  const explained = new Set(entries.filter((e) => e.msg === 'request failed').map((e) => e.reqId));
  return entries.flatMap((e) => {
    if (e.msg === 'request failed') return [`${e.method} ${e.url}: ${whereFrom(e.err)}`];
    if ((e.res?.statusCode ?? 0) >= 500 && !explained.has(e.reqId))
      return [`${e.req?.method} ${e.req?.url}: answered ${e.res?.statusCode}`];
    return [];
  });
}
