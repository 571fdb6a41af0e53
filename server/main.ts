import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startSwitchboard } from './startSwitchboard';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  let running;
  try {
    running = await startSwitchboard(config, log);
  } catch (err) {
    log.fatal({ err }, 'could not start');
    process.stderr.write(`Switchboard could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Draining is bounded by SHUTDOWN_TIMEOUT_SECONDS; closing jobs and connections after it gets a little more.
    setTimeout(
      () => {
        log.error('shutdown did not finish in time; exiting');
        process.exit(1);
      },
      (config.SHUTDOWN_TIMEOUT_SECONDS + 15) * 1000,
    ).unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
