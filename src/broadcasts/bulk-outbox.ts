import { sql } from 'drizzle-orm';
import type { Outbox, OutboxReceipt } from '../outbox/types.js';
import type { BulkOutbox } from './ports.js';
import { rowsOf, textArray } from './sql-rows.js';

/** Dedupe kind of broadcast messages: one ledger message per broadcast recipient row, ever. */
export const BROADCAST_DEDUPE = 'broadcast-recipient';

/** A receipt not handed on within this long belongs to a transaction that rolled back. */
const STALE_RECEIPT_MS = 60_000;

/**
 * Broadcast messages through issue 11's outbox, `bulk` class (replies, alerts and reminders go
 * first on the shared per-bot limit). Each message carries its recipient row id as dedupe key, so
 * handing the same recipient over twice can never create a second message; the ids come back in
 * the order given, read by that key (also for a row an earlier attempt already wrote).
 */
export function bulkOutbox(outbox: Outbox): BulkOutbox {
  // Receipts between `add` and `afterCommit` (the same engine step). A transaction that rolled back
  // never calls `afterCommit`: its receipt is dropped after a minute instead of kept for ever.
  const pending = new Map<string, { receipt: OutboxReceipt; at: number }>();
  return {
    async add(tx, messages) {
      const receipt = await outbox.add(
        tx,
        messages.map((m) => ({ to: { channel: m.channel, botId: m.botId, chatId: m.chatId }, priority: 'bulk' as const, parts: [m.part], dedupe: { kind: BROADCAST_DEDUPE, key: m.key } })),
      );
      const rows = rowsOf(
        await tx.execute(sql`select dedupe_key, max(id) as id from outbound_messages where dedupe_kind = ${BROADCAST_DEDUPE}
          and dedupe_key = any(${textArray(messages.map((m) => m.key))}::text[]) group by dedupe_key`),
      );
      const byKey = new Map(rows.map((r) => [String(r.dedupe_key), Number(r.id)]));
      const ids = messages.map((m) => byKey.get(m.key) ?? 0);
      const now = Date.now();
      for (const [key, p] of pending) if (now - p.at > STALE_RECEIPT_MS) pending.delete(key);
      if (ids.length) pending.set(ids.join(','), { receipt, at: now });
      return ids;
    },
    async afterCommit(_channel, _botId, ids) {
      const got = pending.get(ids.join(','));
      pending.delete(ids.join(','));
      if (got) await outbox.afterCommit(got.receipt);
    },
  };
}
