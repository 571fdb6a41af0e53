import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { createSignInLimiter } from './auth/signInLimiter';
import type { Config } from './config';
import type { AppContext } from './context';
import { createSql } from './db/client';
import { startEmbeddedPostgres } from './db/embeddedPostgres';
import { migrate } from './db/migrate';
import { requireUtf8Database } from './db/requireUtf8Database';
import { createEmailSender } from './email/emailSender';
import { createFileStore } from './files/createFileStore';
import { startFileHousekeeping } from './files/fileHousekeeping';
import { createHttpApp } from './http/app';
import { createDrainingServer } from './http/drainingServer';
import { appMessageClasses } from './http/appMessageClasses';
import { markShuttingDown } from './http/routes/healthRoutes';
import { createStateMetrics, observeSockets } from './observability/stateMetrics';
import type { Logger } from './logger';
import { closeQueues, createQueues } from './queues/queues';
import { startWorkers } from './queues/workers';
import { createPublisher } from './realtime/publisher';
import { rooms } from './realtime/rooms';
import { attachRealtime } from './realtime/socketServer';
import { createRedis } from './redis/connection';
import { locateRedis } from './redis/redisLocator';
import { demoSignInsText, seedDemo } from './seed/seedDemo';
import { ensureInitialAdmin } from './users/initialAdmin';
import { createSmsTransport } from './sms/smsTransport';
import { createVoiceTransport } from './voice/voiceTransport';
import { maybeAutoAcknowledge } from './email/autoAcknowledge';
import { startMailboxSyncs } from './email/mailboxSync';
import { prepareMailboxPasswords } from './email/mailboxPasswordsAtRest';
import { startSearchIndexing } from './search/searchIndexer';
import { createSecretBox } from './secrets/secretBox';
import { resolveSecretsKey } from './secrets/secretsKey';
import { startWallPush } from './wall/wallPush';

export interface RunningSwitchboard {
  ctx: AppContext;
  /** The address the HTTP server listens on: the API, console and sockets (web, realtime), or health and metrics (worker only). */
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
    await requireUtf8Database(sql);
    const applied = await migrate(sql);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const files = createFileStore(config, sql);
    cleanups.push(() => files.close());
    const secretsKey = resolveSecretsKey(config);
    const secrets = createSecretBox(secretsKey?.key ?? null);
    await prepareMailboxPasswords(sql, secrets, secretsKey?.source ?? null, log);

    const redisLocation = await locateRedis({ redisUrl: config.REDIS_URL, dataDir: config.DATA_DIR, log });
    if (redisLocation.stop) cleanups.push(redisLocation.stop);
    const redis = createRedis(redisLocation.url, 'main', log);
    cleanups.push(() => void redis.disconnect());
    const queues = createQueues(redis, config.REDIS_PREFIX, log);
    cleanups.push(() => closeQueues(queues));
    const publisher = createPublisher(redis, config.REDIS_PREFIX, log);
    // Ticket changes gathered for a batch go out before Redis closes (cleanups run last-in first-out).
    cleanups.push(() => publisher.flush());
    let selfUrl: string | null = null;
    const sms = await createSmsTransport({ config, sql, publisher, selfUrl: () => selfUrl });
    if (sms.simulator) cleanups.push(() => sms.simulator?.close());
    const voice = await createVoiceTransport({ config, sql, publisher, selfUrl: () => selfUrl });
    if (voice.simulator) cleanups.push(() => voice.simulator?.close());
    const ctx: AppContext = {
      config,
      sql,
      files,
      redis,
      log,
      publisher,
      queues,
      secrets,
      signInLimiter: createSignInLimiter(
        redis,
        config.REDIS_PREFIX,
        config.SIGN_IN_MAX_ATTEMPTS,
        config.SIGN_IN_WINDOW_SECONDS,
      ),
      channelSenders: {
        sms: sms.sender,
        email: createEmailSender({
          sql,
          files,
          dataDir: config.DATA_DIR,
          secrets,
          onSimulatedMail: (email) => publisher.emit([rooms.simulator], 'simulator.changed', { email }),
        }),
      },
      sms,
      voice,
      get selfUrl() {
        return selfUrl;
      },
    };

    const seeded = config.SEED_DEMO && config.services.has('web') ? await seedDemo(sql) : false;
    if (seeded) log.info('demo data seeded');
    if (config.INITIAL_ADMIN_EMAIL && config.INITIAL_ADMIN_PASSWORD && config.services.has('web')) {
      const created = await ensureInitialAdmin(sql, {
        email: config.INITIAL_ADMIN_EMAIL,
        password: config.INITIAL_ADMIN_PASSWORD,
      });
      if (created) log.info({ email: config.INITIAL_ADMIN_EMAIL }, 'initial admin created');
    }

