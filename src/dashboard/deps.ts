import type { Db } from '../db/client.js';
import type { FiguresRepo } from '../db/repos/figures-repo.js';
import type { QuestionRepo } from '../db/repos/question-repo.js';
import type { RegistrationRepo } from '../db/repos/registration-repo.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { VenueSearchRepo } from '../db/repos/venue-search-repo.js';
import type { Reply } from '../conversation/types.js';
import type { ReminderPorts } from '../registration/reminders.js';
import type { VenueDomain } from '../venue-ops/ports.js';
import type { VenueService } from '../venue-ops/venue-service.js';
import type { OverviewDeps } from './use-cases/overview.js';
import type { Officials } from '../officials/index.js';
import type { Broadcasts } from '../broadcasts/index.js';
import type { TracingDeps } from '../tracing/deps.js';
import type { AuditPort } from './ports.js';

/** Sends messages to one chat after the caller's transaction commits (the outbound ledger + queue). */
export interface ChatSender {
  /** Writes the ledger rows in `tx`; returns what to enqueue once committed. */
  add(tx: Db, to: { channel: string; chatId: string }, replies: readonly Reply[]): Promise<() => Promise<void>>;
}

/** What the dashboard's use-cases work with; built once from the runtime. */
export interface DashboardDeps {
  readonly db: Db;
  readonly domain: VenueDomain;
  readonly venues: VenueRepo;
  readonly venueService: VenueService;
  readonly venueSearch: VenueSearchRepo;
  readonly figures: FiguresRepo;
  /** The overview's figures as pages show them: visit aggregates memoised (FiguresCache). */
  readonly cachedOverview: OverviewDeps;
  readonly questions: (db: Db) => QuestionRepo;
  readonly registrations: RegistrationRepo;
  readonly reminders: ReminderPorts;
  readonly audit: AuditPort;
  readonly chat: ChatSender;
  /** Issue 10's invite and revoke use-cases (the admin's "Hệ thống" forms). */
  readonly officials: Pick<Officials, 'invite' | 'revoke'>;
  /** Issue 12's tracing use-cases and issue 13's broadcasts, as chat, CLI and HTTP API call them. */
  readonly tracing: TracingDeps;
  readonly broadcasts: Broadcasts;
  now(): Date;
}
