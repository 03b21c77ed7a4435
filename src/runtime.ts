import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { TelegramAdapter } from '../bots/telegram/adapter.js';
import { WebSimulatorAdapter } from '../bots/web/adapter.js';
import { ZaloBotAdapter } from '../bots/zalo-bot/adapter.js';
import { ZaloOaAdapter } from '../bots/zalo-oa/adapter.js';
import { ZaloTokens } from '../bots/zalo-oa/tokens.js';
import { ZaloTokenRepo } from './db/repos/zalo-token-repo.js';
import { RegistrationRepo } from './db/repos/registration-repo.js';
import { ReminderQueue } from './queue/reminder-queue.js';
import type { ReminderPorts } from './registration/reminders.js';
import type { ChannelAdapter } from './channels/contract.js';
import { randomBytes } from 'node:crypto';
import type { Config } from './config/schema.js';
import { SettingsRepo } from './db/repos/settings-repo.js';
import { ConversationCore } from './conversation/core.js';
import { defaultFeatures, type FeatureFactory } from './features.js';
import { openDatabase, withTimeout, type Database, type Db } from './db/client.js';
import { ContactsRepo } from './db/repos/contacts-repo.js';
import { InboundRepo } from './db/repos/inbound-repo.js';
import { MediaStore } from './db/repos/media-repo.js';
import { OutboundRepo } from './db/repos/outbound-repo.js';
import { systemClock, type Clock } from './domain/clock.js';
import { createLogger } from './log.js';
import { AdapterRegistry } from './pipeline/adapters.js';
import type { InboundDeps } from './pipeline/inbound-processor.js';
import type { IngestDeps } from './pipeline/ingest.js';
import type { OutboundDeps } from './pipeline/outbound-processor.js';
import type { SweepDeps } from './pipeline/sweep.js';
import { RedisChatPacer } from './queue/chat-pacer.js';
import { Queues } from './queue/queues.js';
import { producerConnection } from './queue/redis.js';
import { createFaqService, type FaqService } from './faq/service.js';
import { PhotoTurns } from './pipeline/photo-turns.js';
import { createPhotoDecoder } from './qr-photo/decoder-pool.js';
import { createVenueOps, type VenueOps } from './venue-ops/index.js';

/**
 * Everything the service needs, built once at start-up and passed down (no globals). Tests build
 * one against a fresh database and queue prefix; `close` releases every connection.
 */
export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly database: Database;
  readonly db: Db;
  readonly redis: Redis;
  readonly queues: Queues;
  readonly media: MediaStore;
  readonly repos: { readonly inbound: InboundRepo; readonly outbound: OutboundRepo; readonly contacts: ContactsRepo };
  readonly adapters: AdapterRegistry;
  readonly simulator: WebSimulatorAdapter | undefined;
  readonly telegram: TelegramAdapter | undefined;
  readonly zaloBot: ZaloBotAdapter | undefined;
  /** The Zalo OA token pair manager (refreshed ahead of expiry by the maintenance job). */
  readonly zaloTokens: ZaloTokens | undefined;
  readonly core: ConversationCore;
  readonly venues: VenueOps;
  /** Vaccination pre-registrations and their appointment reminders. */
  readonly registrations: { readonly repo: RegistrationRepo; readonly reminders: ReminderQueue; readonly ports: ReminderPorts };
  readonly faq: FaqService;
  /** Reads QR codes from photos in a worker-thread pool, off the event loop. */
  readonly photos: { decode(bytes: Uint8Array): Promise<string[]>; close(): Promise<void> };
  readonly deps: { readonly ingest: IngestDeps; readonly inbound: InboundDeps; readonly outbound: OutboundDeps; readonly sweep: SweepDeps };
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly log?: Logger;
  readonly clock?: Clock;
  /** Builds the conversation features; defaults to every feature the service ships. */
  readonly features?: FeatureFactory;
  /** Extra adapters (tests); built-in ones come from the configuration. */
  readonly adapters?: readonly ChannelAdapter[];
}

