import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { TelegramAdapter } from '../bots/telegram/adapter.js';
import { WebSimulatorAdapter } from '../bots/web/adapter.js';
import type { ZaloBotAdapter } from '../bots/zalo-bot/adapter.js';
import type { ZaloTokens } from '../bots/zalo-oa/tokens.js';
import { buildPlatformBots, type PlatformBots } from './channels/bots.js';
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
import { CLAIM_LEASE_MS, type OutboundDeps, type SlotMissStage } from './pipeline/outbound-processor.js';
import type { SweepDeps } from './pipeline/sweep.js';
import { RedisChatPacer } from './queue/chat-pacer.js';
import { outboundQueueName, Queues } from './queue/queues.js';
import { readOutboxBacklog } from './db/repos/outbox-backlog-repo.js';
import { RedisBotPacer } from './queue/bot-pacer.js';
import { BatchedSendLedger } from './outbox/send-ledger.js';
import { LedgerOutbox } from './outbox/ledger-outbox.js';
import { PausedBots } from './outbox/bot-health.js';
import { BotPauseRepo } from './db/repos/bot-pause-repo.js';
import { resolveAbandoned } from './outbox/recovery.js';
import { OutboxWorkerRegistry } from './outbox/worker-registry.js';
import { PRIORITY_CLASSES, type Outbox, type OutboxJob } from './outbox/types.js';
import { producerConnection } from './queue/redis.js';
import { throttledErrorLog } from './log-throttle.js';
import { createFaqService, type FaqService } from './faq/service.js';
import { PhotoTurns } from './pipeline/photo-turns.js';
import { createPhotoDecoder, type PhotoDecoderPool } from './qr-photo/decoder-pool.js';
import { createVenueOps, type VenueOps } from './venue-ops/index.js';
import { createTracing } from './tracing/index.js';
import type { TracingDeps } from './tracing/deps.js';
import { Metrics } from './metrics/metrics.js';
import { createBroadcasts, type Broadcasts } from './broadcasts/index.js';
import { bulkOutbox } from './broadcasts/bulk-outbox.js';
import { readQueueStats, sendQueueStats } from './metrics/queue-stats.js';
import { withFaqMetrics, withPhotoMetrics } from './metrics/instrument.js';
import { createOfficials, type Officials } from './officials/index.js';
import type { AuditTrail } from './audit/audit-log.js';
import { AuditRepo } from './db/repos/audit-repo.js';
import { createDashboard, type Dashboard } from './dashboard/index.js';

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
  /** The one way messages leave: every reply, notice, reminder, alert and broadcast (src/outbox). */
  readonly outbox: Outbox;
  /** Bots paused because the platform rejected their token, shared by every process (shown on /readyz). */
  readonly pausedBots: PausedBots;
  /** This process's identity and heartbeat as a send worker (started by the service). */
  readonly sendWorker: OutboxWorkerRegistry;
  readonly simulator: WebSimulatorAdapter | undefined;
  readonly telegram: TelegramAdapter | undefined;
  readonly zaloBot: ZaloBotAdapter | undefined;
  /** The first Zalo OA's token pair manager (refreshed ahead of expiry by the maintenance job). */
  readonly zaloTokens: ZaloTokens | undefined;
  /** Every platform bot, CHANNELS_FILE's included (each OA has its own token pair). */
  readonly bots: PlatformBots;
  readonly core: ConversationCore;
  readonly venues: VenueOps;
  /** Officials (from invites only) and the invite/revoke/token use-cases. */
  readonly officials: Officials;
  /** Who read or changed personal data. */
  readonly audit: AuditTrail;
  /** Vaccination pre-registrations and their appointment reminders. */
  readonly registrations: { readonly repo: RegistrationRepo; readonly reminders: ReminderQueue; readonly ports: ReminderPorts };
  readonly faq: FaqService;
  /** Exposure tracing (issue 12): the use-cases' dependencies, shared by chat, CLI and HTTP. */
  readonly tracing: TracingDeps;
  /** Campaign broadcasts to communes (issue 13): compose, approve, send, results. */
  readonly broadcasts: Broadcasts;
  /** Prometheus metrics (served at /metrics when METRICS_TOKEN is set). */
  readonly metrics: Metrics;
  /** The officials' web dashboard (issue 14): login links, sessions and its use-cases. */
  readonly dashboard: Dashboard;
  /** Reads QR codes from photos in a worker-thread pool, off the event loop. */
  readonly photos: PhotoDecoderPool;
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
  /**
   * Without PUBLIC_URL, use the address the service last published (the CLI), so links it prints
   * point where the running service listens rather than at this process's own default port.
   */
  readonly publishedUrl?: boolean;
}

