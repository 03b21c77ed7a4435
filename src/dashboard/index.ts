import type { Logger } from 'pino';
import type { AuditTrail } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import { DashboardAuthRepo } from '../db/repos/dashboard-auth-repo.js';
import { FiguresRepo } from '../db/repos/figures-repo.js';
import { QuestionRepo } from '../db/repos/question-repo.js';
import type { RegistrationRepo } from '../db/repos/registration-repo.js';
import { SystemRepo } from '../db/repos/system-repo.js';
import { VenueSearchRepo } from '../db/repos/venue-search-repo.js';
import type { Outbox } from '../outbox/types.js';
import type { TracingDeps } from '../tracing/deps.js';
import type { Broadcasts } from '../broadcasts/index.js';
import type { AdapterRegistry } from '../pipeline/adapters.js';
import type { ReminderPorts } from '../registration/reminders.js';
import type { VenueOps } from '../venue-ops/index.js';
import type { AuthDeps } from './auth.js';
import type { ChatSender, DashboardDeps } from './deps.js';
import { cachedFigures, cachedVenueFigures, FiguresCache } from './figures-cache.js';
import { BASE } from './layout.js';
import type { OfficialsPort } from './ports.js';
import type { Officials } from '../officials/index.js';

export interface Dashboard {
  readonly auth: AuthDeps;
  readonly deps: DashboardDeps;
  readonly system: SystemRepo;
}

export interface DashboardBuild {
  readonly db: Db;
  readonly publicUrl: string;
  readonly venues: VenueOps;
  readonly registrations: { readonly repo: RegistrationRepo; readonly ports: ReminderPorts };
  readonly outbox: Outbox;
  readonly officials: OfficialsPort & Pick<Officials, 'invite' | 'revoke'>;
  readonly audit: AuditTrail;
  readonly adapters: AdapterRegistry;
  readonly tracing: TracingDeps;
  readonly broadcasts: Broadcasts;
  readonly log: Pick<Logger, 'warn'>;
  now(): Date;
}

/** Builds the dashboard's dependencies once per runtime (the chat's /dangnhap uses the same auth). */
export function createDashboard(b: DashboardBuild): Dashboard {
  const chat: ChatSender = {
    async add(tx, to, replies) {
      const adapter = b.adapters.byChannel(to.channel);
      if (!adapter) throw Object.assign(new Error(`channel ${to.channel} is switched off`), { statusCode: 503, retryable: true });
      const receipt = await b.outbox.add(tx, [{ to: { channel: adapter.channel, botId: adapter.botId, chatId: to.chatId }, priority: 'reply', parts: replies }]);
      return () => b.outbox.afterCommit(receipt);
    },
  };
  const figures = new FiguresRepo(b.db);
  const cache = new FiguresCache((err) => b.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'dashboard figures not refreshed; showing the previous ones'));
  const deps: DashboardDeps = {
    db: b.db,
    domain: b.venues.domain,
    venues: b.venues.repo,
    venueService: b.venues.service,
    venueSearch: new VenueSearchRepo(b.db),
    figures,
    cachedOverview: { domain: b.venues.domain, venues: cachedVenueFigures(b.venues.repo, cache), figures: cachedFigures(figures, cache) },
    questions: (db) => new QuestionRepo(db),
    registrations: b.registrations.repo,
    reminders: b.registrations.ports,
    audit: b.audit,
    chat,
    officials: b.officials,
    tracing: b.tracing,
    broadcasts: b.broadcasts,
    now: b.now,
  };
  return { auth: { db: b.db, repo: new DashboardAuthRepo(b.db), officials: b.officials, audit: b.audit, baseUrl: `${b.publicUrl}${BASE}`, now: b.now }, deps, system: new SystemRepo(b.db) };
}
