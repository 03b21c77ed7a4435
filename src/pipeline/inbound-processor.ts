import type { Logger } from 'pino';
import type { InboundEvent } from '../channels/contract.js';
import type { Clock } from '../domain/clock.js';
import type { ConversationCore } from '../conversation/core.js';
import { renderReplies } from '../conversation/render.js';
import type { ConversationState, Notice } from '../conversation/types.js';
import type { Db } from '../db/client.js';
import type { ContactsRepo } from '../db/repos/contacts-repo.js';
import type { InboundRepo } from '../db/repos/inbound-repo.js';
import type { NewOutbound, OutboundRepo } from '../db/repos/outbound-repo.js';
import type { AdapterRegistry } from './adapters.js';
import type { PhotoTurns } from './photo-turns.js';

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
  /** Hands new outbound rows to the send queue (after their transaction committed). */
  enqueueOutbound(channel: string, botId: string, ids: readonly number[]): Promise<void>;
}

/** Idle flows are forgotten after a day (issue 4: a half-finished flow expires after a day). */
const STATE_TTL_MS = 24 * 3600 * 1000;

/**
 * Turns one stored update into replies. Chats are processed strictly in arrival order: while an
 * earlier update of the same chat is unprocessed, this one waits. The replies, the new state and
 * the "processed" mark are written in one transaction, so a crash never leaves half a turn.
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
  const state = ((await deps.contacts.getState(contact.id, now)) ?? {}) as ConversationState;
  const result = await deps.core.handle({
    event,
    person: { contactId: contact.linkedTo ?? contact.id, chatContactId: contact.id, role: contact.role, displayName: contact.displayName ?? undefined },
    state,
    now,
    capabilities: adapter.capabilities,
    inboundId: row.id,
  });
  const { parts, choices } = renderReplies(result.replies, adapter.capabilities);
  const nextState: ConversationState = { ...(result.state.flow ? { flow: result.state.flow } : {}), ...(choices ? { choices } : {}) };
  const expiresAt = result.stateExpiresAt === undefined ? new Date(now.getTime() + STATE_TTL_MS) : result.stateExpiresAt;

  const notices = noticeRows(deps, result.notices ?? [], row.id);
  const ids = await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (!(await deps.inbound.finish(tx, row.id, 'processed'))) return null;
    await deps.contacts.saveState(tx, contact.id, nextState, expiresAt);
    const own = await deps.outbound.add(tx, parts.map((part) => ({ channel: row.channel, botId: row.botId, chatId: event.chatId, inboundId: row.id, part })));
    const others = notices.length ? await deps.outbound.add(tx, notices) : [];
    return { own, others: others.map((id, i) => ({ id, channel: notices[i]!.channel, botId: notices[i]!.botId })) };
  });
  if (ids === null) return { kind: 'done' };
  if (event.body.type === 'choice' && event.body.callbackId) {
    adapter.acknowledgeChoice?.(event.body.callbackId).catch((err: unknown) => deps.log.debug({ err }, 'choice acknowledgement failed'));
  }
  await deps.enqueueOutbound(row.channel, row.botId, ids.own);
  const groups = new Map<string, { channel: string; botId: string; ids: number[] }>();
  for (const o of ids.others) {
    const g = groups.get(`${o.channel}/${o.botId}`) ?? { channel: o.channel, botId: o.botId, ids: [] };
    g.ids.push(o.id);
    groups.set(`${o.channel}/${o.botId}`, g);
  }
  for (const g of groups.values()) await deps.enqueueOutbound(g.channel, g.botId, g.ids);
  return { kind: 'done' };
}

/** Outbound rows for notices, rendered for the receiving platform; notices to switched-off channels are dropped (logged). */
function noticeRows(deps: InboundDeps, notices: readonly Notice[], inboundId: number): NewOutbound[] {
  return notices.flatMap((n) => {
    const adapter = deps.adapters.byChannel(n.to.channel);
    if (!adapter) {
      deps.log.warn({ channel: n.to.channel }, 'notice to a channel that is switched off was dropped');
      return [];
    }
    const { parts } = renderReplies(n.replies, adapter.capabilities);
    return parts.map((part) => ({ channel: adapter.channel, botId: adapter.botId, chatId: n.to.chatId, inboundId, part }));
  });
}
