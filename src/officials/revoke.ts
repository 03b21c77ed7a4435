import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import type { OfficialsRepo } from '../db/repos/officials-repo.js';

/** Ends an official's rights at once (chat commands, notices and API tokens). */
export async function revokeOfficial(deps: { db: Db; repo: OfficialsRepo; audit: AuditLog }, id: number, by: { officialId: number | null; via: 'chat' | 'cli' | 'api' | 'dashboard' }, now: Date): Promise<boolean> {
  const done = await deps.repo.revoke(id, now);
  if (done) await deps.audit.record(deps.db, { officialId: by.officialId, via: by.via, action: 'officials.revoke', communeId: null, subject: `official:${id}` });
  return done;
}
