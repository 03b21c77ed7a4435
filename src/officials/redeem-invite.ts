import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import type { OfficialsRepo } from '../db/repos/officials-repo.js';
import { inviteHash, normaliseInviteCode } from './codes.js';
import { toOfficial } from './directory.js';
import type { Official } from './types.js';

export interface RedeemDeps {
  readonly db: Db;
  readonly repo: OfficialsRepo;
  readonly audit: AuditLog;
  readonly allCommuneIds: readonly string[];
}

export type RedeemResult = { readonly kind: 'joined'; readonly official: Official } | { readonly kind: 'unknown' };

/** Spends an invite typed in a chat: that chat's person becomes an official of the invite's communes. */
export async function redeemInvite(
  deps: RedeemDeps,
  typed: string,
  chat: { contactId: number; channel: string; chatId: string; displayName: string | null },
  now: Date,
): Promise<RedeemResult> {
  const canonical = normaliseInviteCode(typed);
  if (!canonical) return { kind: 'unknown' };
  const outcome = await deps.repo.redeemInvite(inviteHash(canonical), chat, now);
  if (outcome.kind !== 'joined') return outcome;
  const official = toOfficial([outcome.official], deps.allCommuneIds)!;
  await deps.audit.record(deps.db, { officialId: official.id, via: 'chat', action: 'officials.join', communeId: null, subject: `invite:${outcome.invite.id}`, detail: { role: official.role, channel: chat.channel } });
  return { kind: 'joined', official };
}
