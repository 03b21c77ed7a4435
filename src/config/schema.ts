import { z } from 'zod';
import { NO_EXTRA_CHANNELS, readChannelsFile, type ChannelsConfig } from './channels-file.js';
import { AppError } from '../domain/errors.js';

/**
 * The one configuration schema. Nothing else in the code base reads `process.env`: `loadConfig`
 * validates it once at start-up and the resulting object travels inside the runtime. Names are a
 * public contract documented in README.md; add new keys here and there together.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (def?: string) => (def === undefined ? z.url() : z.url().default(def));

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: optionalString.pipe(z.url().optional()),
    DATABASE_URL: optionalString.pipe(z.url().optional()),
    DATA_DIR: z.string().default('./data'),
    /** Connections in the Postgres pool (ignored for embedded PGlite). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url('redis://127.0.0.1:6379'),
    /** Prefix for every BullMQ key, so two deployments (or tests) can share one Redis. */
    QUEUE_PREFIX: z.string().min(1).default('quetma'),

    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z a-z 0-9 _ -').optional(),
    ),
    TELEGRAM_API_ROOT: url('https://api.telegram.org'),

    ZALO_OA_APP_ID: optionalString,
    ZALO_OA_SECRET_KEY: optionalString,
    ZALO_APP_SECRET: optionalString,
    ZALO_OA_ACCESS_TOKEN: optionalString,
    ZALO_OA_REFRESH_TOKEN: optionalString,
    ZALO_OA_API_ROOT: url('https://openapi.zalo.me'),
    ZALO_OAUTH_ROOT: url('https://oauth.zaloapp.com'),

    /** Link that opens the OA chat (https://zalo.me/<OA id>), shown on venue code pages. */
    ZALO_OA_CHAT_URL: optionalString.pipe(z.url().optional()),
    /**
     * An approved Zalo template (ZNS/ZBS, customer-care tag) for broadcasts to people outside the
     * OA's 7-day consultation window; unset: they are excluded with that reason. The template must
     * have one text parameter, named by ZALO_OA_TEMPLATE_PARAM, that carries the announcement.
     */
    ZALO_OA_TEMPLATE_ID: optionalString,
    ZALO_OA_TEMPLATE_PARAM: z.string().regex(/^[a-z0-9_]{1,40}$/).default('content'),

    ZALO_BOT_TOKEN: optionalString,
    /** Link that opens the Zalo bot chat, shown on venue code pages. */
    ZALO_BOT_CHAT_URL: optionalString.pipe(z.url().optional()),
    ZALO_BOT_WEBHOOK_SECRET: optionalString.pipe(z.string().min(8).max(256).optional()),
    ZALO_BOT_API_ROOT: url('https://bot-api.zaloplatforms.com'),

    /** Zalo Mini App id (one-tap check-in from the poster, issue 18). Unset: the Mini App channel is off. */
    ZALO_MINI_APP_ID: optionalString.pipe(z.string().regex(/^\d{1,30}$/, 'must be the numeric Mini App id').optional()),
    /** Zalo Graph API base, where Mini App access tokens are verified (tests point it at a local fake). */
    ZALO_GRAPH_ROOT: url('https://graph.zalo.me'),

    /** HMAC key for venue QR tokens. Required in production; development generates and stores one. */
    QR_SIGNING_KEY: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    /** API key officials use for /api/reports/*. Unset: the report API is off. */
    OFFICIALS_API_KEY: optionalString.pipe(z.string().min(16).optional()),
    /** Seconds between sweeps that re-enqueue updates stored while Redis was away. */
    SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(30),
    /** Worker concurrency for inbound processing. */
    INBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
    /** Visits are deleted this many days after check-in (issue 5: default 21). */
    VISIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(21),
    AUTO_CHECKOUT_NOTICE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    /** Personal data of a pre-registration is erased this many days after its last appointment (issue 6). */
    REGISTRATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Bodies of sent messages are cleared this many days after sending (issue 10: a few days). */
    SENT_MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(3),
    /** Residents' questions to the help desk are deleted this many days after the answer (or after being asked, if never answered). */
    QUESTION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Simulator chats (and everything typed in them) expire after this many idle hours. */
    SIMULATOR_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
    /** Tracing (issue 12): minutes after the case left during which a visit still counts as exposed. */
    TRACING_TAIL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
    /** Tracing: a person event gets the shared visits of this many days (never beyond visit retention). */
    TRACING_SHARE_DAYS: z.coerce.number().int().min(1).max(60).default(14),
    /** Tracing: an event that would alert more people than this needs a district admin's approval. */
    TRACING_APPROVAL_THRESHOLD: z.coerce.number().int().min(1).default(2000),
    /** Tracing: events and their alert rows are deleted this many days after the event closed (or opened, if never closed). */
    TRACING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
    /** Broadcasts reaching more people than this (or the whole area) need a district admin's approval. */
    BROADCAST_APPROVAL_THRESHOLD: z.coerce.number().int().min(1).default(5000),
    /** Broadcast and campaign messages per person per day (Vietnam time), across all broadcasts. */
    BROADCAST_DAILY_CAP: z.coerce.number().int().min(1).max(20).default(2),
    /** A broadcast occurrence missed while the service was down is still sent this long after its time. */
    BROADCAST_GRACE_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(720),
    /** How often the broadcast engine plans, starts and feeds runs. */
    BROADCAST_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(500),
    /** Bulk never goes out 21:00-07:00 Vietnam time. `false` only for benchmarks; refused in production. */
    BROADCAST_QUIET_HOURS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    /** Telegram messages per second for the bot (30 by the Bot FAQ; more with paid broadcasts). */
    TELEGRAM_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(25),
    /** Minutes between maintenance runs (automatic check-out, retention). */
    MAINTENANCE_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(5),
    /** The browser simulator at /chat (an open demo page): on by default, switch off in production if unwanted. */
    SIMULATOR_ENABLED: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
    /**
     * Behind a reverse proxy: how many proxy hops to trust for the client address (X-Forwarded-For),
     * which rate limits count by. 0: use the socket address.
     */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * What this process runs: `web` (HTTP intake and pages), `worker` (queues, schedules, sweep;
     * HTTP only for health and metrics) or `all`, so intake and processing scale separately.
     */
    ROLE: z.enum(['all', 'web', 'worker']).default('all'),
    /** On SIGTERM: seconds /readyz answers 503 before intake closes (lets a load balancer stop sending). */
    SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(60).default(2),
    /** On SIGTERM: seconds running jobs get to finish; after that they are released to other workers. */
    SHUTDOWN_DEADLINE_SECONDS: z.coerce.number().min(1).max(600).default(25),
    /** JSON file listing more bots per platform (see README "Several bots"); secrets by env reference. */
    CHANNELS_FILE: optionalString,
    /** Per-client limits on anonymous routes (see README "HTTP edge"); tests of other things switch them off. */
    RATE_LIMITS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    /** Bearer token that protects GET /metrics (Prometheus). Unset: no /metrics route. */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** How long generated media (QR images, posters) stay reachable under /media. */
    MEDIA_TTL_HOURS: z.coerce.number().int().min(1).default(72),
  });

