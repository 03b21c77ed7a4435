import type { Db } from '../db/client.js';
import type { TracingRepo } from '../db/repos/tracing-repo.js';
import type { AuditLog, Outbox, TemplatedOutbox } from './ports.js';

/** A venue as tracing names it. */
export interface VenueRef {
  readonly id: number;
  readonly name: string;
  readonly communeId: string;
  readonly typeId: string;
}

/** Tunables from the configuration (TRACING_*, VISIT_RETENTION_DAYS). */
export interface TracingSettings {
  readonly tailMinutes: number;
  readonly shareDays: number;
  readonly visitRetentionDays: number;
  readonly approvalThreshold: number;
  readonly retentionDays: number;
}

/**
 * What the tracing use-cases need; the runtime binds it once. The chat feature, the CLI and the
 * HTTP API all call the same use-cases with it.
 */
export interface TracingDeps {
  readonly db: Db;
  readonly repo: TracingRepo;
  readonly outbox: Outbox;
  /** The outbox's set-based writer, for the fan-out of thousands of alerts. */
  readonly bulkOutbox: TemplatedOutbox;
  readonly audit: AuditLog;
  readonly settings: TracingSettings;
  now(): Date;
  communeName(id: string): string;
  /** A venue by manual code or code link; else by name among the given communes (several: ambiguous). */
  findVenues(input: string, communeIds: readonly string[] | 'all'): Promise<VenueRef[]>;
  /** Whether a (channel, bot) is switched on here. */
  channelEnabled(channel: string, botId: string): boolean;
  /** Whether a channel shows buttons (else choices are numbered lines and "1"/"2" must map back). */
  channelHasButtons(channel: string, botId: string): boolean;
}

/** Runs `fn` in one transaction (the tx is a Db for every port). */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}
