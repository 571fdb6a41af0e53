import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { aQueue } from '../support/factories';
import { describeTally, emptyTally, poppedPhone, staffFloor, workOffer } from './support/agentFloor';
import { startBareBaseline } from './support/bareBaselineProcess';
import { freshDatabase, freshRedisPrefix, serverEnv, startServer } from './support/benchEnvironment';
import { envNumber, onCleanup, runBenchmark, sleep } from './support/benchLifetime';
import { startCpuMeter, startMachineCpuMeter, startProcessCpuMeter } from './support/cpuMeter';
import { distribution, ms, printTable, printVerdict, ratio, type Distribution } from './support/figures';
import { answered2xx, fireOpenLoop, generatorLag, httpLatency, type Shot } from './support/openLoop';
import { benchPhone, signedSms } from './support/signedWebhooks';
import { startStarvationSampler } from './support/starvationSampler';
import { waitUntil } from './support/waitUntil';

/**
 * P1: a signed inbound SMS → the screen pop on the offered agent's socket, at 50/s with 60 agents signed in.
 * Latency runs from the moment the webhook was due to be posted to the `offer.created` for that customer's number.
 *
 * The agents work like a very fast floor: each acknowledges the pop, accepts at once and resolves the ticket 2 s
 * later, with SMS capacity 5. At 50/s about 100 of the 300 slots are busy, so an agent is free even when the server
 * is slow to answer the accepts and resolves: the figure is the pipeline's own latency, never a wait for capacity
 * (the fewest free slots seen is printed to show it). The accepts and resolves are load, as on a real floor.
 * The baseline: a bare express + socket.io process that INSERTs one row and emits to one of 60 sockets.
 */
const RATE = 50;
const AGENTS = 60;
const SECONDS = envNumber('BENCH_SECONDS', 15);
const WARMUP_SECONDS = 2;
const POP_WAIT_MS = 10_000;

interface RunFigures {
  label: string;
  sent: number;
  answered: number;
  stored: number;
  popped: number;
  http: Distribution;
  pop: Distribution;
  lag: number;
  /** This process's CPU (load generator and sockets) during the measured run, as a share of one core. */
  benchCpu: number;
  /** The whole machine's CPU during the measured run, in cores. */
  machineCpu: number | null;
  /** The server process's CPU per contact sent in the measured run, in ms: what the work costs, whatever the machine's speed. */
  serverCpuPerContact: number | null;
}

void runBenchmark('P1 screen pop', 150, async () => {
  console.log(
    `P1 — signed inbound SMS → screen pop on the offered agent's socket: ${RATE}/s for ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up), ${AGENTS} agents`,
  );
  const bare = await measureBare();
  const server = await measureServer();
  printTable(
    `P1 at ${RATE}/s, ${AGENTS} agents (ms; pop = webhook due → offer.created on the agent's socket)`,
    [
      'run',
      'sent',
      '2xx',
      'stored',
      'popped',
      'lost',
      'http p99',
      'pop p50',
      'pop p95',
      'pop p99',
      'pop max',
      'gen lag',
      'bench cpu',
      'machine cpu',
      'server cpu/contact',
    ],
    [bare, server].map((r) => [
      r.label,
      r.sent,
      r.answered,
      r.stored,
      r.popped,
      r.sent - r.popped,
      ms(r.http.p99),
      ms(r.pop.p50),
      ms(r.pop.p95),
      ms(r.pop.p99),
      ms(r.pop.max),
      ms(r.lag),
      `${Math.round(r.benchCpu * 100)} %`,
      r.machineCpu === null ? '—' : `${r.machineCpu.toFixed(2)} cores`,
      r.serverCpuPerContact === null ? '—' : `${r.serverCpuPerContact.toFixed(1)} ms`,
    ]),
  );
  const complete = server.popped === server.sent;
  printVerdict(
    'P1 pop p99 ≤ 50 ms, every contact stored and popped',
    `p99 ${ms(server.pop.p99)} ms, ${server.sent - server.popped} lost`,
    complete && server.pop.p99 !== null && server.pop.p99 <= 50,
  );
  printVerdict(
    'P1 pop p99 ≤ 3× bare express + socket.io + INSERT',
    `${ratio(server.pop.p99, bare.pop.p99)} (bare p99 ${ms(bare.pop.p99)} ms)`,
    complete && server.pop.p99 !== null && bare.pop.p99 !== null && server.pop.p99 <= 3 * bare.pop.p99,
  );
});

