import type { Logger } from 'pino';
import { SendError, type OutboundPart } from '../channels/contract.js';
import type { ContactsRepo } from '../db/repos/contacts-repo.js';
import type { OutboundRepo, OutboundRow } from '../db/repos/outbound-repo.js';
import { PAUSE_RECHECK_MS, type PausedBots } from '../outbox/bot-health.js';
import type { AdapterRegistry } from './adapters.js';

export type SendOutcome =
  | { readonly kind: 'done'; readonly status: string }
  | { readonly kind: 'wait'; readonly ms: number }
  /** The platform throttled the whole bot: pause it for `ms`, then retry this message. */
  | { readonly kind: 'rate-limited'; readonly ms: number }
  /** The platform rejected the bot's token: pause the bot's whole queue for `ms`, then try again. */
  | { readonly kind: 'paused'; readonly ms: number };

/** Per-chat pacing (Telegram: about 1 msg/s per chat, short bursts tolerated). Returns ms to wait. */
export interface ChatPacer {
  take(key: string, burst: number, perSecond: number): Promise<number>;
}

export interface OutboundDeps {
  readonly outbound: OutboundRepo;
  readonly contacts: ContactsRepo;
  readonly adapters: AdapterRegistry;
  readonly pacer: ChatPacer;
  readonly log: Logger;
  /** This process's identity on its claims (see OutboxWorkerRegistry). */
  readonly workerId?: string;
  /** How long a claim holds even if the worker's heartbeat cannot be seen (default CLAIM_LEASE_MS). */
  readonly leaseMs?: number;
  readonly botHealth?: PausedBots;
  /** Resolves rows claimed by dead workers (by class); returns how many. */
  resolveAbandoned?(): Promise<number>;
  now?(): Date;
  /** Treat a `sending` row this old as abandoned regardless of its worker (tests, old rows). */
  readonly stuckAfterMs?: number;
}

/** A claim's lease: longer than any platform call (they time out well before). */
export const CLAIM_LEASE_MS = 30_000;
/** How long a bot with a rejected token waits before one message tries it again (shared by all processes). */
export const AUTH_PAUSE_MS = 60_000;

/**
 * Sends one ledger row. The row is claimed before the platform call and finished after it, so a
 * retried job never sends twice. Every row ends: `final` marks the queue's last attempt, after
 * which a retryable failure becomes `failed` instead of going back to `pending`.
 */
export async function processOutbound(deps: OutboundDeps, id: number, opts: { final?: boolean } = {}): Promise<SendOutcome> {
  const row = await deps.outbound.get(id);
  if (!row) return { kind: 'done', status: 'missing' };
  if (row.status === 'sending') return waitForClaim(deps, row);
  if (row.status !== 'pending') return { kind: 'done', status: row.status };
  const now = deps.now?.() ?? new Date();
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    await deps.outbound.endPending(row.id, 'expired', `older than a ${row.priority} may be (expired ${row.expiresAt.toISOString()})`);
    return { kind: 'done', status: 'expired' };
  }
  if (row.dueAt && row.dueAt.getTime() > now.getTime()) return { kind: 'wait', ms: row.dueAt.getTime() - now.getTime() };
  const adapter = deps.adapters.get(row.channel, row.botId);
  if (!adapter) {
    if (!opts.final) throw new SendError('retry', `channel ${row.channel} is switched off`);
    await deps.outbound.endPending(row.id, 'failed', `bot ${row.channel}/${row.botId} is switched off`);
    return { kind: 'done', status: 'failed' };
  }
  // A bot whose token was rejected (by any process) holds its queue; after `retryAt` this send probes.
  const hold = (await deps.botHealth?.holdMs(row.channel, row.botId)) ?? 0;
  if (hold > 0) return { kind: 'paused', ms: hold };
  if (await deps.outbound.hasEarlierUnsent(row)) return { kind: 'wait', ms: 200 };
  const { perChatBurst, perChatPerSecond } = adapter.capabilities.rate;
  const waitMs = await deps.pacer.take(`${row.channel}:${row.botId}:${row.chatId}`, perChatBurst, perChatPerSecond);
  if (waitMs > 0) return { kind: 'wait', ms: waitMs };

  const claimed = await deps.outbound.claim(row.id, deps.workerId, deps.leaseMs ?? CLAIM_LEASE_MS);
  if (!claimed) return { kind: 'done', status: 'claimed-elsewhere' };
  try {
    const result = await adapter.send({ chatId: row.chatId, part: row.part as OutboundPart });
    await deps.outbound.finish(row.id, 'sent', result.platformMessageId ? { platformMessageId: result.platformMessageId } : {});
    await deps.botHealth?.accepted(row.channel, row.botId).catch((err: unknown) => deps.log.warn({ err, channel: row.channel, botId: row.botId }, 'bot pause not lifted; the next send lifts it'));
    return { kind: 'done', status: 'sent' };
  } catch (err) {
    return handleSendError(deps, row, err, opts.final ?? false);
  }
}

/** Another claim holds the row: wait for it, or resolve it when its worker is gone. */
async function waitForClaim(deps: OutboundDeps, row: OutboundRow): Promise<SendOutcome> {
  const age = Date.now() - (row.claimedAt?.getTime() ?? 0);
  if (deps.stuckAfterMs !== undefined && age >= deps.stuckAfterMs) {
    await deps.outbound.markStuckUncertain(deps.stuckAfterMs);
    return { kind: 'done', status: 'uncertain' };
  }
  if (deps.resolveAbandoned && (await deps.resolveAbandoned()) > 0) return { kind: 'wait', ms: 50 };
  return { kind: 'wait', ms: 1000 };
}

async function handleSendError(deps: OutboundDeps, row: OutboundRow, err: unknown, final: boolean): Promise<SendOutcome> {
  const e = err instanceof SendError ? err : new SendError('retry', String(err), { cause: err });
  const id = row.id;
  deps.log.warn({ outboundId: id, channel: row.channel, botId: row.botId, kind: e.kind, platformCode: e.platformCode, msg: e.message, final }, 'send failed');
  switch (e.kind) {
    case 'unreachable':
      // The contact first: whoever sees the row ended also sees the chat marked.
      await deps.contacts.markUnreachable(row.channel, row.botId, row.chatId, e.message);
      await deps.outbound.finish(id, 'unreachable', { error: e.message });
      return { kind: 'done', status: 'unreachable' };
    case 'fatal':
      await deps.outbound.finish(id, 'failed', { error: `refused by the platform: ${e.message}` });
      return { kind: 'done', status: 'failed' };
    case 'rate-limited':
      await deps.outbound.release(id, e.message);
      return { kind: 'rate-limited', ms: e.retryAfterMs ?? 1000 };
    case 'auth':
      await deps.outbound.release(id, `bot token rejected: ${e.message}`);
      await deps.botHealth?.rejected(row.channel, row.botId, e.message, AUTH_PAUSE_MS);
      return { kind: 'paused', ms: PAUSE_RECHECK_MS };
    default:
      if (final) {
        await deps.outbound.finish(id, 'failed', { error: `retries exhausted: ${e.message}` });
        return { kind: 'done', status: 'failed' };
      }
      await deps.outbound.release(id, e.message);
      throw e;
  }
}