type Env = Readonly<Record<string, string | undefined>>;

/** Rules that tie keys together. Run on the raw strings so they report even when other keys fail. */
/** The process environment: the one place in the code base that reads it. */
export function processEnv(): Env {
  return process.env;
}

function crossKeyProblems(env: Env): { key: string; message: string }[] {
  const has = (k: string) => (env[k] ?? '').trim() !== '';
  const production = env.NODE_ENV === 'production';
  const rules: [boolean, string, string][] = [
    [has('TELEGRAM_BOT_TOKEN') && !has('TELEGRAM_WEBHOOK_SECRET'), 'TELEGRAM_WEBHOOK_SECRET', 'required when TELEGRAM_BOT_TOKEN is set'],
    [has('ZALO_BOT_TOKEN') && !has('ZALO_BOT_WEBHOOK_SECRET'), 'ZALO_BOT_WEBHOOK_SECRET', 'required when ZALO_BOT_TOKEN is set'],
    [has('ZALO_OA_APP_ID') && !has('ZALO_OA_SECRET_KEY'), 'ZALO_OA_SECRET_KEY', 'required when ZALO_OA_APP_ID is set'],
    [has('ZALO_OA_APP_ID') && !has('ZALO_APP_SECRET'), 'ZALO_APP_SECRET', 'required when ZALO_OA_APP_ID is set (token refresh)'],
    [has('ZALO_OA_APP_ID') && !has('ZALO_OA_REFRESH_TOKEN'), 'ZALO_OA_REFRESH_TOKEN', 'required when ZALO_OA_APP_ID is set (the first token pair)'],
    [has('ZALO_MINI_APP_ID') && !has('ZALO_APP_SECRET'), 'ZALO_APP_SECRET', 'required when ZALO_MINI_APP_ID is set (appsecret_proof of Mini App tokens)'],
    [production && !has('QR_SIGNING_KEY'), 'QR_SIGNING_KEY', 'required in production'],
    [production && !has('PUBLIC_URL'), 'PUBLIC_URL', 'required in production'],
    [production && env.BROADCAST_QUIET_HOURS === 'false', 'BROADCAST_QUIET_HOURS', 'cannot be switched off in production'],
  ];
  return rules.filter(([bad]) => bad).map(([, key, message]) => ({ key, message }));
}

export type RawConfig = z.infer<typeof configSchema>;

/** Validated configuration plus values derived from it once. */
export interface Config extends Omit<RawConfig, 'SIMULATOR_ENABLED'> {
  /** The browser simulator: default on, except with NODE_ENV=production (an open page is a sandbox, not a service). */
  readonly SIMULATOR_ENABLED: boolean;
  /** PUBLIC_URL without a trailing slash; defaults to the local listen address. */
  readonly publicUrl: string;
  /** Bots from CHANNELS_FILE, besides the single-bot variables (empty without the file). */
  readonly channels: ChannelsConfig;
}

/** Thrown when configuration is invalid; the message lists every bad key. Retrying cannot help. */
export class ConfigError extends AppError {
  readonly keys: string[];
  constructor(problems: { key: string; message: string }[]) {
    super('invalid_config', `Invalid configuration:\n${problems.map((p) => `  - ${p.key}: ${p.message}`).join('\n')}`, { retryable: false });
    this.name = 'ConfigError';
    this.keys = problems.map((p) => p.key);
  }
}

export function loadConfig(env: Env = processEnv()): Config {
  const parsed = configSchema.safeParse(env);
  const file = env.CHANNELS_FILE?.trim() ? readChannelsFile(env.CHANNELS_FILE.trim(), env) : { channels: NO_EXTRA_CHANNELS, problems: [] };
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ key: i.path.map(String).join('.') || '(root)', message: i.message }))),
    ...crossKeyProblems(env),
    ...file.problems,
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? '127.0.0.1' : c.HOST;
  const publicUrl = (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/+$/, '');
  return { ...c, SIMULATOR_ENABLED: c.SIMULATOR_ENABLED ?? c.NODE_ENV !== 'production', publicUrl, channels: file.channels };
}
