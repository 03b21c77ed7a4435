import type { Db } from '../db/client.js';

/*
 * The seams tracing uses. Officials/audit (issue 10) are built in parallel; these shapes mirror
 * CONTRACTS.md exactly so that wiring the real ones is an import change. Until they land the
 * runtime binds them to what exists (the officials table, the log).
 */

export type OfficialRole = 'official' | 'admin';

/** An official as use-cases see them (issue 10's `Official`). */
export interface Official {
  readonly id: number;
  readonly role: OfficialRole;
  readonly communeIds: readonly string[];
  readonly displayName: string | null;
}

/** Who asks: an official through a channel, or an operator at the CLI (`official` null: whole area, admin rights). */
export interface Caller {
  readonly official: Official | null;
  readonly via: 'chat' | 'cli' | 'api' | 'dashboard';
}

/** Issue 10's audit entry: what was done, never personal data itself. */
export interface AuditEntry {
  readonly officialId: number | null;
  readonly via: 'chat' | 'cli' | 'api' | 'dashboard';
  readonly action: string;
  readonly communeId: string | null;
  readonly subject?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditLog {
  /** Written in the caller's transaction, so an action and its record commit together. */
  record(db: Db, entry: AuditEntry): Promise<void>;
}

/** Issue 11's outbox (landed): alerts go through it with the `alert` priority. */
export type { Outbox, OutboxMessage, OutboxReceipt, PriorityClass } from '../outbox/types.js';

/** Thrown when a caller acts outside their communes (→ HTTP 403); retrying cannot help. */
export class TracingForbiddenError extends Error {
  readonly retryable = false;
  readonly statusCode = 403;
  readonly code = 'forbidden';
  constructor(message: string) {
    super(message);
    this.name = 'TracingForbiddenError';
  }
}

/** The request cannot be done as asked (unknown venue, bad window, expired code...). */
export class TracingInputError extends Error {
  readonly retryable = false;
  readonly statusCode: number;
  constructor(readonly code: string, message: string, statusCode = 400) {
    super(message);
    this.name = 'TracingInputError';
    this.statusCode = statusCode;
  }
}

/** Scope check every tracing use-case does (issue 10's `assertInScope` semantics). */
export function assertCallerInScope(caller: Caller, communeId: string): void {
  if (caller.official && !caller.official.communeIds.includes(communeId)) throw new TracingForbiddenError(`commune ${communeId} is outside this official's scope`);
}

export const isAdmin = (caller: Caller): boolean => caller.official === null || caller.official.role === 'admin';
