import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { DashboardAuthRepo } from '../db/repos/dashboard-auth-repo.js';
import { FiguresRepo } from '../db/repos/figures-repo.js';
import type { OutboundRepo } from '../db/repos/outbound-repo.js';
import { QuestionRepo } from '../db/repos/question-repo.js';
import type { RegistrationRepo } from '../db/repos/registration-repo.js';
import { SystemRepo } from '../db/repos/system-repo.js';
import { VenueSearchRepo } from '../db/repos/venue-search-repo.js';
import { renderReplies } from '../conversation/render.js';
import type { AdapterRegistry } from '../pipeline/adapters.js';
import type { ReminderPorts } from '../registration/reminders.js';
import type { VenueOps } from '../venue-ops/index.js';
import type { AuthDeps } from './auth.js';
import type { ChatSender, DashboardDeps } from './deps.js';
import { interimAudit, interimOfficials } from './interim-officials.js';
import { BASE } from './layout.js';
import type { AuditPort, OfficialsPort } from './ports.js';

export interface Dashboard {
  readonly auth: AuthDeps;
  readonly deps: DashboardDeps;
  readonly system: SystemRepo;
}

export interface DashboardBuild {
  readonly db: Db;
  readonly log: Logger;
  readonly publicUrl: string;
  readonly venues: VenueOps;
  readonly registrations: { readonly repo: RegistrationRepo; readonly ports: ReminderPorts };
  readonly outbound: OutboundRepo;
  readonly adapters: AdapterRegistry;
  enqueueOutbound(channel: string, botId: string, ids: readonly number[]): Promise<void>;
  now(): Date;
  /** Issue 10's directory and audit log once they exist; the interim ones otherwise. */
  readonly officials?: OfficialsPort;
  readonly audit?: AuditPort;
}

/** Builds the dashboard's dependencies once per runtime (the chat's /dangnhap uses the same auth). */
export function createDashboard(b: DashboardBuild): Dashboard {
  const authRepo = new DashboardAuthRepo(b.db);
  const officials = b.officials ?? interimOfficials(authRepo, () => b.venues.domain.communes.filter((c) => !c.mergedInto).map((c) => c.id));
  const audit = b.audit ?? interimAudit(b.log.child({ component: 'audit' }));
  const chat: ChatSender = {
    async add(tx, to, replies) {
      const adapter = b.adapters.byChannel(to.channel);
      if (!adapter) throw Object.assign(new Error(`channel ${to.channel} is switched off`), { statusCode: 503, retryable: true });
      const { parts } = renderReplies(replies, adapter.capabilities);
      const ids = await b.outbound.add(tx, parts.map((part) => ({ channel: adapter.channel, botId: adapter.botId, chatId: to.chatId, part })));
      return () => b.enqueueOutbound(adapter.channel, adapter.botId, ids).catch((err: unknown) => b.log.warn({ err: (err as Error).message }, 'enqueue failed; the sweep re-queues it'));
    },
  };
  const deps: DashboardDeps = {
    db: b.db,
    domain: b.venues.domain,
    venues: b.venues.repo,
    venueService: b.venues.service,
    venueSearch: new VenueSearchRepo(b.db),
    figures: new FiguresRepo(b.db),
    questions: (db) => new QuestionRepo(db),
    registrations: b.registrations.repo,
    reminders: b.registrations.ports,
    audit,
    chat,
    now: b.now,
  };
  return { auth: { db: b.db, repo: authRepo, officials, audit, baseUrl: `${b.publicUrl}${BASE}`, now: b.now }, deps, system: new SystemRepo(b.db) };
}
