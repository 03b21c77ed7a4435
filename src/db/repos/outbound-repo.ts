import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { OutboundPart } from '../../channels/contract.js';
import type { Db } from '../client.js';
import { outboundMessages } from '../schema/outbound.js';

export type OutboundRow = typeof outboundMessages.$inferSelect;

export interface NewOutbound {
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
  readonly inboundId?: number;
  readonly part: OutboundPart;
}

/** The exactly-once send ledger (see the schema doc). */
export class OutboundRepo {
  constructor(private readonly db: Db) {}

  async add(db: Db, rows: readonly NewOutbound[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const ids = await db
      .insert(outboundMessages)
      .values(rows.map((r) => ({ channel: r.channel, botId: r.botId, chatId: r.chatId, inboundId: r.inboundId ?? null, part: r.part })))
      .returning({ id: outboundMessages.id });
    return ids.map((r) => r.id);
  }

  async get(id: number): Promise<OutboundRow | undefined> {
    const [row] = await this.db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
    return row;
  }

  /** True while an earlier message to the same chat is unsent: keeps a chat's messages in order. */
  async hasEarlierUnsent(row: OutboundRow): Promise<boolean> {
    const [r] = await this.db
      .select({ id: outboundMessages.id })
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.channel, row.channel),
          eq(outboundMessages.botId, row.botId),
          eq(outboundMessages.chatId, row.chatId),
          inArray(outboundMessages.status, ['pending', 'sending']),
          lt(outboundMessages.id, row.id),
        ),
      )
      .limit(1);
    return r !== undefined;
  }

  /** pending -> sending, atomically; null when someone else holds or finished it. */
  async claim(id: number): Promise<OutboundRow | null> {
    const [row] = await this.db
      .update(outboundMessages)
      .set({ status: 'sending', claimedAt: new Date(), attempts: sql`${outboundMessages.attempts} + 1` })
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'pending')))
      .returning();
    return row ?? null;
  }

  async finish(id: number, status: 'sent' | 'failed' | 'unreachable', extra: { platformMessageId?: string; error?: string } = {}): Promise<void> {
    await this.db
      .update(outboundMessages)
      .set({ status, finishedAt: new Date(), platformMessageId: extra.platformMessageId ?? null, error: extra.error ?? null })
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'sending')));
  }

  /** sending -> pending after a failure that certainly did not deliver (the platform refused it). */
  async release(id: number, error: string): Promise<void> {
    await this.db
      .update(outboundMessages)
      .set({ status: 'pending', error })
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'sending')));
  }

  /**
   * Rows left in `sending` longer than `olderThanMs` (their worker died mid-call) become `uncertain`:
   * the platform may or may not have delivered them, and a duplicate is worse than a gap.
   */
  async markStuckUncertain(olderThanMs: number): Promise<number> {
    const rows = await this.db
      .update(outboundMessages)
      .set({ status: 'uncertain', finishedAt: new Date(), error: 'worker stopped during the platform call' })
      .where(and(eq(outboundMessages.status, 'sending'), lt(outboundMessages.claimedAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`)))
      .returning({ id: outboundMessages.id });
    return rows.length;
  }

  async stalePending(olderThanMs: number, limit = 500): Promise<OutboundRow[]> {
    return this.db
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.status, 'pending'), lt(outboundMessages.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`)))
      .orderBy(outboundMessages.id)
      .limit(limit);
  }
}
