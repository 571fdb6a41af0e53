import { aQueue } from '../support/factories';
import { describeTally, emptyTally, staffFloor, workOffer } from './support/agentFloor';
import { freshDatabase, freshRedisPrefix, serverEnv, startServer } from './support/benchEnvironment';
import { envNumber, runBenchmark } from './support/benchLifetime';
import { startCpuMeter } from './support/cpuMeter';
import { distribution, ms, printTable, printVerdict } from './support/figures';
import { answered2xx, failureSummary, fireOpenLoop, generatorLag } from './support/openLoop';
import { benchPhone, signedSms } from './support/signedWebhooks';
import { startStarvationSampler } from './support/starvationSampler';
import { waitUntil } from './support/waitUntil';

/**
 * Drain: 500 signed SMS at 50/s from distinct numbers, posted alternately to two server processes (every role in
 * each, one database and one Redis prefix, as a scaled-out deployment), with 20 agents (SMS capacity 3) signed in
 * half on each. An agent acknowledges a pop at once, accepts 0.5–1.5 s later and resolves 3–6 s after that, so
 * the floor clears about 11 contacts a second and a backlog builds, then drains.
 * The figure: per ticket, the time it waited unoffered while a free slot was there for it (see
 * starvationSampler.ts), sampled every 100 ms until every ticket is resolved. No bare baseline: a perfect router
 * scores 0, and the target is absolute (no ticket over 1 s).
 */
const CONTACTS = envNumber('BENCH_DRAIN_CONTACTS', 500);
const RATE = 50;
const AGENTS = 20;
const DRAIN_LIMIT_MS = 120_000;
const STARVED_LIMIT_MS = 1000;

const between = (low: number, high: number) => low + Math.random() * (high - low);

void runBenchmark('Drain', 210, async () => {
  console.log(`Drain — ${CONTACTS} signed SMS at ${RATE}/s over two processes, ${AGENTS} agents with SMS capacity 3`);
  const db = await freshDatabase('drain');
  const env = serverEnv(db.url, freshRedisPrefix('drain'));
  const servers = await Promise.all([startServer(env), startServer(env)]);
  const urls = servers.map((s) => s.url);
  await aQueue(db.sql, { name: 'Texts', entryForChannels: ['sms'] });
  const tally = emptyTally();
  await staffFloor(db.sql, urls, AGENTS, {
    capacitySms: 3,
    tally,
    onPop: (agent, pop) =>
      void workOffer(agent, pop, { acceptAfterMs: between(500, 1500), resolveAfterMs: between(3000, 6000) }, tally),
  });

  const sampler = startStarvationSampler(db.url);
  const cpu = startCpuMeter();
  const shots = await fireOpenLoop(
    urls,
    Array.from({ length: CONTACTS }, (_, i) => signedSms(benchPhone(i))),
    RATE,
  );
  const answered = shots.filter(answered2xx);
  const drained = await waitUntil(async () => {
    const [row] = await db.sql<
      { open: number }[]
    >`select count(*)::int as open from tickets where status not in ('resolved', 'closed')`;
    return row.open === 0;
  }, DRAIN_LIMIT_MS);
  const starvation = await sampler.stop();
  const benchCpu = cpu.read();

  const [stored] = await db.sql<
    { n: number }[]
  >`select count(*)::int as n from messages where channel = 'sms' and provider_id = any(${answered.map((s) => s.key)})`;
  const [floor] = await db.sql<
    { tickets: number; offered: number; accepted: number; resolved: number; lastOfferS: number; lastResolveS: number }[]
  >`
    select count(*)::int as tickets,
      count(*) filter (where exists (select 1 from offers o where o.ticket_id = t.id))::int as offered,
      count(*) filter (where exists (select 1 from offers o where o.ticket_id = t.id and o.status = 'accepted'))::int as accepted,
      count(*) filter (where t.status = 'resolved')::int as resolved,
      extract(epoch from (select max(o.offered_at) from offers o) - min(t.created_at))::float as last_offer_s,
      extract(epoch from max(t.resolved_at) - min(t.created_at))::float as last_resolve_s
    from tickets t where t.channel = 'sms'`;
  const toFirstOffer = await db.sql<{ ms: number }[]>`
    select extract(epoch from (select min(o.offered_at) from offers o where o.ticket_id = t.id) - t.created_at)::float * 1000 as ms
    from tickets t where t.channel = 'sms' and exists (select 1 from offers o where o.ticket_id = t.id)`;
  const starvedTimes = [...starvation.starvedMs.values()];
  const starvedOver = starvedTimes.filter((t) => t > STARVED_LIMIT_MS).length;
  const worst = Math.max(0, ...starvedTimes);
  const firstOffer = distribution(toFirstOffer.map((r) => r.ms));

  printTable(
    `Drain, ${CONTACTS} SMS at ${RATE}/s, two processes, ${AGENTS} agents × 3 (starved = unoffered while a free slot was there for it)`,
    [
      'sent',
      '2xx',
      'stored',
      'tickets',
      'offered',
      'accepted',
      'resolved',
      'last offer',
      'all resolved',
      'stored→1st offer p50/p99',
      'starved max',
      `starved > ${STARVED_LIMIT_MS / 1000} s`,
    ],
    [
      [
        shots.length,
        answered.length,
        stored.n,
        floor.tickets,
        floor.offered,
        floor.accepted,
        floor.resolved,
        `${floor.lastOfferS?.toFixed(1)} s`,
        drained ? `${floor.lastResolveS?.toFixed(1)} s` : `not in ${DRAIN_LIMIT_MS / 1000} s`,
        `${ms(firstOffer.p50)} / ${ms(firstOffer.p99)}`,
        ms(worst),
        starvedOver,
      ],
    ],
  );
  console.log(
    `sampler: ${starvation.samples} samples, one per ${ms(starvation.meanIntervalMs)} ms; most waiting unoffered at once ${starvation.maxWaiting}, most free slots at once ${starvation.maxFreeSlots}; ` +
      `most over capacity ${starvation.maxOverCapacity}${starvation.failedSamples ? `; ${starvation.failedSamples} samples failed (${starvation.lastError})` : ''}`,
  );
  console.log(
    `${describeTally(tally)}; generator lag ${ms(generatorLag(shots))} ms, this process ${Math.round(benchCpu * 100)} % of a core`,
  );
  if (answered.length < shots.length) console.log(`failed webhooks: ${failureSummary(shots)}`);

  const complete = stored.n === shots.length && drained;
  printVerdict(
    `Drain: no ticket unoffered > ${STARVED_LIMIT_MS / 1000} s while a slot is free, none lost, all drained`,
    `${starvedOver} tickets over, worst ${ms(worst)} ms; ${shots.length - stored.n} lost; ${drained ? 'drained' : 'not drained'}`,
    complete && starvedOver === 0,
  );
  printVerdict(
    'Drain: no agent over capacity',
    `most over ${starvation.maxOverCapacity}`,
    starvation.maxOverCapacity === 0,
  );
});
