import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import type { OfficialsRepo } from '../db/repos/officials-repo.js';
import { INVITE_HOURS, inviteHash, newInviteCode } from './codes.js';
import { ForbiddenError, type Official, type OfficialRole } from './types.js';
import { InvalidInputError } from '../domain/errors.js';

export interface InviteDeps {
  readonly db: Db;
  readonly repo: OfficialsRepo;
  readonly audit: AuditLog;
  readonly allCommuneIds: readonly string[];
}

export interface InviteRequest {
  readonly role: OfficialRole;
  /** Communes of an official; ignored for an admin (who covers the whole area). */
  readonly communeIds: readonly string[];
  readonly displayName?: string | null;
  /** The admin inviting from chat or the dashboard; null: an operator at the CLI. */
  readonly by: Official | null;
  readonly via: 'chat' | 'cli' | 'api' | 'dashboard';
  readonly now: Date;
}

/**
 * Makes a one-time invite code (valid 48 h). Only an admin or an operator may invite; the code is
 * shown once and only its hash is stored. Whoever types it in any chat becomes that official.
 */
export async function inviteOfficial(deps: InviteDeps, req: InviteRequest): Promise<{ code: string; expiresAt: Date; inviteId: number }> {
  if (req.by && req.by.role !== 'admin') throw new ForbiddenError('only an admin may invite officials');
  const communeIds = req.role === 'admin' ? [] : [...new Set(req.communeIds)];
  if (req.role === 'official' && communeIds.length === 0) throw new InvalidInputError('an official needs at least one commune');
  const unknown = communeIds.filter((id) => !deps.allCommuneIds.includes(id));
  if (unknown.length) throw new InvalidInputError(`unknown communes: ${unknown.join(', ')}`);
  const code = newInviteCode();
  const expiresAt = new Date(req.now.getTime() + INVITE_HOURS * 3600_000);
  const row = await deps.repo.addInvite({ codeHash: inviteHash(code.replace(/-/g, '')), role: req.role, communeIds, displayName: req.displayName ?? null, createdBy: req.by?.id ?? null, expiresAt });
  await deps.audit.record(deps.db, { officialId: req.by?.id ?? null, via: req.via, action: 'officials.invite', communeId: communeIds.length === 1 ? communeIds[0]! : null, subject: `invite:${row.id}`, detail: { role: req.role, communeIds } });
  return { code, expiresAt, inviteId: row.id };
}
