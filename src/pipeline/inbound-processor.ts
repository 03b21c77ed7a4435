import type { Logger } from 'pino';
import type { InboundEvent } from '../channels/contract.js';
import type { Clock } from '../domain/clock.js';
import type { ConversationCore } from '../conversation/core.js';
import { renderReplies } from '../conversation/render.js';
import type { ConversationState, Notice } from '../conversation/types.js';
import type { Db } from '../db/client.js';
import type { ContactsRepo } from '../db/repos/contacts-repo.js';
import type { InboundRepo } from '../db/repos/inbound-repo.js';
import type { OutboundRepo } from '../db/repos/outbound-repo.js';
import type { Outbox, OutboxMessage, OutboxReceipt } from '../outbox/types.js';
import { inOneTransaction } from '../db/unit-of-work.js';
import { AppError } from '../domain/errors.js';
import type { AdapterRegistry } from './adapters.js';
import { isTransient } from './turn-errors.js';
import type { PhotoTurns } from './photo-turns.js';
import { pipelineTexts } from './texts.js';

export type ProcessOutcome = { readonly kind: 'done' } | { readonly kind: 'wait'; readonly ms: number };

export interface InboundDeps {
  readonly db: Db;
  readonly inbound: InboundRepo;
  readonly outbound: OutboundRepo;
  readonly contacts: ContactsRepo;
  readonly adapters: AdapterRegistry;
  readonly core: ConversationCore;
  readonly clock: Clock;
  readonly log: Logger;
  /** Caps concurrent photo turns so photos never take every slot from text turns (absent: no cap). */
  readonly photoTurns?: PhotoTurns;
  /** Writes the turn's replies and notices with the turn, and queues them after the commit. */
  readonly outbox: Outbox;
  /** Records platform delivery receipts of sent messages (the broadcast ledger's delivered / seen). */
  receipts?(channel: string, platformMessageIds: readonly string[], kind: 'delivered' | 'seen', at: Date): Promise<void>;
}

/** Idle flows are forgotten after a day (issue 4: a half-finished flow expires after a day). */
const STATE_TTL_MS = 24 * 3600 * 1000;

/**
 * Turns one stored update into replies. Chats are processed strictly in arrival order: while an
 * earlier update of the same chat is unprocessed, this one waits. A turn is one transaction: what
 * the features write, the replies, the new state and the "processed" mark commit together, so a
 * crash, a retry or a replay never leaves half a turn nor writes a venue or a registration twice.
 * A programming error rolls all of it back and the resident gets a short apology at once.
 */
export async function processInbound(deps: InboundDeps, updateId: number): Promise<ProcessOutcome> {
  const row = await deps.inbound.get(updateId);
  if (!row || row.status !== 'received') return { kind: 'done' };
  if (await deps.inbound.hasEarlierPending(row)) return { kind: 'wait', ms: 150 };

  const adapter = deps.adapters.get(row.channel, row.botId);
  const parsed = adapter?.parse(row.payload);
  if (!adapter || !parsed?.ok || !parsed.event) {
    await deps.inbound.finish(deps.db, row.id, 'ignored', adapter ? undefined : 'channel is switched off');
    return { kind: 'done' };
  }
  const event = parsed.event;
  if (event.body.type === 'receipt') {
    // A receipt is no interaction: no contact update (it must not reopen Zalo's 7-day window), no turn.
    await deps.receipts?.(event.channel, event.body.platformMessageIds, event.body.kind, event.at);
    await deps.inbound.finish(deps.db, row.id, 'processed');
    return { kind: 'done' };
  }
  if (event.body.type !== 'image' || !deps.photoTurns) return turn(deps, row, adapter, event);
  if (!deps.photoTurns.tryAcquire()) return { kind: 'wait', ms: PHOTO_RETRY_MS };
  try {
    return await turn(deps, row, adapter, event);
  } finally {
    deps.photoTurns.release();
  }
}

/** How soon a photo turn that found every photo slot busy is tried again. */
const PHOTO_RETRY_MS = 250;

type Row = NonNullable<Awaited<ReturnType<InboundRepo['get']>>>;

