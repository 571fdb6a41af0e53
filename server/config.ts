import path from 'node:path';
import { z } from 'zod';
import { parseSecretsKey } from './secrets/secretBox';

export const SERVICE_ROLES = ['web', 'realtime', 'worker'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

const boolean = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // A worker-only process has no API to serve, only its health and metrics: on this port (default: PORT).
    HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters (it guards /metrics)').optional(),
    PUBLIC_URL: optionalUrl(['http', 'https']),
    DATA_DIR: z.string().trim().min(1).default('data'),
    // Seals mailbox passwords in the database. Unset outside production: a key made once under DATA_DIR.
    SECRETS_KEY: z
      .string()
      .optional()
      .refine((v) => v === undefined || parseSecretsKey(v) !== null, {
        message: 'must be 32 bytes, base64 or hex: generate one with `openssl rand -base64 32`',
      }),
    DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
    REDIS_URL: optionalUrl(['redis', 'rediss']),
    REDIS_PREFIX: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')
      .default('sb'),
    SERVICES: z
      .string()
      .default(SERVICE_ROLES.join(','))
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z.enum(SERVICE_ROLES, {
              error: (issue) => `unknown role "${String(issue.input)}"; use web, realtime, worker`,
            }),
          )
          .min(1, 'name at least one of web, realtime, worker'),
      ),
    SEED_DEMO: boolean(true),
    // The first admin of a deployment without the demo: created at start-up when no admin exists yet.
    INITIAL_ADMIN_EMAIL: z.string().trim().toLowerCase().email('must be an email address').optional(),
    INITIAL_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(1024).optional(),
    TRUST_PROXY: boolean(false),
    // Strict-Transport-Security: `auto` sends it on requests that arrived over HTTPS (TLS here, or X-Forwarded-Proto
    // from a trusted proxy); `on` on every response (TLS ends at a proxy that does not say so); `off` never.
    HSTS: z.enum(['auto', 'on', 'off']).default('auto'),
    // The largest file an agent may upload for a reply; the mailbox's own limit is checked when the reply is sent.
    UPLOAD_MAX_BYTES: positiveInt(50 * 1024 * 1024),
    // Where files (attachments, uploads, recording copies) live, reachable from every process: PostgreSQL or S3.
    FILE_STORE: z.enum(['postgres', 's3']).default('postgres'),
    S3_BUCKET: z.string().trim().min(1).optional(),
    // Another S3-compatible service (MinIO, Ceph, R2…); unset: AWS S3 in S3_REGION.
    S3_ENDPOINT: optionalUrl(['http', 'https']),
    S3_REGION: z.string().trim().min(1).default('us-east-1'),
    // Unset: the AWS SDK's own chain (environment, shared config, an instance or task role).
    S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: boolean(false),
    SESSION_TTL_HOURS: positiveInt(12),
    SIGN_IN_MAX_ATTEMPTS: positiveInt(5),
    SIGN_IN_WINDOW_SECONDS: positiveInt(900),
    PRESENCE_GRACE_SECONDS: z.coerce.number().min(0).default(30),
    SHUTDOWN_TIMEOUT_SECONDS: positiveInt(25),
    ROUTING_OFFER_TIMEOUT_SECONDS: positiveInt(20),
    ROUTING_POP_ACK_SECONDS: positiveInt(10),
    ROUTING_STICKY_HOURS: z.coerce.number().min(0).default(24),
    ROUTING_TICK_SECONDS: positiveInt(2),
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be an Account SID: AC followed by 32 hex digits')
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(16, 'must be the account’s auth token').optional(),
    TWILIO_SMS_FROM: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be the company’s SMS number in E.164, like +14155550100')
      .optional(),
    TWILIO_VOICE_NUMBER: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be the company’s voice number in E.164, like +14155550100')
      .optional(),
    TWILIO_API_KEY_SID: z
      .string()
      .regex(/^SK[0-9a-fA-F]{32}$/, 'must be an API key SID: SK followed by 32 hex digits')
      .optional(),
    TWILIO_API_KEY_SECRET: z.string().min(16, 'must be the API key’s secret').optional(),
    // Only for a stand-in of Twilio's REST API (tests); unset, the client talks to Twilio itself.
    TWILIO_API_BASE_URL: optionalUrl(['http', 'https']),
    AFTER_CALL_WORK_SECONDS: z.coerce.number().int().min(0).default(120),
    CALLBACK_RETRY_DELAY_SECONDS: positiveInt(300),
    CALLBACK_MAX_ATTEMPTS: positiveInt(3),
    OUTBOUND_STALE_SECONDS: positiveInt(120),
    OUTBOUND_CONFIRM_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
    SIMULATOR_TIME_SCALE: z.coerce.number().positive().max(1).default(1),
    DEFAULT_PHONE_REGION: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code, like US or GB')
      .optional(),
  })
  .refine(
    (c) =>
      [c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, c.TWILIO_SMS_FROM].every((v) => v === undefined) ||
      [c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, c.TWILIO_SMS_FROM].every((v) => v !== undefined),
    {
      message:
        'set all three of TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_SMS_FROM, or none (none runs the built-in simulator)',
      path: ['TWILIO_ACCOUNT_SID'],
    },
  )
  .refine((c) => (c.INITIAL_ADMIN_EMAIL === undefined) === (c.INITIAL_ADMIN_PASSWORD === undefined), {
    message: 'set both INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD, or neither',
    path: ['INITIAL_ADMIN_EMAIL'],
  })
  .refine((c) => c.FILE_STORE !== 's3' || c.S3_BUCKET !== undefined, {
    message: 'is required with FILE_STORE=s3: the bucket files are kept in',
    path: ['S3_BUCKET'],
  })
  .refine((c) => (c.S3_ACCESS_KEY_ID === undefined) === (c.S3_SECRET_ACCESS_KEY === undefined), {
    message:
      'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS SDK then finds credentials itself)',
    path: ['S3_ACCESS_KEY_ID'],
  })
  .refine((c) => (c.TWILIO_API_KEY_SID === undefined) === (c.TWILIO_API_KEY_SECRET === undefined), {
    message: 'set both TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET (browser calling), or neither',
    path: ['TWILIO_API_KEY_SID'],
  });

export type Config = Omit<z.infer<typeof configSchema>, 'PUBLIC_URL' | 'DATA_DIR'> & {
  PUBLIC_URL: string;
  /** False when PUBLIC_URL was derived from PORT; with PORT=0 it then follows the port actually bound. */
  publicUrlGiven: boolean;
  DATA_DIR: string;
  services: Set<ServiceRole>;
};

export class ConfigError extends Error {}

/** The one parse of the environment. A wrong value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value (`PORT=` in an env file) means unset, as it does for most tools.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  const c = parsed.data;
  return {
    ...c,
    PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    publicUrlGiven: c.PUBLIC_URL !== undefined,
    DATA_DIR: path.resolve(c.DATA_DIR),
    services: new Set(c.SERVICES),
  };
}
