import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ImageRef, InboundEvent } from './channels/contract.js';
import { linkFeature } from './account-link/link-feature.js';
import { checkInFeature } from './checkin/checkin-feature.js';
import { CheckInService } from './checkin/checkin-service.js';
import { PhotoError, type PhotoDecoder } from './checkin/resolver.js';
import type { Config } from './config/schema.js';
import type { Feature } from './conversation/types.js';
import type { Db } from './db/client.js';
import type { MediaStore } from './db/repos/media-repo.js';
import { LinkRepo } from './db/repos/link-repo.js';
import { QuestionRepo } from './db/repos/question-repo.js';
import { SettingsRepo } from './db/repos/settings-repo.js';
import { VisitRepo } from './db/repos/visit-repo.js';
import type { Clock } from './domain/clock.js';
import type { FaqService } from './faq/service.js';
import { helpDeskFeature } from './help-desk/help-desk-feature.js';
import type { AdapterRegistry } from './pipeline/adapters.js';
import type { Queues } from './queue/queues.js';
import type { Outbox } from './outbox/types.js';
import type { VenueOps } from './venue-ops/index.js';
import type { Officials } from './officials/index.js';
import type { AuditLog } from './audit/audit-log.js';
import { officialOfTurn } from './venue-ops/official-scope.js';
import { officialsChatFeature } from './officials/officials-chat.js';
import { redisGuessLimiter } from './abuse/guess-limiter.js';
import { eraseFeature } from './privacy/erase-feature.js';
import { ErasureRepo } from './db/repos/erasure-repo.js';
import { officialsFeature } from './venue-ops/officials-feature.js';
import { venueFeature } from './venue-ops/venue-flow.js';
import type { RegistrationRepo } from './db/repos/registration-repo.js';
import { registrationFeature } from './registration/registration-feature.js';
import type { TracingDeps } from './tracing/deps.js';
import { tracingFeature } from './tracing/tracing-feature.js';
import { consentFeature } from './consent/consent-feature.js';
import { broadcastFeature } from './broadcasts/chat/broadcast-feature.js';
import type { Broadcasts } from './broadcasts/index.js';
import { ConsentLedger } from './consent/consent-ledger.js';
import type { ReminderPorts } from './registration/reminders.js';
import type { Dashboard } from './dashboard/index.js';
import { loginFeature } from './dashboard/login-feature.js';

/** Largest photo we fetch from a platform (issue 5: 10 MB per file). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * What a conversation feature may use, handed over by the runtime once its services exist. Features
 * are built from this (never from globals), so tests can build them against a test runtime.
 */
export interface FeatureHost {
  readonly config: Config;
  readonly db: Db;
  readonly redis: Redis;
  readonly queues: Queues;
  readonly media: MediaStore;
  readonly adapters: AdapterRegistry;
  readonly clock: Clock;
  readonly log: Logger;
  readonly venues: VenueOps;
  readonly officials: Officials;
  readonly audit: AuditLog;
  readonly faq: FaqService;
  readonly decodePhoto: PhotoDecoder;
  readonly registrations: { readonly repo: RegistrationRepo; readonly ports: ReminderPorts };
  /** Exposure tracing use-cases (issue 12). */
  readonly tracing: TracingDeps;
  /** Every message a feature sends outside its turn's replies goes through the outbox. */
  readonly outbox: Outbox;
  readonly dashboard: Dashboard;
  /** Campaign broadcasts (issue 13). */
  readonly broadcasts?: Broadcasts;
}

export type FeatureFactory = (host: FeatureHost) => Promise<readonly Feature[]> | readonly Feature[];

/** Fetches an inbound image through the adapter that received it, size-capped. */
function imageDownloader(adapters: AdapterRegistry) {
  return async (event: InboundEvent, ref: ImageRef): Promise<Buffer> => {
    const adapter = adapters.get(event.channel, event.botId);
    if (!adapter) throw new PhotoError('not-an-image', `channel ${event.channel} is switched off`);
    return adapter.downloadImage(ref, MAX_PHOTO_BYTES);
  };
}

/**
 * Every conversation feature the service ships, in routing order (earlier features see free text
 * first: account linking, check-in codes, then "create a QR code", officials' words, pre-registration and reminder opt-out, and the FAQ last as the
 * catch-all that answers, suggests or says it does not know).
 */
export const defaultFeatures: FeatureFactory = async (host) => {
  const { domain, repo, service, resolver } = host.venues;
  const visits = new VisitRepo(host.db);
  const officialOf = officialOfTurn(host.officials);
  const pseudonymSalt = await new SettingsRepo(host.db).getOrCreate('pseudonym_salt', () => randomBytes(16).toString('hex'));
  return [
    officialsChatFeature({
      officials: host.officials,
      guesses: redisGuessLimiter(host.redis, host.config.QUEUE_PREFIX, 'invite'),
      searchCommunes: (input) => domain.searchCommunes(input),
      communeById: (id) => domain.communeById(id),
    }),
    eraseFeature(new ErasureRepo(host.db)),
    linkFeature({ store: new LinkRepo(host.db), guesses: redisGuessLimiter(host.redis, host.config.QUEUE_PREFIX, 'link') }),
    checkInFeature({
      service: new CheckInService(visits, (id) => domain.communeById(id)?.district),
      store: visits,
      resolver,
      decode: host.decodePhoto,
      downloadImage: imageDownloader(host.adapters),
      retentionDays: host.config.VISIT_RETENTION_DAYS,
    }),
    venueFeature({ domain, service, repo, media: host.media, log: host.log }),
    officialsFeature({ domain, repo, flags: visits, pseudonymSalt, officials: host.officials, audit: host.audit, db: host.db }),
    loginFeature(host.dashboard.auth),
    ...(host.broadcasts ? [broadcastFeature({ broadcasts: host.broadcasts, officialOf: (ctx) => host.officials.forChat(ctx.event.channel, ctx.event.botId, ctx.event.chatId) })] : []),
    consentFeature({
      ledger: new ConsentLedger(host.db),
      searchCommunes: (input) => domain.searchCommunes(input),
      communeById: (id) => domain.communeById(id),
      registrationCommunes: async (personId) => (await host.registrations.repo.byContact(personId)).filter((r) => r.status !== 'cancelled').map((r) => r.communeId),
      setReminderOptOut: (personId, out) => host.registrations.repo.setOptOut(personId, out),
    }),
    registrationFeature({
      store: host.registrations.repo,
      searchCommunes: (input) => domain.searchCommunes(input),
      communeById: (id) => domain.communeById(id),
      unschedule: (id, version) => host.registrations.ports.unschedule(id, version, ['appointed', 'day-before', 'two-hours']),
      retentionDays: host.config.REGISTRATION_RETENTION_DAYS,
    }),
    tracingFeature({ tracing: host.tracing, officialOf, officialsOf: (id) => host.officials.ofCommune(id), dependents: (id) => visits.dependents(id), questions: new QuestionRepo(host.db) }),
    helpDeskFeature({
      faq: host.faq,
      questions: new QuestionRepo(host.db),
      searchCommunes: (input) => domain.searchCommunes(input),
      communeById: (id) => domain.communeById(id),
      official: officialOf,
      officialsOf: (communeId) => host.officials.ofCommune(communeId),
      audit: host.audit,
      db: host.db,
    }),
  ];
};