export async function createRuntime(given: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = opts.log ?? createLogger(given.LOG_LEVEL);
  const clock = opts.clock ?? systemClock;
  const database = await openDatabase({ databaseUrl: given.DATABASE_URL, dataDir: given.DATA_DIR, maxConnections: given.DATABASE_POOL_SIZE });
  await database.migrate();
  const db = database.db;
  // Queue job ids are database row ids, so queues belong to one database: a namespace stored in
  // the database keeps a fresh database (or a second deployment) from colliding with old jobs
  // that share a Redis and a QUEUE_PREFIX. Every process on the same database agrees on it.
  const namespace = await new SettingsRepo(db).getOrCreate('queue_namespace', () => randomBytes(4).toString('hex'));
  const config: Config = { ...given, QUEUE_PREFIX: `${given.QUEUE_PREFIX}-${namespace}` };
  const redis = producerConnection(config.REDIS_URL);
  redis.on('error', () => {});
  // Connect up front (a Redis that is down now is retried in the background; /readyz reports it).
  await withTimeout(redis.connect(), 2000).catch(() => {});
  const queues = new Queues(redis, config.QUEUE_PREFIX);
  const media = new MediaStore(db, config.publicUrl, config.MEDIA_TTL_HOURS * 3600 * 1000);
  const repos = { inbound: new InboundRepo(db), outbound: new OutboundRepo(db), contacts: new ContactsRepo(db) };

  const telegram = config.TELEGRAM_BOT_TOKEN
    ? new TelegramAdapter({ token: config.TELEGRAM_BOT_TOKEN, webhookSecret: config.TELEGRAM_WEBHOOK_SECRET ?? '', apiRoot: config.TELEGRAM_API_ROOT, media })
    : undefined;
  const simulator = config.SIMULATOR_ENABLED ? new WebSimulatorAdapter(db, media) : undefined;
  const zaloTokens = config.ZALO_OA_APP_ID
    ? new ZaloTokens({
        appId: config.ZALO_OA_APP_ID,
        appSecret: config.ZALO_APP_SECRET ?? '',
        oauthRoot: config.ZALO_OAUTH_ROOT,
        store: new ZaloTokenRepo(db),
        initial: { accessToken: config.ZALO_OA_ACCESS_TOKEN, refreshToken: config.ZALO_OA_REFRESH_TOKEN },
        now: () => clock.now(),
      })
    : undefined;
  const zaloOa = zaloTokens ? new ZaloOaAdapter({ appId: config.ZALO_OA_APP_ID!, oaSecretKey: config.ZALO_OA_SECRET_KEY ?? '', apiRoot: config.ZALO_OA_API_ROOT, tokens: zaloTokens, media }) : undefined;
  const zaloBot = config.ZALO_BOT_TOKEN ? new ZaloBotAdapter({ token: config.ZALO_BOT_TOKEN, webhookSecret: config.ZALO_BOT_WEBHOOK_SECRET ?? '', apiRoot: config.ZALO_BOT_API_ROOT, media }) : undefined;
  const builtIn = [telegram, zaloOa, zaloBot, simulator].filter((a): a is NonNullable<typeof a> => a !== undefined);
  const adapters = new AdapterRegistry([...builtIn, ...(opts.adapters ?? [])]);
  const venues = await createVenueOps({ config, db, log });
  const registrationRepo = new RegistrationRepo(db);
  const reminders = new ReminderQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, log });
  const reminderPorts: ReminderPorts = {
    reminderTarget: (id) => registrationRepo.reminderTarget(id),
    recordReminder: (r, then) => registrationRepo.recordReminder(r, then),
    addOutbound: (tx, rows) => repos.outbound.add(tx, rows),
    enqueueOutbound: (channel, botId, ids) => queues.enqueueOutbound(channel, botId, ids),
    capabilities: (channel, botId) => adapters.get(channel, botId)?.capabilities,
    schedule: (job, at, now) => reminders.schedule(job, at, now),
    unschedule: (id, version, kinds) => reminders.unschedule(id, version, kinds),
    now: () => clock.now(),
  };
  const registrations = { repo: registrationRepo, reminders, ports: reminderPorts };
  const faq = await createFaqService();
  const photos = createPhotoDecoder();
  const host = { config, db, redis, queues, media, adapters, clock, log, venues, faq, registrations, decodePhoto: (bytes: Uint8Array) => photos.decode(bytes) };
  const core = new ConversationCore(await (opts.features ?? defaultFeatures)(host));

  const enqueueInbound = (id: number) => queues.enqueueInbound(id);
  const enqueueOutbound = (channel: string, botId: string, ids: readonly number[]) => queues.enqueueOutbound(channel, botId, ids);
  const deps = {
    ingest: { inbound: repos.inbound, log, enqueueInbound },
    inbound: { db, ...repos, adapters, core, clock, log, enqueueOutbound, photoTurns: PhotoTurns.forConcurrency(config.INBOUND_CONCURRENCY) },
    outbound: { outbound: repos.outbound, contacts: repos.contacts, adapters, pacer: new RedisChatPacer(redis, config.QUEUE_PREFIX), log },
    sweep: { inbound: repos.inbound, outbound: repos.outbound, media, log, enqueueInbound, enqueueOutbound },
  };

  return {
    config, log, clock, database, db, redis, queues, media, repos, adapters, simulator, telegram, zaloBot, zaloTokens, core, venues, registrations, faq, photos, deps,
    async close() {
      await photos.close();
      await reminders.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await database.close();
    },
  };
}
