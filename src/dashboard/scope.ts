import { AppError } from '../domain/errors.js';
import { ForbiddenError } from '../officials/types.js';
import type { VenueDomain } from '../venue-ops/ports.js';
import type { Official } from './ports.js';

export { ForbiddenError };

/** Something the official asked for does not exist (404). */
export class NotFoundError extends AppError {
  readonly statusCode = 404;
  constructor(what: string) {
    super('not_found', `no such ${what}`, { retryable: false });
    this.name = 'NotFoundError';
  }
}

/**
 * What one official may see: their communes, and the former communes merged into them (whose
 * venues and records they inherit). An admin sees every commune of the deployment.
 */
export interface Scope {
  readonly official: Official;
  readonly isAdmin: boolean;
  /** The communes shown as rows (the official's own). */
  readonly communeIds: readonly string[];
  /** Every commune id whose records are visible (own + merged-in). */
  readonly visible: ReadonlySet<string>;
  /** Throws ForbiddenError when a record of this commune is outside the scope. */
  assert(communeId: string | null, what: string): void;
}

export function scopeOf(official: Official, domain: VenueDomain): Scope {
  const isAdmin = official.role === 'admin';
  const communeIds = isAdmin ? domain.communes.filter((c) => !c.mergedInto).map((c) => c.id) : [...official.communeIds];
  const visible = new Set(isAdmin ? domain.communes.map((c) => c.id) : communeIds.flatMap((id) => domain.communeFamily(id)));
  return {
    official,
    isAdmin,
    communeIds,
    visible,
    assert(communeId, what) {
      if (isAdmin) return;
      if (communeId === null || !visible.has(communeId)) throw new ForbiddenError(`outside the official's communes: ${what}`);
    },
  };
}

/** The communes a filter asks for, checked against the scope (a commune outside it is a 403). */
export function narrow(scope: Scope, domain: VenueDomain, communeId: string | undefined): readonly string[] {
  if (!communeId) return [...scope.visible];
  scope.assert(communeId, `commune ${communeId}`);
  return domain.communeFamily(communeId);
}
