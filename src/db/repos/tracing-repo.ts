import type { Db } from '../client.js';
import { TracingAlertsRepo } from './tracing/alerts-repo.js';
import { TracingEventsRepo } from './tracing/events-repo.js';
import { TracingMatchRepo } from './tracing/match-repo.js';
import { TracingShareCodesRepo } from './tracing/share-codes-repo.js';
import type { MatchOptions } from './tracing/sql.js';
import { AlertTemplatesRepo } from './tracing/templates-repo.js';

export type { NewAlert } from './tracing/alerts-repo.js';
export type { EventRow, WindowRow, WindowWithVenue } from './tracing/events-repo.js';
export type { MatchedPerson, MatchedWithChats, PersonChat } from './tracing/match-repo.js';
export { MAX_VISIT_MINUTES, rowsOf, type MatchOptions } from './tracing/sql.js';

/**
 * Storage of exposure tracing, one repository per concept: events and windows, the match, alert
 * rows, share codes and alert templates (src/db/repos/tracing/).
 */
export class TracingRepo {
  readonly events: TracingEventsRepo;
  readonly matching: TracingMatchRepo;
  readonly alerts: TracingAlertsRepo;
  readonly shareCodes: TracingShareCodesRepo;
  readonly templates: AlertTemplatesRepo;

  constructor(db: Db, opts: MatchOptions) {
    this.events = new TracingEventsRepo(db, opts);
    this.matching = new TracingMatchRepo(db, opts);
    this.alerts = new TracingAlertsRepo(db);
    this.shareCodes = new TracingShareCodesRepo(db);
    this.templates = new AlertTemplatesRepo(db);
  }
}
