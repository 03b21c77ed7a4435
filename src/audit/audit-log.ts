import type { Db } from '../db/client.js';

/**
 * One official action on personal data (who, how, what, which commune). The audit log is how a
 * commune answers "who looked at my data": every read or change of personal data writes one.
 */
export interface AuditEntry {
  readonly officialId: number | null; // null: an operator at the CLI
  readonly via: 'chat' | 'cli' | 'api' | 'dashboard';
  readonly action: string; // e.g. 'questions.read', 'registrations.export', 'tracing.preview'
  readonly communeId: string | null;
  readonly subject?: string; // e.g. 'venue:12', 'event:3'
  readonly detail?: Readonly<Record<string, unknown>>; // never personal data itself
}

/** A stored entry, as `officials:audit` lists it. */
export interface AuditRecord extends AuditEntry {
  readonly id: number;
  readonly at: Date;
}

export interface AuditQuery {
  readonly since?: Date;
  readonly officialId?: number;
  readonly communeId?: string;
  readonly limit?: number;
}

export interface AuditLog {
  /** Written in the caller's transaction (`db` may be a transaction), so an action and its record commit together. */
  record(db: Db, entry: AuditEntry): Promise<void>;
}

/** The audit log plus reading it back (CLI, dashboard). */
export interface AuditTrail extends AuditLog {
  list(query: AuditQuery): Promise<AuditRecord[]>;
}
