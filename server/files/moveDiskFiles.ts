// Older versions kept attachments and uploads under DATA_DIR/attachments/<sha256> on whichever machine wrote them,
// with rows naming them `attachments/<sha256>`. At start-up each process moves the ones its DATA_DIR holds into the
// file store: the file is stored (and checked against its name) first, then the rows naming it are rewritten to
// `files:<sha256>`, then the local copy is deleted. Every step can be repeated, so a move cut short (a crash, a
// shutdown) simply goes on at the next start, and several processes sharing a DATA_DIR may run it at once.

import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sql } from '../db/client';
import type { Logger } from '../logger';
import { parseFileLocation, storeLocation } from './fileLocation';
import type { FileKey, FileStore } from './fileStore';

export interface MoveReport {
  /** Files now in the store with every row naming them rewritten. */
  moved: number;
  /** Rows naming a file that neither this DATA_DIR nor the store holds (another machine's, or lost). */
  missing: number;
  /** Files that could not be moved this time (unreadable, the store failing, bytes not matching their name). */
  failed: number;
}

interface Deps {
  sql: Sql;
  files: FileStore;
  dataDir: string;
  log: Logger;
  /** Stops the move between two files (the process is shutting down). */
  signal?: AbortSignal;
}

const BATCH = 100;
const MISSING_SAMPLE = 10;

export async function moveDiskFiles({ sql, files, dataDir, log, signal }: Deps): Promise<MoveReport> {
  const report: MoveReport = { moved: 0, missing: 0, failed: 0 };
  // A machine that never kept files has nothing to move (and cannot tell another machine's files from lost ones).
  if (!(await isFolder(path.join(dataDir, 'attachments')))) return report;
  const missing: string[] = [];
  let after = '';
  for (;;) {
    // In location order, past the last one seen: rows left as they were (missing, failed) are not read again.
    const batch = await sql<{ location: string }[]>`
      select location from message_attachments where location like 'attachments/%' and location > ${after}
      union
      select location from uploads where location like 'attachments/%' and location > ${after}
      order by location limit ${BATCH}`;
    for (const { location } of batch) {
      if (signal?.aborted) return report;
      after = location;
      const parsed = parseFileLocation(location);
      if (parsed?.kind !== 'disk') continue;
      const outcome = await moveOne({ sql, files, dataDir, log }, parsed.key, location);
      report[outcome]++;
      if (outcome === 'missing' && missing.length < MISSING_SAMPLE) missing.push(location);
    }
    if (batch.length < BATCH) break;
  }
  if (report.moved || report.missing || report.failed)
    log[report.missing || report.failed ? 'warn' : 'info'](
      { ...report, missingSample: missing, dataDir },
      'files under DATA_DIR/attachments moved into the file store',
    );
  return report;
}

async function moveOne(
  { sql, files, dataDir, log }: Omit<Deps, 'signal'>,
  key: FileKey,
  location: string,
): Promise<keyof MoveReport> {
  const file = path.join(dataDir, location);
  try {
    if (await isFile(file)) {
      const stored = await files.put(createReadStream(file));
      if (stored.key !== key) {
        log.error(
          { location, sha256: stored.key },
          'a file under DATA_DIR does not hold the bytes its name says: left where it is',
        );
        return 'failed';
      }
    } else if (!(await files.exists(key))) {
      return 'missing';
    }
    // The bytes are in the store (put here, or the same bytes stored before): only the rows are left to rewrite.
    await rewriteRows(sql, location, key);
    await fs.rm(file, { force: true });
    return 'moved';
  } catch (err) {
    // Another process on this DATA_DIR may have moved it while we read it.
    if (!(await isFile(file)) && (await files.exists(key).catch(() => false))) {
      await rewriteRows(sql, location, key);
      return 'moved';
    }
    log.warn(
      { err, location },
      'a file under DATA_DIR could not be moved into the file store; it is tried again at the next start',
    );
    return 'failed';
  }
}

async function rewriteRows(sql: Sql, location: string, key: FileKey) {
  const to = storeLocation(key);
  // `like` repeats the indexes' predicate, so the rows are found through them.
  await sql.begin(async (tx) => {
    await tx`update message_attachments set location = ${to} where location = ${location} and location like 'attachments/%'`;
    await tx`update uploads set location = ${to} where location = ${location} and location like 'attachments/%'`;
  });
}

const isFolder = (p: string) =>
  fs.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
const isFile = (p: string) =>
  fs.stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
