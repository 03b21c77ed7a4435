import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import type { OfficialsRepo } from '../db/repos/officials-repo.js';
import { apiTokenHash, newApiToken } from './codes.js';
import { toOfficial } from './directory.js';
import type { Official } from './types.js';
import { InvalidInputError } from '../domain/errors.js';

interface Deps {
  readonly db: Db;
  readonly repo: OfficialsRepo;
  readonly audit: AuditLog;
  readonly allCommuneIds: readonly string[];
}

/** A new personal API token for an active official; shown once, only its hash is kept. */
export async function issueApiToken(deps: Deps, officialId: number, via: 'cli' | 'chat'): Promise<string> {
  const row = await deps.repo.byId(officialId);
  if (!row || row.revokedAt !== null || row.contactId === null) throw new InvalidInputError(`no active official ${officialId}`);
  const token = newApiToken();
  await deps.repo.addToken(officialId, apiTokenHash(token));
  await deps.audit.record(deps.db, { officialId: via === 'chat' ? officialId : null, via, action: 'officials.token', communeId: null, subject: `official:${officialId}` });
  return token;
}

/** The official a bearer token acts as, or null (unknown, revoked, or its official revoked). */
export async function officialForToken(deps: Deps, token: string, now: Date): Promise<Official | null> {
  if (!/^qtm_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await deps.repo.byToken(apiTokenHash(token), now);
  return row ? toOfficial([row], deps.allCommuneIds) : null;
}
