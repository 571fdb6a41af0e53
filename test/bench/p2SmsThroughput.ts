import { aQueue } from '../support/factories';
import { startBareBaseline } from './support/bareBaselineProcess';
import { freshDatabase, freshRedisPrefix, serverEnv, startServer } from './support/benchEnvironment';
import { envNumber, envRates, runBenchmark } from './support/benchLifetime';
import { printVerdict } from './support/figures';
import { climbLadder, highestHeld, printLadder, settleJobs } from './support/rateLadder';
import { watchServerQueues } from './support/serverQueues';
import { benchPhone, signedSms } from './support/signedWebhooks';

/**
 * P2: the highest sustained rate of signed inbound SMS one server process answers with p99 ≤ 250 ms and none lost
 * (every 2xx stored). Rate steps of BENCH_SECONDS (8 s) each; before each step the server finishes the jobs the
 * previous one queued. No agent is signed in: every contact is stored, opens a ticket and waits in its queue, and
 * routing finds nobody to offer it to — the intake path at full rate, with routing's work per contact but no
 * offers. Tickets stay waiting from step to step, as on a floor where everyone is away.
 * The baseline: a bare express process that INSERTs one row per webhook.
 */
const STEPS = envRates('BENCH_P2_STEPS', [200, 300, 400, 500, 600, 800]);
const SECONDS = envNumber('BENCH_SECONDS', 8);
const P99_LIMIT = 250;
const TARGET_RATE = 500;

void runBenchmark('P2 SMS throughput', 300, async () => {
  console.log(`P2 — signed inbound SMS, one process, no agent online: steps ${STEPS.join(', ')}/s of ${SECONDS} s`);
  const bareDb = await freshDatabase('p2_bare', { migrated: false });
  const bare = await startBareBaseline(bareDb.url);
  const bareSteps = await climbLadder(bare.url, STEPS, SECONDS, P99_LIMIT, {
    pid: bare.pid,
    request: (i) => signedSms(benchPhone(i)),
    countStored: async (keys) => (await bareDb.sql`select 1 from bare_events where key = any(${keys})`).length,
  });
  await bare.stop();

  const db = await freshDatabase('p2');
  const prefix = freshRedisPrefix('p2');
  const server = await startServer(serverEnv(db.url, prefix));
  await aQueue(db.sql, { name: 'Texts', entryForChannels: ['sms'] });
  const queues = watchServerQueues(prefix);
  const serverSteps = await climbLadder(server.url, STEPS, SECONDS, P99_LIMIT, {
    pid: server.child.pid,
    request: (i) => signedSms(benchPhone(i)),
    countStored: async (keys) =>
      (await db.sql`select 1 from messages where channel = 'sms' and provider_id = any(${keys})`).length,
    settle: () => settleJobs(() => queues.jobsInHand()),
  });

  printLadder(
    `P2 signed inbound SMS, one process (ms from due to answer; "settled": the previous step's jobs finished)`,
    serverSteps,
    bareSteps,
    P99_LIMIT,
  );
  const held = highestHeld(serverSteps, P99_LIMIT);
  printVerdict(
    `P2 ≥ ${TARGET_RATE}/s per process with p99 ≤ ${P99_LIMIT} ms and 0 lost`,
    `highest step held: ${held ?? 'none'}/s (bare baseline: ${highestHeld(bareSteps, P99_LIMIT) ?? 'none'}/s)`,
    (held ?? 0) >= TARGET_RATE,
  );
});