async function turn(deps: InboundDeps, row: Row, adapter: NonNullable<ReturnType<AdapterRegistry['get']>>, event: InboundEvent): Promise<ProcessOutcome> {
  const now = deps.clock.now();
  const contact = await deps.contacts.upsertFromEvent(event);
  let receipt: OutboxReceipt | null;
  try {
    // Everything the features write joins this transaction (src/db/unit-of-work.ts) and commits
    // with the new state, the replies and the "processed" mark, or not at all.
    receipt = await inOneTransaction(deps.db, async (tx) => {
      if (!(await deps.inbound.lockForTurn(tx, row.id))) return null;
      const state = ((await deps.contacts.getState(contact.id, now)) ?? {}) as ConversationState;
      const result = await deps.core.handle({
        event,
        person: { contactId: contact.linkedTo ?? contact.id, chatContactId: contact.id, role: contact.role, displayName: contact.displayName ?? undefined },
        state,
        now,
        capabilities: adapter.capabilities,
        inboundId: row.id,
      });
      const { choices } = renderReplies(result.replies, adapter.capabilities);
      const nextState: ConversationState = { ...(result.state.flow ? { flow: result.state.flow } : {}), ...(choices ? { choices } : {}) };
      const expiresAt = result.stateExpiresAt === undefined ? new Date(now.getTime() + STATE_TTL_MS) : result.stateExpiresAt;
      const ownMessage: OutboxMessage = { to: { channel: row.channel, botId: row.botId, chatId: event.chatId }, priority: 'reply', parts: result.replies, inboundId: row.id, dedupe: { kind: 'reply', key: String(row.id) } };
      const notices = noticeMessages(deps, result.notices ?? [], row);
      await deps.contacts.saveState(tx, contact.id, nextState, expiresAt);
      if (!(await deps.inbound.finish(tx, row.id, 'processed'))) throw new AppError('turn_raced', `update ${row.id} was finished by another run`, { retryable: true });
      return deps.outbox.add(tx, [ownMessage, ...notices]);
    });
  } catch (err) {
    if (isTransient(err)) throw err;
    return failTurn(deps, row, event, err);
  }
  if (receipt === null) return { kind: 'done' };
  if (event.body.type === 'choice' && event.body.callbackId) {
    adapter.acknowledgeChoice?.(event.body.callbackId).catch((err: unknown) => deps.log.debug({ err }, 'choice acknowledgement failed'));
  }
  await deps.outbox.afterCommit(receipt);
  return { kind: 'done' };
}

/**
 * Notices as outbox messages, each to the exact bot that serves the receiving chat; a notice that
 * names no bot (older callers) goes to the channel's one bot. Deduped per turn and position, so a
 * replayed turn never forwards twice.
 */
function noticeMessages(deps: InboundDeps, notices: readonly Notice[], row: { id: number; channel: string; botId: string }): OutboxMessage[] {
  return notices.flatMap((n, i) => {
    const botId = n.to.botId ?? (n.to.channel === row.channel ? row.botId : deps.adapters.byChannel(n.to.channel)?.botId);
    if (!botId) {
      deps.log.warn({ channel: n.to.channel, updateId: row.id }, 'notice to a channel that is switched off was dropped');
      return [];
    }
    return [{ to: { channel: n.to.channel, botId, chatId: n.to.chatId }, priority: 'reply' as const, parts: n.replies, inboundId: row.id, dedupe: { kind: 'notice', key: `${row.id}:${i}` } }];
  });
}

/** What the resident hears when their message hit a bug: at once, instead of minutes of retries. */
export const APOLOGY = pipelineTexts.xinLoiToiGapLoi;

/**
 * A programming error (or data no retry can fix): the update is marked failed with its reason, the
 * error is logged with the update id, and the resident gets a short apology, in one transaction.
 */
async function failTurn(deps: InboundDeps, row: { id: number; channel: string; botId: string }, event: { chatId: string }, err: unknown): Promise<ProcessOutcome> {
  deps.log.error({ err, updateId: row.id, channel: row.channel, botId: row.botId }, 'turn failed with a programming error; update marked failed, not retried');
  const receipt = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (!(await deps.inbound.finish(tx, row.id, 'failed', String(err instanceof Error ? `${err.name}: ${err.message}` : err).slice(0, 500)))) return null;
    return deps.outbox.add(tx, [{ to: { channel: row.channel, botId: row.botId, chatId: event.chatId }, priority: 'reply', parts: [{ type: 'text', text: APOLOGY }], inboundId: row.id, dedupe: { kind: 'reply', key: String(row.id) } }]);
  });
  if (receipt) await deps.outbox.afterCommit(receipt);
  return { kind: 'done' };
}
