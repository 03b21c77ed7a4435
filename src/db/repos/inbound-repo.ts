import { and, eq, lt, or, sql } from 'drizzle-orm';
import { ItemFailed, microBatch } from '../../pipeline/micro-batch.js';
import { isDataRefusal } from '../../pipeline/safe-payload.js';
import type { Db } from '../client.js';
import { inboundUpdates } from '../schema/inbound.js';

export type InboundRow = typeof inboundUpdates.$inferSelect;

export interface NewInbound {
  readonly channel: string;
  readonly botId: string;
  readonly key: string;
  readonly chatId: string;
  readonly payload: unknown;
  readonly status?: string;
}

const keyOf = (u: { channel: string; botId: string; key: string }) => `${u.channel}\u0000${u.botId}\u0000${u.key}`;

export interface StoreResult {
  readonly id: number;
  /** False when this (channel, bot, key) was already stored: a platform redelivery. */
  readonly inserted: boolean;
  readonly status: string;
}

/** Durable record of accepted webhook updates; see the schema's doc for the life cycle. */
export class InboundRepo {
  constructor(private readonly db: Db) {}

  /**
   * Stores one update; concurrent calls share one INSERT (see microBatch). When Postgres refuses a
   * batch for its data (one poison update), each update is stored alone, so only the poison fails.
   */
  readonly store = microBatch(async (rows: NewInbound[]): Promise<(StoreResult | ItemFailed)[]> => {
    try {
      return await this.storeMany(rows);
    } catch (err) {
      if (rows.length === 1 || !isDataRefusal(err)) throw err;
      return Promise.all(rows.map((r) => this.storeMany([r]).then(([one]) => one!, (e: unknown) => new ItemFailed(e))));
    }
  });

  /** Inserts many updates in one statement; already-stored keys come back with inserted: false. */
  async storeMany(rows: readonly NewInbound[]): Promise<StoreResult[]> {
    const inserted = await this.db
      .insert(inboundUpdates)
      .values(rows.map((u) => ({ channel: u.channel, botId: u.botId, key: u.key, chatId: u.chatId, payload: u.payload, status: u.status ?? 'received' })))
      .onConflictDoNothing()
      .returning({ id: inboundUpdates.id, status: inboundUpdates.status, channel: inboundUpdates.channel, botId: inboundUpdates.botId, key: inboundUpdates.key });
    const byKey = new Map<string, StoreResult>();
    for (const r of inserted) byKey.set(keyOf(r), { id: r.id, status: r.status, inserted: true });
    const missing = rows.filter((u) => !byKey.has(keyOf(u)));
    if (missing.length > 0) {
      const existing = await this.db
        .select({ id: inboundUpdates.id, status: inboundUpdates.status, channel: inboundUpdates.channel, botId: inboundUpdates.botId, key: inboundUpdates.key })
        .from(inboundUpdates)
        .where(or(...missing.map((u) => and(eq(inboundUpdates.channel, u.channel), eq(inboundUpdates.botId, u.botId), eq(inboundUpdates.key, u.key)))));
      for (const r of existing) if (!byKey.has(keyOf(r))) byKey.set(keyOf(r), { id: r.id, status: r.status, inserted: false });
    }
    // The same key twice in one batch: the first caller inserted it, the second sees a redelivery.
    const seen = new Set<string>();
    return rows.map((u) => {
      const k = keyOf(u);
      const r = byKey.get(k);
      if (!r) throw new Error('inbound update vanished between insert and select');
      const result = seen.has(k) ? { ...r, inserted: false } : r;
      seen.add(k);
      return result;
    });
  }

  /** Whether a chat has an accepted update the conversation worker has not handled yet. */
  async hasUnhandled(chat: { channel: string; botId: string; chatId: string }): Promise<boolean> {
    const rows = await this.db
      .select({ id: inboundUpdates.id })
      .from(inboundUpdates)
      .where(and(eq(inboundUpdates.channel, chat.channel), eq(inboundUpdates.botId, chat.botId), eq(inboundUpdates.chatId, chat.chatId), eq(inboundUpdates.status, 'received')))
      .limit(1);
    return rows.length > 0;
  }

  async get(id: number): Promise<InboundRow | undefined> {
    const [row] = await this.db.select().from(inboundUpdates).where(eq(inboundUpdates.id, id));
    return row;
  }

  /** True when an earlier update of the same chat still waits: process chats strictly in order. */
  async hasEarlierPending(row: InboundRow): Promise<boolean> {
    const [r] = await this.db
      .select({ id: inboundUpdates.id })
      .from(inboundUpdates)
      .where(
        and(
          eq(inboundUpdates.channel, row.channel),
          eq(inboundUpdates.botId, row.botId),
          eq(inboundUpdates.chatId, row.chatId),
          eq(inboundUpdates.status, 'received'),
          lt(inboundUpdates.id, row.id),
        ),
      )
      .limit(1);
    return r !== undefined;
  }

  /**
   * Locks a still-unprocessed row for its turn (inside the turn's transaction): a second run of the
   * same update (a duplicate job, a replay) waits here until the first commits, then finds it done.
   */
  async lockForTurn(tx: Db, id: number): Promise<boolean> {
    const rows = await tx
      .select({ id: inboundUpdates.id })
      .from(inboundUpdates)
      .where(and(eq(inboundUpdates.id, id), eq(inboundUpdates.status, 'received')))
      .for('update');
    return rows.length > 0;
  }

  /**
   * Finishes a row; returns false when another worker finished it first. A processed or ignored
   * update keeps only its dedupe key (channel, bot, key): its payload (what the person typed) goes
   * at once. A failed one keeps it for diagnosis until the retention job reduces it.
   */
  async finish(db: Db, id: number, status: 'processed' | 'ignored' | 'failed', error?: string): Promise<boolean> {
    const done = await db
      .update(inboundUpdates)
      .set({ status, error: error ?? null, processedAt: new Date(), ...(status === 'failed' ? {} : { payload: {} }) })
      .where(and(eq(inboundUpdates.id, id), eq(inboundUpdates.status, 'received')))
      .returning({ id: inboundUpdates.id });
    return done.length > 0;
  }

  /** Rows accepted but still unprocessed after `olderThanMs`: their job may have been lost with Redis. */
  async stale(olderThanMs: number, limit = 500): Promise<{ id: number }[]> {
    return this.db
      .select({ id: inboundUpdates.id })
      .from(inboundUpdates)
      .where(and(eq(inboundUpdates.status, 'received'), lt(inboundUpdates.receivedAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`)))
      .orderBy(inboundUpdates.id)
      .limit(limit);
  }
}
