import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { Sql } from '../../server/db/client';
import type { WallFiguresPush } from '../../server/http/wallApiTypes';
import { aQueue, aSkill, aTeam } from '../support/factories';
import { startBareBaseline } from './support/bareBaselineProcess';
import { freshDatabase, freshRedisPrefix, serverEnv, startServer } from './support/benchEnvironment';
import { envNumber, onCleanup, runBenchmark, sleep } from './support/benchLifetime';
import { distribution, ms, printTable, printVerdict, ratio, type Distribution } from './support/figures';
import { fireOpenLoop, generatorLag, httpLatency } from './support/openLoop';
import { benchPhone, signedSms } from './support/signedWebhooks';
import { waitUntil } from './support/waitUntil';

/**
 * P3: the supervisors' wall with a floor signed in. 2,000 agent consoles and 10 supervisors hold sockets; SMS
 * contacts arrive (signed webhooks) at RATE/s into a queue the 10 supervisors watch (the agents work other queues). Latency runs from the moment
 * a webhook was due to the first `wall.figures` push on a supervisor's socket whose count of offered contacts
 * includes it, for every supervisor. The server's resident memory is sampled throughout.
 * The baseline: a bare express + socket.io process that INSERTs one row and emits to one of the 10 sockets.
 */
const AGENTS = envNumber('BENCH_AGENTS', 2000);
const SUPERVISORS = 10;
const RATE = envNumber('BENCH_RATE', 20);
const SECONDS = envNumber('BENCH_SECONDS', 10);
const PUSH_WAIT_MS = 10_000;
const RSS_LIMIT_MB = 400;

interface RunFigures {
  label: string;
  sent: number;
  seen: number;
  push: Distribution;
  /** Webhook due → answered: the part of the push latency that is intake, not the wall. */
  http: Distribution;
  /** Webhook answered (the contact committed) → the push: the wall's own part. */
  afterAnswer: Distribution;
  lag: number;
  rssMb: number | null;
}

void runBenchmark('P3 supervisor wall', 150, async () => {
  console.log(
    `P3 — ${AGENTS} agent sockets, ${SUPERVISORS} supervisors; SMS contacts at ${RATE}/s for ${SECONDS} s → wall.figures on every supervisor's socket`,
  );
  const bare = await measureBare();
  const server = await measureServer();
  printTable(
    `P3 (ms; push = webhook due → wall.figures counting it, on each of ${SUPERVISORS} supervisors)`,
    [
      'run',
      'sent',
      'pushes seen',
      'http p99',
      'after 2xx p99',
      'push p50',
      'push p95',
      'push p99',
      'push max',
      'gen lag',
      'server RSS max',
    ],
    [bare, server].map((r) => [
      r.label,
      r.sent,
      r.seen,
      ms(r.http.p99),
      ms(r.afterAnswer.p99),
      ms(r.push.p50),
      ms(r.push.p95),
      ms(r.push.p99),
      ms(r.push.max),
      ms(r.lag),
      r.rssMb === null ? '—' : `${r.rssMb} MB`,
    ]),
  );
  const complete = server.seen === server.sent * SUPERVISORS;
  printVerdict(
    'P3 figures pushed p99 ≤ 250 ms to every supervisor',
    `p99 ${ms(server.push.p99)} ms, ${server.sent * SUPERVISORS - server.seen} pushes missing`,
    complete && server.push.p99 !== null && server.push.p99 <= 250,
  );
  printVerdict(
    `P3 server RSS ≤ ${RSS_LIMIT_MB} MB`,
    `${server.rssMb} MB`,
    server.rssMb !== null && server.rssMb <= RSS_LIMIT_MB,
  );
  console.log(`ratio to bare express + socket.io + INSERT (p99): ${ratio(server.push.p99, bare.push.p99)}`);
});

async function measureBare(): Promise<RunFigures> {
  const db = await freshDatabase('p3_bare', { migrated: false });
  const bare = await startBareBaseline(db.url, { sockets: true });
  const seenAt = new Map<string, number>();
  const sockets = Array.from({ length: SUPERVISORS }, () =>
    io(bare.url, { transports: ['websocket'], reconnection: false }),
  );
  onCleanup('close bare sockets', () => sockets.forEach((s) => s.close()));
  for (const s of sockets) s.on('offer.created', (e: { from: string }) => seenAt.set(e.from, performance.now()));
  if (!(await waitUntil(() => sockets.every((s) => s.connected), 10_000)))
    throw new Error('bare sockets did not connect');
  const requests = Array.from({ length: RATE * SECONDS }, (_, i) => signedSms(benchPhone(2_000_000 + i)));
  const shots = await fireOpenLoop([bare.url], requests, RATE);
  await waitUntil(() => shots.every((s) => seenAt.has(s.from)), PUSH_WAIT_MS);
  sockets.forEach((s) => s.close());
  await bare.stop();
  const latencies = shots.filter((s) => seenAt.has(s.from)).map((s) => seenAt.get(s.from)! - s.scheduledAt);
  const afterAnswer = shots
    .filter((s) => seenAt.has(s.from) && s.answeredAt !== null)
    .map((s) => Math.max(0, seenAt.get(s.from)! - s.answeredAt!));
  return {
    label: 'bare express + socket.io + INSERT',
    sent: shots.length,
    seen: latencies.length * SUPERVISORS,
    push: distribution(latencies),
    http: distribution(shots.map(httpLatency).filter((v): v is number => v !== null)),
    afterAnswer: distribution(afterAnswer),
    lag: generatorLag(shots),
    rssMb: null,
  };
}