/** Settings key of the base URL the listening service serves (see `RuntimeOptions.publishedUrl`). */
export const PUBLISHED_URL_KEY = 'published_url';

export async function createRuntime(given: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = opts.log ?? createLogger(given.LOG_LEVEL);
  const clock = opts.clock ?? systemClock;
  const database = await openDatabase({ databaseUrl: given.DATABASE_URL, dataDir: given.DATA_DIR, maxConnections: given.DATABASE_POOL_SIZE });
  await database.migrate();
  const db = database.db;
  // Queue job ids are database row ids, so queues belong to one database: a namespace stored in
  // the database keeps a fresh database (or a second deployment) from colliding with old jobs
  // that share a Redis and a QUEUE_PREFIX. Every process on the same database agrees on it.
  const settings = new SettingsRepo(db);
  const namespace = await settings.getOrCreate('queue_namespace', () => randomBytes(4).toString('hex'));
  const published = opts.publishedUrl && !given.PUBLIC_URL ? await settings.get(PUBLISHED_URL_KEY) : undefined;
  const config: Config = { ...given, QUEUE_PREFIX: `${given.QUEUE_PREFIX}-${namespace}`, publicUrl: published ?? given.publicUrl };
  const redis = producerConnection(config.REDIS_URL);
  redis.on('error', throttledErrorLog(log, 'Redis connection problem; retrying in the background'));
  // Connect up front (a Redis that is down now is retried in the background; /readyz reports it).
  await withTimeout(redis.connect(), 2000).catch((err: unknown) => log.warn({ err }, 'Redis not reachable at start-up: webhooks answer 503 until it is'));
  const queues = new Queues(redis, config.QUEUE_PREFIX, log);
  const media = new MediaStore(db, config.publicUrl, config.MEDIA_TTL_HOURS * 3600 * 1000);
  const repos = { inbound: new InboundRepo(db), outbound: new OutboundRepo(db), contacts: new ContactsRepo(db) };

  const bots = buildPlatformBots(config, { db, media, now: () => clock.now() });
  const telegram = bots.telegram[0];
  const zaloBot = bots.zaloBot[0];
  const zaloTokens = bots.zaloTokens[0];
  const simulator = config.SIMULATOR_ENABLED ? new WebSimulatorAdapter(db, media, () => clock.now()) : undefined;
  const builtIn = [...bots.telegram, ...bots.zaloOa, ...bots.zaloBot, ...(simulator ? [simulator] : [])];
  const adapters = new AdapterRegistry([...builtIn, ...(opts.adapters ?? [])]);
  const venues = await createVenueOps({ config, db, log });
  const outbox = new LedgerOutbox({
    capabilities: (channel, botId) => adapters.get(channel, botId)?.capabilities,
    enqueue: (jobs) => queues.enqueueOutboxJobs(jobs),
    load: (ids) => repos.outbound.jobsOf(ids),
    now: () => clock.now(),
    log,
  });
  const pausedBots = new PausedBots(log, new BotPauseRepo(db));
  const sendWorker = new OutboxWorkerRegistry(db, log);
  const audit = new AuditRepo(db);
  const officials = createOfficials({ db, audit, scope: { all: () => venues.domain.communes.map((c) => c.id), family: (id) => venues.domain.communeFamily(id) } });
  const registrationRepo = new RegistrationRepo(db);
  const reminders = new ReminderQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, log });
  const reminderPorts: ReminderPorts = {
    reminderTarget: (id) => registrationRepo.reminderTarget(id),
    recordReminder: (r, then) => registrationRepo.recordReminder(r, then),
    outbox,
    capabilities: (channel, botId) => adapters.get(channel, botId)?.capabilities,
    schedule: (job, at, now) => reminders.schedule(job, at, now),
    unschedule: (id, version, kinds) => reminders.unschedule(id, version, kinds),
    now: () => clock.now(),
  };
  const registrations = { repo: registrationRepo, reminders, ports: reminderPorts };
  const broadcasts = createBroadcasts({
    db,
    clock,
    log,
    communes: { all: () => venues.domain.communes, search: (q) => venues.domain.searchCommunes(q), byId: (id) => venues.domain.communeById(id) },
    outbox: bulkOutbox(outbox),
    audit,
    bots: { rateOf: (channel, botId) => adapters.get(channel, botId)?.capabilities.rate.perSecond, live: () => new Set(adapters.all().map((a) => `${a.channel}:${a.botId}`)) },
    settings: {
      approvalThreshold: config.BROADCAST_APPROVAL_THRESHOLD,
      dailyCap: config.BROADCAST_DAILY_CAP,
      graceMinutes: config.BROADCAST_GRACE_MINUTES,
      quietHours: config.BROADCAST_QUIET_HOURS,
      publicUrl: config.publicUrl,
      templateChannels: new Set(config.ZALO_OA_TEMPLATE_ID ? ['zalo-oa'] : []),
      linkSecret: await settings.getOrCreate('broadcast_link_key', () => randomBytes(24).toString('hex')),
    },
  });
  const metrics = new Metrics(async () => {
    const now = clock.now();
    const [plain, backlog] = await Promise.all([readQueueStats([queues.inbound, reminders.backlogQueue], now.getTime()), readOutboxBacklog(db, now)]);
    return [...plain, ...sendQueueStats(backlog, PRIORITY_CLASSES, adapters.all(), outboundQueueName, now.getTime())];
  });
  const faq = withFaqMetrics(await createFaqService(), metrics);
  const photos = withPhotoMetrics(createPhotoDecoder({ ownCodePrefix: `${config.publicUrl}/c/` }), metrics);
  const tracing = createTracing({
    config, db, venues, outbox, audit, now: () => clock.now(),
    channelEnabled: (c, b) => adapters.get(c, b) !== undefined,
    channelHasButtons: (c, b) => adapters.get(c, b)?.capabilities.buttons ?? false,
    capabilities: (c, b) => adapters.get(c, b)?.capabilities,
  });
  const dashboard = createDashboard({ db, publicUrl: config.publicUrl, venues, registrations, outbox, officials, audit, adapters, tracing, broadcasts, log, now: () => clock.now() });
  const host = { config, db, redis, queues, media, adapters, clock, log, venues, officials, audit, faq, registrations, outbox, tracing, dashboard, broadcasts, decodePhoto: (bytes: Uint8Array) => photos.decode(bytes) };
  const core = new ConversationCore(await (opts.features ?? defaultFeatures)(host));

  const enqueueInbound = (id: number) => queues.enqueueInbound(id);
  const enqueueOutbound = (channel: string, botId: string, ids: readonly number[]) => queues.enqueueOutbound(channel, botId, ids);
  const enqueueOutboxJobs = (jobs: readonly OutboxJob[]) => queues.enqueueOutboxJobs(jobs);
  const deps = {
    ingest: { inbound: repos.inbound, log, enqueueInbound },
    inbound: {
      db, ...repos, adapters, core, clock, log, outbox, photoTurns: PhotoTurns.forConcurrency(config.INBOUND_CONCURRENCY),
      receipts: (channel: string, ids: readonly string[], kind: 'delivered' | 'seen', at: Date) => broadcasts.receipt(channel, ids, kind, at),
    },
    outbound: {
      outbound: repos.outbound,
      contacts: repos.contacts,
      adapters,
      pacer: new RedisChatPacer(redis, config.QUEUE_PREFIX),
      botPacer: new RedisBotPacer(redis, config.QUEUE_PREFIX),
      sendLedger: new BatchedSendLedger(db, sendWorker.id, CLAIM_LEASE_MS, (ms) => metrics.sendClaim.observe(ms / 1000)),
      log,
      workerId: sendWorker.id,
      botHealth: pausedBots,
      onSlotMissed: (channel: string, stage: SlotMissStage) => metrics.sendSlotsMissed.inc({ channel, stage }),
      now: () => clock.now(),
      async resolveAbandoned() {
        const r = await resolveAbandoned(db);
        if (r.requeue.length) await queues.enqueueOutboxJobs(r.requeue).catch((err: unknown) => log.warn({ err: String(err) }, 'resent alerts not queued; the sweep will'));
        return r.uncertain + r.requeue.length;
      },
    },
    sweep: { inbound: repos.inbound, outbound: repos.outbound, media, log, enqueueInbound, enqueueOutbound, enqueueOutboxJobs, db, now: () => clock.now() },
  };

  // Another process (the CLI, another instance) may import or rename units: reload when it did.
  const unitsTimer = setInterval(() => venues.units.refresh().catch((err: unknown) => log.warn({ err: (err as Error).message }, 'units refresh failed; retrying')), 30_000);
  unitsTimer.unref();

  return {
    config, log, clock, database, db, redis, queues, media, repos, adapters, outbox, pausedBots, sendWorker, simulator, telegram, zaloBot, zaloTokens, bots, core, venues, officials, audit, registrations, faq, tracing, broadcasts, metrics, dashboard, photos, deps,
    async close() {
      clearInterval(unitsTimer);
      await photos.close();
      await reminders.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
      await database.close();
    },
  };
}
