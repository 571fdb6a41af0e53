import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aQueue, aUser } from '../support/factories';
import { TestClient } from '../support/httpClient';
import { startDovecot } from '../support/mail/dovecot';
import {
  freshDatabase,
  freshRedisPrefix,
  serverEnv,
  startServer,
  type BenchDatabase,
} from './support/benchEnvironment';
import { envNumber, onCleanup, runBenchmark } from './support/benchLifetime';
import { appendAll, threadedMails } from './support/benchMails';
import { printTable, printVerdict } from './support/figures';
import { waitUntil } from './support/waitUntil';

/**
 * P6: IMAP intake. A backlog of BENCH_P6_THREADS customers' mails (each a first mail and a reply to it, so half the
 * mails must thread into an existing ticket) waits in a real dovecot mailbox; the server (its own process, all
 * roles, as `npm start` runs it) is given the mailbox and reads it. The rate is the mails stored per second, from
 * the first stored to the last (the rows' own times), so start-up and the wait for the sync to pick the mailbox up
 * do not count. Lost: a mail not stored; misthreaded: a reply not on its first mail's ticket.
 * The baseline: a bare process reading the same mails with imapflow and INSERTing their raw bytes.
 */
const THREADS = envNumber('BENCH_P6_THREADS', 1000);
const TARGET_RATE = 100;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

void runBenchmark('P6 email intake', 180, async () => {
  const mails = threadedMails(THREADS);
  console.log(
    `P6 — IMAP intake of ${mails.length} mails (${THREADS} threads of a first mail and a reply), one process`,
  );
  const dovecot = await startDovecot();
  onCleanup('stop dovecot', () => dovecot.stop());
  await appendAll(dovecot, 'bare', mails);
  await appendAll(dovecot, dovecot.user, mails);

  const bareDb = await freshDatabase('p6_bare', { migrated: false });
  await runBareBaseline(bareDb.url, dovecot);
  const bare = await span(bareDb, 'bare_mails', 'true');

  const db = await freshDatabase('p6');
  const server = await startServer(
    serverEnv(db.url, freshRedisPrefix('p6'), { SECRETS_KEY: randomBytes(32).toString('base64') }),
  );
  const queueId = await aQueue(db.sql, { name: 'Email', entryForChannels: ['email'] });
  const admin = await aUser(db.sql, 'admin');
  const api = await new TestClient(server.url).signIn(admin.email, admin.password);
  const created = await api.post('/api/admin/mailboxes', {
    name: 'Support',
    address: 'support@example.com',
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapTls: false,
    imapUser: dovecot.user,
    imapPassword: dovecot.password,
    queueId,
  });
  if (created.status !== 201) throw new Error(`could not add the mailbox: ${created.status} ${created.text}`);
  // The sync picks a new mailbox up within 30 s, then reads the backlog.
  const inbound = `channel = 'email' and direction = 'inbound'`;
  const count = async () => (await db.sql.unsafe(`select count(*)::int as n from messages where ${inbound}`))[0].n;
  await waitUntil(async () => (await count()) >= mails.length, 150_000);
  const measured = await span(db, 'messages', inbound);

  const ids = mails.map((m) => m.messageId);
  const stored = await db.sql<{ providerId: string; ticketId: string }[]>`
    select provider_id, ticket_id from messages where channel = 'email' and provider_id = any(${ids})`;
  const ticketOf = new Map(stored.map((r) => [r.providerId, r.ticketId]));
  const lost = mails.filter((m) => !ticketOf.has(m.messageId)).length;
  const misthreaded = mails.filter(
    (m) => m.repliesTo && ticketOf.has(m.messageId) && ticketOf.get(m.messageId) !== ticketOf.get(m.repliesTo),
  ).length;
  const [{ failed }] = await db.sql<{ failed: number }[]>`select count(*)::int as failed from failed_mails`;

  printTable(
    'P6 IMAP intake of a backlog, one process (rate from the first mail stored to the last)',
    ['', 'mails stored', 'seconds', 'mails/s', 'lost', 'misthreaded', 'failed mails'],
    [
      ['server', measured.count, measured.seconds.toFixed(1), measured.rate.toFixed(0), lost, misthreaded, failed],
      ['bare imapflow + INSERT', bare.count, bare.seconds.toFixed(1), bare.rate.toFixed(0), '—', '—', '—'],
    ],
  );
  console.log(
    `bare baseline ÷ server: ${(bare.rate / measured.rate).toFixed(1)}× (the server's time per mail over the bare one's)`,
  );
  printVerdict(
    `P6 ≥ ${TARGET_RATE} mails/s with threading, 0 lost`,
    `${measured.rate.toFixed(0)} mails/s, ${lost} lost, ${misthreaded} misthreaded`,
    measured.rate >= TARGET_RATE && lost === 0 && misthreaded === 0,
  );
});

/** How many rows, and their rate from the first one's time to the last one's. */
async function span(db: BenchDatabase, table: string, where: string) {
  const [row] = await db.sql.unsafe<{ count: number; seconds: number }[]>(
    `select count(*)::int as count, extract(epoch from max(created_at) - min(created_at))::float8 as seconds from ${table} where ${where}`,
  );
  const seconds = row.seconds ?? 0;
  return { count: row.count, seconds, rate: seconds > 0 ? (row.count - 1) / seconds : 0 };
}

/** Runs bareImapBaseline.ts as its own process against the `bare` account's copy of the mails. */
function runBareBaseline(databaseUrl: string, dovecot: { host: string; port: number; password: string }) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/support/bareImapBaseline.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BARE_DATABASE_URL: databaseUrl,
      BARE_IMAP_HOST: dovecot.host,
      BARE_IMAP_PORT: String(dovecot.port),
      BARE_IMAP_USER: 'bare',
      BARE_IMAP_PASSWORD: dovecot.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onCleanup('stop the bare baseline', () => child.exitCode === null && child.kill('SIGKILL'));
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise<void>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the bare baseline failed:\n${output}`)))),
  );
}