/** Users and sessions written directly (signing 2,000 people in over HTTP would measure password hashing). */
async function signedInUsers(sql: Sql, role: 'agent' | 'supervisor', count: number, teamIds: string[]) {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
      email: `bench-${role}-${i + j}-${randomBytes(3).toString('hex')}@example.com`,
      name: `Bench ${role} ${i + j + 1}`,
      role,
      password_hash: 'not-used',
    }));
    const users = await sql<{ id: string }[]>`insert into users ${sql(batch)} returning id`;
    const members = users.map((u, j) => ({ team_id: teamIds[(i + j) % teamIds.length], user_id: u.id }));
    await sql`insert into team_members ${sql(members)}`;
    const sessions = users.map((u) => {
      const token = randomBytes(32).toString('base64url');
      tokens.push(token);
      return {
        id: createHash('sha256').update(token).digest('hex'),
        user_id: u.id,
        expires_at: new Date(Date.now() + 3600_000),
      };
    });
    await sql`insert into sessions ${sql(sessions)}`;
  }
  return tokens;
}

async function connectAll(url: string, tokens: string[]): Promise<Socket[]> {
  const sockets: Socket[] = [];
  onCleanup('close sockets', () => sockets.forEach((s) => s.close()));
  for (let i = 0; i < tokens.length; i += 100) {
    const batch = tokens.slice(i, i + 100).map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const s = io(url, {
            transports: ['websocket'],
            reconnection: false,
            extraHeaders: { cookie: `sb_session=${token}` },
          });
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

function rssSampler(pid: number) {
  let maxKb = 0;
  const read = () => {
    const kb = Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    maxKb = Math.max(maxKb, kb);
  };
  read();
  const timer = setInterval(read, 200);
  return () => {
    clearInterval(timer);
    read();
    return Math.round(maxKb / 1024);
  };
}

async function measureServer(): Promise<RunFigures> {
  const db = await freshDatabase('p3');
  const server = await startServer(serverEnv(db.url, freshRedisPrefix('p3')));
  const wallTeam = await aTeam(db.sql, 'Wall');
  const agentTeams = await Promise.all(Array.from({ length: 10 }, (_, i) => aTeam(db.sql, `Floor ${i + 1}`)));
  // The floor's agents work other queues: the texts queue needs a skill none of them has, so its contacts' own
  // events (ticket.changed to the queue's room) reach nobody, and what is measured is the wall's push.
  const queueId = await aQueue(db.sql, {
    name: 'Texts',
    teamId: wallTeam,
    entryForChannels: ['sms'],
    skills: [await aSkill(db.sql, 'texts-specialist')],
  });
  const started = performance.now();
  const agentSockets = await connectAll(server.url, await signedInUsers(db.sql, 'agent', AGENTS, agentTeams));
  const supervisorSockets = await connectAll(
    server.url,
    await signedInUsers(db.sql, 'supervisor', SUPERVISORS, [wallTeam]),
  );
  console.log(
    `${agentSockets.length} agent and ${supervisorSockets.length} supervisor sockets connected in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const rss = rssSampler(server.child.pid!);

  // For each supervisor: when it first saw the queue's offered count reach n.
  const reached = supervisorSockets.map(() => new Map<number, number>());
  supervisorSockets.forEach((socket, i) =>
    socket.on('wall.figures', (push: WallFiguresPush) => {
      const at = performance.now();
      const offered = push.queues.find((q) => q.queueId === queueId)?.total.today.offered ?? 0;
      for (let n = 1; n <= offered; n++) if (!reached[i].has(n)) reached[i].set(n, at);
    }),
  );
  const requests = Array.from({ length: RATE * SECONDS }, (_, i) => signedSms(benchPhone(3_000_000 + i)));
  const shots = await fireOpenLoop([server.url], requests, RATE);
  await waitUntil(() => reached.every((r) => r.has(shots.length)), PUSH_WAIT_MS);
  await sleep(200);
  const rssMb = rss();
  // The n-th contact sent is counted once n contacts are offered.
  const latencies = reached.flatMap((r) =>
    shots.flatMap((s, n) => (r.has(n + 1) ? [Math.max(0, r.get(n + 1)! - s.scheduledAt)] : [])),
  );
  // The n-th answered webhook is in once n contacts are offered: from its answer to that push.
  const answeredTimes = shots
    .map((s) => s.answeredAt)
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  const afterAnswer = reached.flatMap((r) =>
    answeredTimes.flatMap((t, n) => (r.has(n + 1) ? [Math.max(0, r.get(n + 1)! - t)] : [])),
  );
  agentSockets.forEach((s) => s.close());
  supervisorSockets.forEach((s) => s.close());
  return {
    label: 'switchboard',
    sent: shots.length,
    seen: latencies.length,
    push: distribution(latencies),
    http: distribution(shots.map(httpLatency).filter((v): v is number => v !== null)),
    afterAnswer: distribution(afterAnswer),
    lag: generatorLag(shots),
    rssMb,
  };
}
