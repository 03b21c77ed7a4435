
/*
 * The seams tracing uses: issue 10's officials and audit log, issue 11's outbox (CONTRACTS.md),
 * plus who is calling (an official, or an operator at the CLI).
 */
export type { Official, OfficialRole } from '../officials/types.js';
export type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import type { Official } from '../officials/types.js';

/** Who asks: an official through a channel, or an operator at the CLI (`official` null: whole area, admin rights). */
export interface Caller {
  readonly official: Official | null;
  readonly via: 'chat' | 'cli' | 'api' | 'dashboard';
}

/** Issue 11's outbox (landed): alerts go through it with the `alert` priority. */
export type { Outbox, OutboxMessage, OutboxReceipt, PriorityClass } from '../outbox/types.js';
/** Many alerts sharing a few texts, written set-based (src/outbox/bulk-templated.ts). */
export type { TemplatedOutbox } from '../outbox/bulk-types.js';

/** Thrown when a caller acts outside their communes or role (→ HTTP 403): issue 10's `ForbiddenError`. */
export { ForbiddenError as TracingForbiddenError } from '../officials/types.js';
import { ForbiddenError } from '../officials/types.js';
import { AppError } from '../domain/errors.js';

/** The request cannot be done as asked (unknown venue, bad window, expired code...). */
export class TracingInputError extends AppError {
  readonly statusCode: number;
  constructor(code: string, message: string, statusCode = 400) {
    super(code, message, { retryable: false });
    this.name = 'TracingInputError';
    this.statusCode = statusCode;
  }
}

/** Scope check every tracing use-case does (issue 10's `assertInScope` semantics). */
export function assertCallerInScope(caller: Caller, communeId: string): void {
  if (caller.official && !caller.official.communeIds.includes(communeId)) throw new ForbiddenError(`commune ${communeId} is outside this official's scope`);
}

export const isAdmin = (caller: Caller): boolean => caller.official === null || caller.official.role === 'admin';
