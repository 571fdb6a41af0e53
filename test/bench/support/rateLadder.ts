import { performance } from 'node:perf_hooks';
import { sleep } from './benchLifetime';
import { startProcessCpuMeter } from './cpuMeter';
import { distribution, ms, printTable, ratio, type Distribution } from './figures';
import { answered2xx, failureSummary, fireOpenLoop, generatorLag, httpLatency, type PreparedRequest } from './openLoop';

export interface StepFigures {
  rate: number;
  sent: number;
  answered: number;
  /** 2xx answers whose contact is in the database afterwards. */
  stored: number;
  latency: Distribution;
  lag: number;
  /** How long the server took to finish the previous step's queued jobs before this one started (ms); null: no wait. */
  settledIn: number | null;
  /** The server still had jobs in hand when the wait gave up, so this step started on top of them. */
  startedUnsettled: boolean;
  failures: string;
  /** The server process's CPU per request while the step ran (ms): the cost of a request on any machine speed. */
  cpuPerRequest: number | null;
}

export const lost = (s: StepFigures) => s.sent - s.stored;
export const holds = (s: StepFigures, p99Limit: number) =>
  lost(s) === 0 && s.latency.p99 !== null && s.latency.p99 <= p99Limit;

export interface Ladder {
  /** Builds request number `index`; every step uses its own range of indexes (its own numbers and ids). */
  request: (index: number) => PreparedRequest;
  /** How many of these keys (MessageSid, CallSid) were stored. */
  countStored: (keys: string[]) => Promise<number>;
  /** Waits until the server has finished the previous step's work; says how long that took and whether it did. */
  settle?: () => Promise<{ ms: number; settled: boolean }>;
  /** The server's process id, to read its CPU use per request. */
  pid?: number;
}

/**
 * Rate steps of `seconds` each, after a 2 s warm-up at the first rate (discarded). Stops after the first step that
 * misses `p99Limit` or loses a request: the rate it holds is known by then, and an overloaded server would only
 * carry its backlog into the next step.
 */
export async function climbLadder(
  url: string,
  rates: number[],
  seconds: number,
  p99Limit: number,
  ladder: Ladder,
): Promise<StepFigures[]> {
  await fireOpenLoop(
    [url],
    Array.from({ length: rates[0] * 2 }, (_, i) => ladder.request(i)),
    rates[0],
  );
  const steps: StepFigures[] = [];
  for (const [n, rate] of rates.entries()) {
    const settled = ladder.settle ? await ladder.settle() : null;
    await sleep(1000);
    const requests = Array.from({ length: Math.round(rate * seconds) }, (_, i) =>
      ladder.request((n + 1) * 100_000 + i),
    );
    const cpu = startProcessCpuMeter(ladder.pid);
    const shots = await fireOpenLoop([url], requests, rate);
    const cpuSeconds = cpu.read();
    const answered = shots.filter(answered2xx);
    steps.push({
      rate,
      sent: shots.length,
      answered: answered.length,
      stored: await ladder.countStored(answered.map((s) => s.key)),
      latency: distribution(shots.map(httpLatency).filter((v): v is number => v !== null)),
      lag: generatorLag(shots),
      settledIn: settled?.ms ?? null,
      startedUnsettled: settled ? !settled.settled : false,
      failures: failureSummary(shots),
      cpuPerRequest: cpuSeconds === null ? null : (cpuSeconds * 1000) / shots.length,
    });
    if (!holds(steps.at(-1)!, p99Limit)) break;
  }
  return steps;
}

/** Waits (up to `limitMs`) until `jobsInHand` reads 0. */
export async function settleJobs(jobsInHand: () => Promise<number>, limitMs = 20_000) {
  const start = performance.now();
  for (;;) {
    if ((await jobsInHand()) === 0) return { ms: performance.now() - start, settled: true };
    if (performance.now() - start > limitMs) return { ms: performance.now() - start, settled: false };
    await sleep(200);
  }
}

export const highestHeld = (steps: StepFigures[], p99Limit: number) =>
  steps.filter((s) => holds(s, p99Limit)).reduce<number | null>((best, s) => Math.max(best ?? 0, s.rate), null);

/** One row per rate: the server's figures beside the bare baseline's p99 at the same rate. */
export function printLadder(title: string, server: StepFigures[], bare: StepFigures[], p99Limit: number) {
  printTable(
    title,
    [
      'rate/s',
      'sent',
      '2xx',
      'lost',
      'p50',
      'p95',
      'p99',
      'max',
      'bare p99',
      'ratio',
      'settled',
      'gen lag',
      'cpu/req',
      'bare cpu/req',
      `p99 ≤ ${p99Limit}, 0 lost`,
    ],
    [...new Set([...bare, ...server].map((s) => s.rate))].map((rate) => {
      const s = server.find((x) => x.rate === rate);
      const b = bare.find((x) => x.rate === rate);
      return [
        rate,
        s?.sent ?? '—',
        s?.answered ?? '—',
        s ? lost(s) : '—',
        ms(s?.latency.p50),
        ms(s?.latency.p95),
        ms(s?.latency.p99),
        ms(s?.latency.max),
        ms(b?.latency.p99),
        ratio(s?.latency.p99 ?? null, b?.latency.p99 ?? null),
        s?.settledIn == null ? '—' : `${s.startedUnsettled ? '>' : ''}${(s.settledIn / 1000).toFixed(1)} s`,
        ms(s?.lag),
        s?.cpuPerRequest == null ? '—' : `${s.cpuPerRequest.toFixed(2)} ms`,
        b?.cpuPerRequest == null ? '—' : `${b.cpuPerRequest.toFixed(2)} ms`,
        s ? (holds(s, p99Limit) ? 'yes' : 'no') : 'not run',
      ];
    }),
  );
  for (const [label, steps] of [
    ['server', server],
    ['bare', bare],
  ] as const) {
    for (const s of steps) if (s.failures) console.log(`${label} at ${s.rate}/s failed requests: ${s.failures}`);
  }
  const bareLost = bare.filter((b) => lost(b) > 0 || b.latency.p99 === null || b.latency.p99 > p99Limit);
  if (bareLost.length)
    console.log(
      `bare baseline over the limit from ${bareLost[0].rate}/s (p99 ${ms(bareLost[0].latency.p99)} ms, ${lost(bareLost[0])} lost)`,
    );
}
