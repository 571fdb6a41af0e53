import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSignInLimiter } from './auth/signInLimiter';
import type { Config } from './config';
import type { AppContext } from './context';
import { createSql } from './db/client';
import { startEmbeddedPostgres } from './db/embeddedPostgres';
import { migrate } from './db/migrate';
import { createEmailSender } from './email/emailSender';
import { createHttpApp } from './http/app';
import type { Logger } from './logger';
import { closeQueues, createQueues } from './queues/queues';
import { startWorkers } from './queues/workers';
import { createPublisher } from './realtime/publisher';
import { rooms } from './realtime/rooms';
import { attachRealtime } from './realtime/socketServer';
import { createRedis } from './redis/connection';
import { locateRedis } from './redis/redisLocator';
import { demoSignInsText, seedDemo } from './seed/seedDemo';
import { createSmsTransport } from './sms/smsTransport';
import { createVoiceTransport } from './voice/voiceTransport';
import { maybeAutoAcknowledge } from './email/autoAcknowledge';
import { startMailboxSyncs } from './email/mailboxSync';

export interface RunningSwitchboard {
  ctx: AppContext;
  /** The address the HTTP server listens on, when this process runs web or realtime. */
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Starts the roles named in SERVICES on one database and one Redis:
 * web (HTTP API and console), realtime (Socket.IO), worker (BullMQ jobs).
 */
export async function startSwitchboard(config: Config, log: Logger): Promise<RunningSwitchboard> {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.DATA_DIR, log);
    if (embedded) cleanups.push(embedded.stop);
    const sql = createSql(config.DATABASE_URL ?? embedded!.url);
    cleanups.push(() => sql.end({ timeout: 5 }));
    const applied = await migrate(sql);
    if (applied.length) log.info({ applied }, 'migrations applied');

    const redisLocation = await locateRedis({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR, log });
    if (redisLocation.stop) cleanups.push(redisLocation.stop);
    const redis = createRedis(redisLocation.url, 'main', log);
    cleanups.push(() => void redis.disconnect());
    const queues = createQueues(redis, config.REDIS_PREFIX, log);
    cleanups.push(() => closeQueues(queues));
    const publisher = createPublisher(redis, config.REDIS_PREFIX, log);
    let selfUrl: string | null = null;
    const sms = await createSmsTransport({ config, sql, publisher, selfUrl: () => selfUrl });
    if (sms.simulator) cleanups.push(() => sms.simulator?.close());
    const voice = await createVoiceTransport({ config, sql, publisher, selfUrl: () => selfUrl });
    if (voice.simulator) cleanups.push(() => voice.simulator?.close());
    const ctx: AppContext = {
      config,
      sql,
      redis,
      log,
      publisher,
      queues,
      signInLimiter: createSignInLimiter(redis, config.REDIS_PREFIX, config.SIGN_IN_MAX_ATTEMPTS, config.SIGN_IN_WINDOW_SECONDS),
      channelSenders: {
        sms: sms.sender,
        email: createEmailSender({ sql, dataDir: config.DATA_DIR, onSimulatedMail: (email) => publisher.emit([rooms.simulator], 'simulator.changed', { email }) }),
      },
      sms,
      voice,
      get selfUrl() {
        return selfUrl;
      },
    };

    const seeded = config.SEED_DEMO && config.services.has('web') ? await seedDemo(sql) : false;
    if (seeded) log.info('demo data seeded');

    const workers = config.services.has('worker') ? await startWorkers(ctx, redisLocation.url) : null;
    // Workers stop before the connections they use.
    if (workers) cleanups.push(() => workers.close());
    const mailboxes = config.services.has('worker') ? startMailboxSyncs(ctx, maybeAutoAcknowledge) : null;
    if (mailboxes) cleanups.push(() => mailboxes.close());

    let url: string | null = null;
    if (config.services.has('web') || config.services.has('realtime')) {
      const server = await startHttp(ctx, redisLocation.url);
      cleanups.push(server.stop);
      url = selfUrl = server.url;
      // PORT=0 picks any free port: a PUBLIC_URL derived from PORT follows the one actually bound.
      if (!config.publicUrlGiven && config.PORT === 0) config.PUBLIC_URL = config.HOST === '0.0.0.0' ? url.replace('0.0.0.0', 'localhost') : url;
      if (config.services.has('web') && config.SEED_DEMO) process.stdout.write(demoSignInsText(config.PUBLIC_URL));
    }
    log.info({ services: [...config.services], url }, 'switchboard started');
    return { ctx, url, stop: () => runCleanups(cleanups, log) };
  } catch (err) {
    await runCleanups(cleanups, log);
    throw err;
  }
}

async function startHttp(ctx: AppContext, redisUrl: string) {
  const { config, log } = ctx;
  const app = createHttpApp(ctx, { api: config.services.has('web') });
  const server = http.createServer(app);
  let inFlight = 0;
  let shuttingDown = false;
  let drained: () => void = () => {};
  server.on('request', (_req, res) => {
    inFlight++;
    // During shutdown, answer and close the connection instead of keeping it alive.
    if (shuttingDown) res.setHeader('Connection', 'close');
    res.on('close', () => {
      if (--inFlight === 0) drained();
    });
  });

  const adapterClients = config.services.has('realtime')
    ? { pub: createRedis(redisUrl, 'socket.io-pub', log), sub: createRedis(redisUrl, 'socket.io-sub', log) }
    : null;
  const realtime = adapterClients ? attachRealtime(server, ctx, adapterClients) : null;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  log.info({ url }, 'listening');

  return {
    url,
    /** Stop accepting, let in-flight requests finish (bounded), then close sockets and the server. */
    async stop() {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref()),
        ]);
      }
      if (realtime) await realtime.close();
      server.closeAllConnections();
      await closed;
      adapterClients?.pub.disconnect();
      adapterClients?.sub.disconnect();
    },
  };
}

async function runCleanups(cleanups: (() => Promise<void> | void)[], log: Logger) {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (err) {
      log.warn({ err }, 'cleanup step failed');
    }
  }
}
