import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One webhook, built (and signed) before the run so the load generator does no work on the hot path. */
export interface PreparedRequest {
  path: string;
  /** What the server stores it under (MessageSid, CallSid): how "stored" is checked afterwards. */
  key: string;
  from: string;
  body: string;
  headers: Record<string, string>;
}

export interface Shot {
  key: string;
  from: string;
  /** When the request was due (ms, performance.now()). Latency counts from here, so a late generator is not hidden. */
  scheduledAt: number;
  sentAt: number;
  answeredAt: number | null;
  status: number | null;
  /** Why it failed: no answer (the socket error), or a non-2xx answer's status and the start of its body. */
  error: string | null;
}

export const answered2xx = (shot: Shot) =>
  shot.error === null && shot.status !== null && shot.status >= 200 && shot.status < 300;
export const httpLatency = (shot: Shot) => (shot.answeredAt === null ? null : shot.answeredAt - shot.scheduledAt);

/**
 * Open-loop load: request i is sent at start + i / rate whether or not earlier ones have been answered (as Twilio
 * does), over keep-alive connections, spread round-robin over `targets`. Resolves once every request is answered,
 * failed, or timed out.
 */
export async function fireOpenLoop(
  targets: string[],
  requests: PreparedRequest[],
  ratePerSecond: number,
  timeoutMs = 15_000,
): Promise<Shot[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const addresses = targets.map((t) => new URL(t));
  const interval = 1000 / ratePerSecond;
  const start = performance.now() + 20;
  const done: Promise<Shot>[] = [];
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < requests.length && start + next * interval <= now) {
        done.push(send(agent, addresses[next % addresses.length], requests[next], start + next * interval, timeoutMs));
        next++;
      }
      if (next >= requests.length) return resolve();
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, 20);
  });
  const shots = await Promise.all(done);
  agent.destroy();
  return shots;
}

function send(
  agent: http.Agent,
  target: URL,
  request: PreparedRequest,
  scheduledAt: number,
  timeoutMs: number,
): Promise<Shot> {
  const shot: Shot = {
    key: request.key,
    from: request.from,
    scheduledAt,
    sentAt: performance.now(),
    answeredAt: null,
    status: null,
    error: null,
  };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (error: string | null, answered: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      shot.error = error;
      if (answered) shot.answeredAt = performance.now();
      resolve(shot);
    };
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: request.path,
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
      },
      (res) => {
        shot.status = res.statusCode ?? null;
        let body = '';
        res.on('data', (chunk: Buffer) => {
          if (!answered2xx(shot) && body.length < 200) body += chunk.toString();
        });
        res.on('end', () =>
          settle(answered2xx(shot) ? null : `${shot.status} ${body.slice(0, 200).replace(/\s+/g, ' ')}`, true),
        );
        res.on('error', (err) => settle(err.message, false));
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (err) => settle(err.message, false));
    req.end(request.body);
  });
}

/** How late the generator itself fired (ms): large values mean the load machine, not the server, was the limit. */
export const generatorLag = (shots: Shot[]) => shots.reduce((worst, s) => Math.max(worst, s.sentAt - s.scheduledAt), 0);

/** The distinct ways requests failed, most frequent first: "3× 500 UNSAFE_TRANSACTION…", "12× socket hang up". */
export function failureSummary(shots: Shot[]): string {
  const counts = new Map<string, number>();
  for (const s of shots) if (s.error) counts.set(s.error, (counts.get(s.error) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([error, n]) => `${n}× ${error}`)
    .join('; ');
}
