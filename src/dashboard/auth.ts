import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { DashboardAuthRepo } from '../db/repos/dashboard-auth-repo.js';
import type { AuditPort, Official, OfficialsPort } from './ports.js';

/** A login link lives five minutes (issue 14). */
export const LINK_TTL_MS = 5 * 60_000;
/** A session ends after 30 minutes without a request, and after 12 hours in any case. */
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3600_000;
/** At most this many links per official per quarter hour: a stolen phone cannot mint them endlessly. */
export const LINKS_PER_WINDOW = 5;
export const LINK_WINDOW_MS = 15 * 60_000;
/** lastSeenAt is written at most once a minute per session (pages stay read-only on the database). */
const TOUCH_EVERY_MS = 60_000;

export interface AuthDeps {
  readonly db: Db;
  readonly repo: DashboardAuthRepo;
  readonly officials: OfficialsPort;
  readonly audit: AuditPort;
  /** Where the dashboard is served, e.g. https://quetma.example.vn/quanly */
  readonly baseUrl: string;
  now(): Date;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const secret = () => randomBytes(32).toString('base64url');

export type LinkResult = { readonly ok: true; readonly url: string; readonly expiresAt: Date } | { readonly ok: false; readonly reason: 'rate_limited' };

/** A one-time login link for an official (asked for in their chat). Recorded in the audit log. */
export async function issueLoginLink(deps: AuthDeps, official: Official, via: 'chat' | 'cli'): Promise<LinkResult> {
  const now = deps.now();
  if ((await deps.repo.linksSince(official.id, new Date(now.getTime() - LINK_WINDOW_MS))) >= LINKS_PER_WINDOW) {
    await deps.audit.record(deps.db, { officialId: official.id, via, action: 'dashboard.link_refused', communeId: null, detail: { reason: 'rate_limited' } });
    return { ok: false, reason: 'rate_limited' };
  }
  const token = secret();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  await deps.repo.addLink(hash(token), official.id, expiresAt);
  await deps.audit.record(deps.db, { officialId: official.id, via, action: 'dashboard.link_issued', communeId: null });
  return { ok: true, url: `${deps.baseUrl}/dangnhap/${token}`, expiresAt };
}

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown';

/** What a link is, without spending it (the confirmation page; chat previews must not spend links). */
export async function inspectLoginLink(deps: AuthDeps, token: string): Promise<LinkState> {
  const row = await deps.repo.link(hash(token));
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  return row.expiresAt.getTime() <= deps.now().getTime() ? 'expired' : 'valid';
}

export type RedeemResult = { readonly ok: true; readonly sessionId: string; readonly official: Official } | { readonly ok: false; readonly reason: Exclude<LinkState, 'valid'> | 'not_official' };

/** Spends a link and opens a session; every attempt, good or bad, goes to the audit log. */
export async function redeemLoginLink(deps: AuthDeps, token: string, client: { ip: string }): Promise<RedeemResult> {
  const now = deps.now();
  const sessionId = secret();
  const result = await deps.db.transaction(async (tx) => {
    const officialId = await deps.repo.spendLink(tx, hash(token), now);
    if (officialId === undefined) return undefined;
    const official = await deps.officials.byId(officialId);
    if (!official) return null;
    await deps.repo.addSession(tx, { idHash: hash(sessionId), officialId, now, expiresAt: new Date(now.getTime() + ABSOLUTE_MS) });
    await deps.audit.record(tx, { officialId, via: 'dashboard', action: 'dashboard.login', communeId: null, detail: { ip: client.ip } });
    return official;
  });
  if (result) return { ok: true, sessionId, official: result };
  const state = result === null ? 'not_official' : await inspectLoginLink(deps, token);
  const reason = state === 'valid' ? 'used' : state;
  await deps.audit.record(deps.db, { officialId: null, via: 'dashboard', action: 'dashboard.login_failed', communeId: null, detail: { reason, ip: client.ip } });
  return { ok: false, reason };
}

/** The official behind a session cookie, or null (unknown, ended, idle too long, official revoked). */
export async function resolveSession(deps: AuthDeps, sessionId: string): Promise<Official | null> {
  const idHash = hash(sessionId);
  const row = await deps.repo.session(idHash);
  const now = deps.now();
  if (!row || row.endedAt) return null;
  if (row.expiresAt.getTime() <= now.getTime() || now.getTime() - row.lastSeenAt.getTime() > IDLE_MS) {
    if (await deps.repo.end(deps.db, idHash, now, 'idle')) await deps.audit.record(deps.db, { officialId: row.officialId, via: 'dashboard', action: 'dashboard.session_expired', communeId: null });
    return null;
  }
  const official = await deps.officials.byId(row.officialId);
  if (!official) {
    await deps.repo.end(deps.db, idHash, now, 'revoked');
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await deps.repo.touch(idHash, now);
  return official;
}

export async function logout(deps: AuthDeps, sessionId: string, officialId: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (await deps.repo.end(tx, hash(sessionId), deps.now(), 'logout')) await deps.audit.record(tx, { officialId, via: 'dashboard', action: 'dashboard.logout', communeId: null });
  });
}
