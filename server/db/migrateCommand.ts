// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits.
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { createSql } from './client';
import { startEmbeddedPostgres } from './embeddedPostgres';
import { migrate } from './migrate';
import { requireUtf8Database } from './requireUtf8Database';

try {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.DATA_DIR, log);
  const sql = createSql(config.DATABASE_URL ?? embedded!.url, { max: 2 });
  try {
    await requireUtf8Database(sql);
    const applied = await migrate(sql);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await sql.end();
    await embedded?.stop();
  }
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`}\n`);
  process.exit(1);
}
