import { createHash, randomInt } from 'node:crypto';
import type { Caller } from './ports.js';
import { TracingInputError } from './ports.js';
import { inTransaction, type TracingDeps } from './deps.js';

/** A share code lives 24 hours and is spent by its first use. */
export const SHARE_CODE_TTL_MS = 24 * 3600_000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const hash = (code: string) => createHash('sha256').update(`tracing-share:${code}`).digest('hex');

/** "TV-7K4M-Q2XP": no 0/O or 1/I to misread, easy to read aloud over the phone. */
export function normaliseShareCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/^TV/, '');
  return /^[A-HJ-NP-Z2-9]{8}$/.test(s) ? s : null;
}
export const showShareCode = (code: string) => `TV-${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * "Chia sẻ lịch sử cho cán bộ y tế": a resident who tested positive (or their family member they
 * check in) gets a one-time code valid 24 h to give the health official. Only its hash is kept.
 */
export async function createShareCode(deps: TracingDeps, contactId: number, dependentId: number | null): Promise<{ code: string; expiresAt: Date }> {
  const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(deps.now().getTime() + SHARE_CODE_TTL_MS);
  await deps.repo.shareCodes.addShareCode(hash(code), contactId, dependentId, expiresAt);
  return { code: showShareCode(code), expiresAt };
}

/**
 * An official redeems a share code: a person event with that person's visits of the last N days
 * (TRACING_SHARE_DAYS, never beyond visit retention), one window per visit. The code is spent in
 * the same transaction, so a second use (or a race) opens nothing.
 */
export async function openPersonEvent(deps: TracingDeps, caller: Caller, input: { code: string; communeId?: string; days?: number }): Promise<{ eventId: number; windows: number }> {
  const code = normaliseShareCode(input.code);
  if (!code) throw new TracingInputError('bad_share_code', 'a share code looks like TV-XXXX-XXXX');
  const communeId = input.communeId ?? (caller.official?.communeIds.length === 1 ? caller.official.communeIds[0] : undefined);
  if (!communeId) throw new TracingInputError('commune_required', 'say which commune this event belongs to');
  if (caller.official && !caller.official.communeIds.includes(communeId)) throw new TracingInputError('commune_required', `commune ${communeId} is outside your scope`, 403);
  const days = Math.min(input.days ?? deps.settings.shareDays, deps.settings.visitRetentionDays);
  if (!Number.isInteger(days) || days < 1) throw new TracingInputError('bad_days', 'days must be a whole number of at least 1');
  const now = deps.now();
  return inTransaction(deps.db, async (tx) => {
    const spent = await deps.repo.shareCodes.spendShareCode(tx, hash(code), now);
    if (spent === 'unknown') throw new TracingInputError('share_code_unknown', 'no such share code', 404);
    if (spent === 'expired') throw new TracingInputError('share_code_expired', 'this share code has expired (24 h); ask the person for a new one', 410);
    if (spent === 'used') throw new TracingInputError('share_code_used', 'this share code was already used', 409);
    const eventId = await deps.repo.events.createEvent(tx, { kind: 'person', communeId, openedBy: caller.official?.id ?? null, caseContactId: spent.contactId, caseDependentId: spent.dependentId, tailMinutes: deps.settings.tailMinutes, createdAt: now });
    const windows = await deps.repo.events.addWindowsFromVisits(tx, eventId, spent.contactId, spent.dependentId, new Date(now.getTime() - days * 24 * 3600_000));
    await deps.repo.shareCodes.linkShareCode(tx, hash(code), eventId);
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.open', communeId, subject: `event:${eventId}`, detail: { kind: 'person', days, windows } });
    return { eventId, windows };
  });
}