async function measureBare(): Promise<RunFigures> {
  const db = await freshDatabase('p1_bare', { migrated: false });
  const bare = await startBareBaseline(db.url, { sockets: true });
  const pops = new Map<string, number>();
  const sockets = Array.from({ length: AGENTS }, () =>
    io(bare.url, { transports: ['websocket'], reconnection: false }),
  );
  onCleanup('close bare sockets', () => sockets.forEach((s) => s.close()));
  for (const socket of sockets)
    socket.on('offer.created', (event: { from: string }) => firstPop(pops, event.from, performance.now()));
  if (!(await waitUntil(() => sockets.every((s) => s.connected), 10_000)))
    throw new Error('bare baseline sockets did not connect');
  const figures = await measure(
    'bare express + socket.io + INSERT',
    bare.url,
    bare.pid,
    pops,
    async (keys) => (await db.sql<{ key: string }[]>`select key from bare_events where key = any(${keys})`).length,
  );
  sockets.forEach((s) => s.close());
  await bare.stop();
  return figures;
}

async function measureServer(): Promise<RunFigures> {
  const db = await freshDatabase('p1');
  const server = await startServer(serverEnv(db.url, freshRedisPrefix('p1')));
  await aQueue(db.sql, { name: 'Texts', entryForChannels: ['sms'] });
  const pops = new Map<string, number>();
  const tally = emptyTally();
  await staffFloor(db.sql, [server.url], AGENTS, {
    capacitySms: 5,
    tally,
    onPop(agent, pop, receivedAt) {
      const phone = poppedPhone(pop);
      if (phone) firstPop(pops, phone, receivedAt);
      void workOffer(agent, pop, { acceptAfterMs: 0, resolveAfterMs: 2000 }, tally);
    },
  });
  const floor = startStarvationSampler(db.url);
  const figures = await measure(
    'switchboard',
    server.url,
    server.child.pid,
    pops,
    async (keys) => (await db.sql`select 1 from messages where channel = 'sms' and provider_id = any(${keys})`).length,
  );
  const sampled = await floor.stop();
  await sleep(2500); // the last tickets' resolves, so the tally below is complete
  console.log(describeTally(tally));
  console.log(
    `floor: fewest free SMS slots ${sampled.minFreeSlots} of ${AGENTS * 5}, most tickets waiting unoffered at once ${sampled.maxWaiting}, ` +
      `${[...sampled.starvedMs.values()].filter((t) => t > 1000).length} unoffered > 1 s while a slot was free`,
  );
  return figures;
}

const firstPop = (pops: Map<string, number>, phone: string, at: number) => {
  if (!pops.has(phone)) pops.set(phone, at);
};

/** Warm-up (discarded), then the measured run; pops are matched to webhooks by the customer's number. */
async function measure(
  label: string,
  url: string,
  pid: number | undefined,
  pops: Map<string, number>,
  countStored: (keys: string[]) => Promise<number>,
): Promise<RunFigures> {
  await fireOpenLoop(
    [url],
    Array.from({ length: RATE * WARMUP_SECONDS }, (_, i) => signedSms(benchPhone(i))),
    RATE,
  );
  await sleep(2000);
  const requests = Array.from({ length: Math.round(RATE * SECONDS) }, (_, i) => signedSms(benchPhone(1_000_000 + i)));
  const cpu = startCpuMeter();
  const machine = startMachineCpuMeter();
  const serverCpu = startProcessCpuMeter(pid);
  const shots = await fireOpenLoop([url], requests, RATE);
  await waitUntil(() => shots.every((s) => pops.has(s.from)), POP_WAIT_MS);
  const benchCpu = cpu.read();
  const machineCpu = machine.read();
  const serverCpuSeconds = serverCpu.read();
  const answered = shots.filter(answered2xx);
  return {
    label,
    sent: shots.length,
    answered: answered.length,
    stored: await countStored(answered.map((s) => s.key)),
    popped: shots.filter((s) => pops.has(s.from)).length,
    http: distribution(shots.map(httpLatency).filter((v): v is number => v !== null)),
    pop: distribution(shots.filter((s) => pops.has(s.from)).map((s: Shot) => pops.get(s.from)! - s.scheduledAt)),
    lag: generatorLag(shots),
    benchCpu,
    machineCpu,
    serverCpuPerContact: serverCpuSeconds === null ? null : (serverCpuSeconds * 1000) / shots.length,
  };
}
