import type { AuditEntry } from './audit-log.js';

/** The commune part of an audit entry for an action over some communes: the id when one, else the list in `detail`. */
export function communesOfEntry(communeIds: readonly string[], detail: Record<string, unknown> = {}): Pick<AuditEntry, 'communeId' | 'detail'> {
  return communeIds.length === 1 ? { communeId: communeIds[0]!, detail } : { communeId: null, detail: { ...detail, communeIds: [...communeIds] } };
}