    const housekeeping = startFileHousekeeping(ctx);
    cleanups.push(() => housekeeping.stop());

    // Indexes for search the rows written before search existed, or by paths that do not index what they write.
    const searchIndexing = config.services.has('worker') ? startSearchIndexing(ctx) : null;
    if (searchIndexing) cleanups.push(() => searchIndexing.stop());

    const workers = config.services.has('worker') ? await startWorkers(ctx, redisLocation.url) : null;
    // Workers stop before the connections they use.
    if (workers) cleanups.push(() => workers.close());
    const mailboxes = config.services.has('worker') ? startMailboxSyncs(ctx, maybeAutoAcknowledge) : null;
    if (mailboxes) cleanups.push(() => mailboxes.close());

    const metrics = createStateMetrics(ctx);
    let url: string | null = null;
    if (config.services.has('web') || config.services.has('realtime')) {
      const server = await startHttp(ctx, {
        port: config.PORT,
        api: config.services.has('web'),
        realtimeRedisUrl: config.services.has('realtime') ? redisLocation.url : null,
        metrics,
      });
      cleanups.push(server.stop);
      url = selfUrl = server.url;
      // The supervisors' wall: figures pushed as the facts behind them commit (server/wall/wallPush.ts). Started
      // after the server, so it stops before the sockets it pushes to.
      if (config.services.has('realtime')) {
        const wallPush = await startWallPush(ctx, server.watchedBySupervisors);
        cleanups.push(() => wallPush.stop());
      }
      // PORT=0 picks any free port: a PUBLIC_URL derived from PORT follows the one actually bound.
      if (!config.publicUrlGiven && config.PORT === 0)
        config.PUBLIC_URL = config.HOST === '0.0.0.0' ? url.replace('0.0.0.0', 'localhost') : url;
      if (config.services.has('web') && config.SEED_DEMO) process.stdout.write(demoSignInsText(config.PUBLIC_URL));
    } else {
      // A worker-only process still answers probes and scrapes: /healthz, /readyz and /metrics, nothing else.
      const server = await startHttp(ctx, {
        port: config.HEALTH_PORT ?? config.PORT,
        api: false,
        realtimeRedisUrl: null,
        metrics,
      });
      cleanups.push(server.stop);
      url = server.url;
    }
    log.info({ services: [...config.services], url }, 'switchboard started');
    return { ctx, url, stop: () => runCleanups(cleanups, log) };
  } catch (err) {
    await runCleanups(cleanups, log);
    throw err;
  }
}

interface HttpOptions {
  port: number;
  /** The API, webhooks and console (web role); without it only health and metrics answer. */
  api: boolean;
  /** Socket.IO on this server (realtime role), with its Redis adapter at this URL. */
  realtimeRedisUrl: string | null;
  metrics: Registry;
}

async function startHttp(ctx: AppContext, { port, api, realtimeRedisUrl, metrics }: HttpOptions) {
  const { config, log } = ctx;
  const app = createHttpApp(ctx, { api, metrics });
  const { server, drain } = createDrainingServer(app, appMessageClasses(app));

  const adapterClients = realtimeRedisUrl
    ? {
        pub: createRedis(realtimeRedisUrl, 'socket.io-pub', log),
        sub: createRedis(realtimeRedisUrl, 'socket.io-sub', log),
      }
    : null;
  const realtime = adapterClients ? attachRealtime(server, ctx, adapterClients) : null;
  if (realtime) observeSockets(metrics, () => realtime.io.of('/').sockets.size);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.HOST, () => resolve());
  });
  const boundPort = (server.address() as AddressInfo).port;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${boundPort}`;
  log.info({ url }, 'listening');

  return {
    url,
    /** Whether a supervisor's or admin's console is connected to this process (it then pushes the wall's figures). */
    watchedBySupervisors: () => (realtime?.io.of('/').adapter.rooms.get(rooms.anySupervisor)?.size ?? 0) > 0,
    /**
     * /readyz turns 503 at once; the server stops accepting but answers every request that reaches it, until
     * they are done (at most SHUTDOWN_TIMEOUT_SECONDS). Then sockets close (consoles reconnect by themselves).
     */
    async stop() {
      markShuttingDown(app);
      await drain(Date.now() + config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
      server.closeAllConnections();
      if (realtime) await realtime.close();
      else await new Promise<void>((resolve) => server.close(() => resolve()));
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
