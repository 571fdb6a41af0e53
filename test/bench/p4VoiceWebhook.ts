import { aQueue } from '../support/factories';
import { startBareBaseline } from './support/bareBaselineProcess';
import { freshDatabase, freshRedisPrefix, serverEnv, startServer } from './support/benchEnvironment';
import { envNumber, envRates, runBenchmark } from './support/benchLifetime';
import { ms, printVerdict } from './support/figures';
import { climbLadder, lost, printLadder, settleJobs } from './support/rateLadder';
import { watchServerQueues } from './support/serverQueues';
import { benchPhone, signedIncomingCall } from './support/signedWebhooks';

/**
 * P4: signed `POST /webhooks/twilio/voice` for new calls (each its own CallSid and caller), answered with the IVR's
 * menu. Steps of BENCH_SECONDS (10 s) at 100/s (the figure the issue started from) and 200/s (the target).
 * The baseline: a bare express process that INSERTs one row and answers empty TwiML.
 */
const STEPS = envRates('BENCH_P4_STEPS', [100, 200]);
const SECONDS = envNumber('BENCH_SECONDS', 10);
const TARGET_RATE = 200;
const P99_LIMIT = 20;

void runBenchmark('P4 voice webhook', 120, async () => {
  console.log(`P4 — signed POST /webhooks/twilio/voice, new calls: steps ${STEPS.join(', ')}/s of ${SECONDS} s`);
  const bareDb = await freshDatabase('p4_bare', { migrated: false });
  const bare = await startBareBaseline(bareDb.url);
  // Every step runs here: the ladder stops at a miss, and P4 wants the figure at each rate.
  const bareSteps = await climbLadder(bare.url, STEPS, SECONDS, Number.POSITIVE_INFINITY, {
    pid: bare.pid,
    request: (i) => signedIncomingCall(benchPhone(i)),
    countStored: async (keys) => (await bareDb.sql`select 1 from bare_events where key = any(${keys})`).length,
  });
  await bare.stop();

  const db = await freshDatabase('p4');
  const prefix = freshRedisPrefix('p4');
  const server = await startServer(serverEnv(db.url, prefix));
  await aQueue(db.sql, { name: 'Phone', entryForChannels: ['voice'] });
  const queues = watchServerQueues(prefix);
  const serverSteps = await climbLadder(server.url, STEPS, SECONDS, Number.POSITIVE_INFINITY, {
    pid: server.child.pid,
    request: (i) => signedIncomingCall(benchPhone(i)),
    countStored: async (keys) => (await db.sql`select 1 from calls where call_sid = any(${keys})`).length,
    settle: () => settleJobs(() => queues.jobsInHand()),
  });

  printLadder(
    'P4 signed incoming-call webhook, one process (ms from due to answer)',
    serverSteps,
    bareSteps,
    P99_LIMIT,
  );
  const atTarget = serverSteps.find((s) => s.rate === TARGET_RATE);
  printVerdict(
    `P4 p99 ≤ ${P99_LIMIT} ms at ${TARGET_RATE} new calls/s, 0 lost`,
    atTarget ? `p99 ${ms(atTarget.latency.p99)} ms, ${lost(atTarget)} lost` : 'not run',
    !!atTarget && lost(atTarget) === 0 && atTarget.latency.p99 !== null && atTarget.latency.p99 <= P99_LIMIT,
  );
});
