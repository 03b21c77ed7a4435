import type { Logger } from 'pino';
import { SendError, type OutboundPart } from '../channels/contract.js';
import type { ContactsRepo } from '../db/repos/contacts-repo.js';
import type { OutboundRepo, OutboundRow } from '../db/repos/outbound-repo.js';
import { PAUSE_RECHECK_MS, type PausedBots } from '../outbox/bot-health.js';
import type { AdapterRegistry } from './adapters.js';
import { keepSlot, onTime, takeSlot, type BotPacer, type HeldSlot } from './send-slot.js';

export type { BotPacer, PaceRates, Reservation } from './send-slot.js';

export type SendOutcome =
  | { readonly kind: 'done'; readonly status: string }
  | { readonly kind: 'wait'; readonly ms: number }
  /** The platform throttled the whole bot: pause it for `ms`, then retry this message. */
  | { readonly kind: 'rate-limited'; readonly ms: number }
  /** The platform rejected the bot's token: pause the bot's whole queue for `ms`, then try again. */
  | { readonly kind: 'paused'; readonly ms: number; readonly held?: true };

/** Per-chat pacing (Telegram: about 1 msg/s per chat, short bursts tolerated). Returns ms to wait. */
export interface ChatPacer {
  take(key: string, burst: number, perSecond: number): Promise<number>;
}

/** The ledger steps of a send, as BatchedSendLedger provides them. */
export interface SendLedger {
  get(id: number): Promise<OutboundRow | undefined>;
  claim(row: Pick<OutboundRow, 'id' | 'channel' | 'botId' | 'chatId' | 'priority'>): Promise<boolean>;
  finish(f: { id: number; status: 'sent'; platformMessageId?: string }): Promise<void>;
  /** How long before its slot a send should claim its row (a high quantile of recent claim times). */
  claimLeadMs?(): number;
}

export interface OutboundDeps {
  readonly outbound: OutboundRepo;
  readonly contacts: ContactsRepo;
  readonly adapters: AdapterRegistry;
  readonly pacer: ChatPacer;
  /** Bot-wide pacing shared by every sender; absent: the queue's own limiter paces (older setups, tests). */
  readonly botPacer?: BotPacer;
  /** Read / claim / finish batched across the sends in flight (src/outbox/send-ledger.ts); absent: one statement each. */
  readonly sendLedger?: SendLedger;
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
  /**
   * Told of each pacer slot a send gave up because it would have left late (a busy event loop
   * before the claim, or a slow claim after it). Each is a slot of the bot's rate that nobody
   * used, so a steady count explains a broadcast slower than the platform allows.
   */
  onSlotMissed?(channel: string, stage: SlotMissStage): void;
}

/** Where a send gave up its slot: waiting to claim, or after a claim that came back late. */
export type SlotMissStage = 'before-claim' | 'after-claim';

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
  const row = await (deps.sendLedger ?? deps.outbound).get(id);
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
  if (hold > 0) return { kind: 'paused', ms: hold, held: true };
  // A broadcast chat almost never has an earlier unsent message: bulk rows skip this round trip
  // and rely on the same check inside the claim (claimIfNext) instead.
  if (row.priority !== 'bulk' && (await deps.outbound.hasEarlierUnsent(row))) return { kind: 'wait', ms: 200 };
  const { perChatBurst, perChatPerSecond, perSecond } = adapter.capabilities.rate;
  const chatKey = `${row.channel}:${row.botId}:${row.chatId}`;
  const botKey = `${row.channel}:${row.botId}`;
  let slot: HeldSlot | undefined;
  if (deps.botPacer) {
    // The bot's and the chat's slot together (one chat at most perChatPerSecond, evenly spaced:
    // a platform counting a sliding second answers a burst with a 429 that pauses the whole bot).
    const got = await takeSlot(deps.botPacer, botKey, chatKey, { perSecond, perChatPerSecond }, row.priority);
    if ('waitMs' in got) return { kind: 'wait', ms: got.waitMs };
    slot = got;
    // Claim just before the slot, so the claim's round trip does not make the call late.
    const claimLead = deps.sendLedger?.claimLeadMs?.() ?? 0;
    if (!(await keepSlot(deps.botPacer, botKey, chatKey, { perSecond, perChatPerSecond }, slot, row.priority, claimLead, () => deps.onSlotMissed?.(row.channel, 'before-claim')))) return { kind: 'wait', ms: 200 };
  } else {
    const waitMs = await deps.pacer.take(chatKey, perChatBurst, perChatPerSecond);
    if (waitMs > 0) return { kind: 'wait', ms: waitMs };
  }

  const claimed = deps.sendLedger ? await deps.sendLedger.claim(row) : await deps.outbound.claimIfNext(row, deps.workerId, deps.leaseMs ?? CLAIM_LEASE_MS);
  if (!claimed) {
    // Still pending: an earlier message to this chat is unsent (keep the chat's order).
    const now = await deps.outbound.get(row.id);
    return now?.status === 'pending' ? { kind: 'wait', ms: 200 } : { kind: 'done', status: 'claimed-elsewhere' };
  }
  if (slot && !(await onTime(slot))) {
    deps.onSlotMissed?.(row.channel, 'after-claim');
    // The claim took longer than usual: leaving now would bunch with the sends behind it. The row
    // goes back to pending (not held claimed while waiting: a crash would leave it uncertain).
    await deps.outbound.release(row.id, 'send slot missed; sent later');
    return { kind: 'wait', ms: 50 };
  }
  try {
    const result = await adapter.send({ chatId: row.chatId, part: row.part as OutboundPart });
    if (deps.sendLedger) await deps.sendLedger.finish({ id: row.id, status: 'sent', ...(result.platformMessageId ? { platformMessageId: result.platformMessageId } : {}) });
    else await deps.outbound.finish(row.id, 'sent', result.platformMessageId ? { platformMessageId: result.platformMessageId } : {});
    await deps.botHealth?.accepted(row.channel, row.botId).catch((err: unknown) => deps.log.warn({ err, channel: row.channel, botId: row.botId }, 'bot pause not lifted; the next send lifts it'));
    return { kind: 'done', status: 'sent' };
  } catch (err) {
    const outcome = await handleSendError(deps, row, err, opts.final ?? false);
    // Throttled or token refused: every send of this bot waits, in every process.
    if (outcome.kind === 'rate-limited' || outcome.kind === 'paused') await deps.botPacer?.pause(`${row.channel}:${row.botId}`, outcome.ms);
    return outcome;
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
