import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import { OfficialsRepo, type OfficialRow } from '../db/repos/officials-repo.js';
import { issueApiToken, officialForToken } from './api-token.js';
import { officialsDirectory } from './directory.js';
import { inviteOfficial, type InviteRequest } from './invite.js';
import { redeemInvite, type RedeemResult } from './redeem-invite.js';
import { revokeOfficial } from './revoke.js';
import type { Official, OfficialsDirectory } from './types.js';

export type { Official, OfficialRole, OfficialsDirectory } from './types.js';
export { assertInScope, ForbiddenError, inScope } from './types.js';

/**
 * Officials as the runtime exposes them (`rt.officials`, `FeatureHost.officials`): the directory
 * every use-case asks "who is this, and where may they act", plus the invite/revoke/token use-cases
 * the chat, the CLI and the dashboard share.
 */
export interface Officials extends OfficialsDirectory {
  invite(req: InviteRequest): Promise<{ code: string; expiresAt: Date; inviteId: number }>;
  redeem(typed: string, chat: { contactId: number; channel: string; chatId: string; displayName: string | null }, now: Date): Promise<RedeemResult>;
  revoke(id: number, by: { officialId: number | null; via: 'chat' | 'cli' | 'api' | 'dashboard' }, now: Date): Promise<boolean>;
  /** Every official row, revoked ones too (for `officials:list`). */
  list(): Promise<OfficialRow[]>;
  issueApiToken(officialId: number, via: 'cli' | 'chat'): Promise<string>;
  forToken(token: string, now: Date): Promise<Official | null>;
}

export function createOfficials(deps: { db: Db; audit: AuditLog; allCommuneIds: readonly string[] }): Officials {
  const repo = new OfficialsRepo(deps.db);
  const d = { ...deps, repo };
  return {
    ...officialsDirectory(repo, deps.allCommuneIds),
    invite: (req) => inviteOfficial(d, req),
    redeem: (typed, chat, now) => redeemInvite(d, typed, chat, now),
    revoke: (id, by, now) => revokeOfficial(d, id, by, now),
    list: () => repo.all(),
    issueApiToken: (id, via) => issueApiToken(d, id, via),
    forToken: (token, now) => officialForToken(d, token, now),
  };
}
