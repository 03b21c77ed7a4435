import type { Logger } from 'pino';
import { SendError, type OutboundPart } from '../channels/contract.js';
import type { ContactsRepo } from '../db/repos/contacts-repo.js';
import type { OutboundRepo } from '../db/repos/outbound-repo.js';
import type { AdapterRegistry } from './adapters.js';

export type SendOutcome =
  | { readonly kind: 'done'; readonly status: string }
  | { readonly kind: 'wait'; readonly ms: number }
  /** The platform throttled the whole bot: pause it for `ms`, then retry this message. */
  | { readonly kind: 'rate-limited'; readonly ms: number };

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
  /** How long a `sending` row may stay claimed before it counts as abandoned (default STUCK_SENDING_MS). */
  readonly stuckAfterMs?: number;
}

/** A row left in `sending` this long belonged to a worker that died mid-call. */
export const STUCK_SENDING_MS = 60_000;

/**
 * Sends one ledger row. The row is claimed before the platform call and finished after it, so a
 * retried or crashed job never sends twice. Throws `SendError` (retryable or not) for the queue's
 * retry policy; returns `wait` to keep a chat's messages in order and paced.
 */
export async function processOutbound(deps: OutboundDeps, id: number): Promise<SendOutcome> {
  const row = await deps.outbound.get(id);
  if (!row) return { kind: 'done', status: 'missing' };
  if (row.status === 'sending') {
    const age = Date.now() - (row.claimedAt?.getTime() ?? 0);
    const stuckAfter = deps.stuckAfterMs ?? STUCK_SENDING_MS;
    if (age < stuckAfter) return { kind: 'wait', ms: Math.min(1000, stuckAfter) };
    await deps.outbound.markStuckUncertain(stuckAfter);
    return { kind: 'done', status: 'uncertain' };
  }
  if (row.status !== 'pending') return { kind: 'done', status: row.status };
  const adapter = deps.adapters.get(row.channel, row.botId);
  if (!adapter) throw new SendError('retry', `channel ${row.channel} is switched off`);
  if (await deps.outbound.hasEarlierUnsent(row)) return { kind: 'wait', ms: 200 };
  const { perChatBurst, perChatPerSecond } = adapter.capabilities.rate;
  const waitMs = await deps.pacer.take(`${row.channel}:${row.botId}:${row.chatId}`, perChatBurst, perChatPerSecond);
  if (waitMs > 0) return { kind: 'wait', ms: waitMs };

  const claimed = await deps.outbound.claim(row.id);
  if (!claimed) return { kind: 'done', status: 'claimed-elsewhere' };
  try {
    const result = await adapter.send({ chatId: row.chatId, part: row.part as OutboundPart });
    await deps.outbound.finish(row.id, 'sent', result.platformMessageId ? { platformMessageId: result.platformMessageId } : {});
    return { kind: 'done', status: 'sent' };
  } catch (err) {
    return handleSendError(deps, row.id, row, err);
  }
}

async function handleSendError(
  deps: OutboundDeps,
  id: number,
  row: { channel: string; botId: string; chatId: string },
  err: unknown,
): Promise<SendOutcome> {
  const e = err instanceof SendError ? err : new SendError('retry', String(err), { cause: err });
  deps.log.warn({ outboundId: id, channel: row.channel, kind: e.kind, platformCode: e.platformCode, msg: e.message }, 'send failed');
  switch (e.kind) {
    case 'unreachable':
      await deps.outbound.finish(id, 'unreachable', { error: e.message });
      await deps.contacts.markUnreachable(row.channel, row.botId, row.chatId, e.message);
      return { kind: 'done', status: 'unreachable' };
    case 'fatal':
      await deps.outbound.finish(id, 'failed', { error: e.message });
      return { kind: 'done', status: 'failed' };
    case 'rate-limited':
      await deps.outbound.release(id, e.message);
      return { kind: 'rate-limited', ms: e.retryAfterMs ?? 1000 };
    default:
      await deps.outbound.release(id, e.message);
      throw e;
  }
}
