import { and, isNull, lte, or, sql, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { outboundMessages as m } from '../schema/outbound.js';

/** Unsent messages of one bot and priority class, as the ledger (the source of truth) holds them. */
export interface OutboxBacklog {
  readonly channel: string;
  readonly botId: string;
  readonly priority: string;
  /** Rows due now (no due time, or one in the past) and still pending. */
  readonly pending: number;
  /** Creation time of the oldest of them. */
  readonly oldest: Date;
}

/**
 * Due, pending ledger rows per bot and priority class, for /metrics. Read from Postgres rather
 * than Redis because the ledger is what must go out: a job lost in Redis still shows here (and
 * the sweep re-queues it). Uses the (status, created_at) index; one scan of the pending rows.
 */
export async function readOutboxBacklog(db: Db, now: Date): Promise<OutboxBacklog[]> {
  const rows = await db
    .select({
      channel: m.channel,
      botId: m.botId,
      priority: m.priority,
      pending: sql<number>`count(*)`.mapWith(Number),
      oldestEpoch: sql<number>`extract(epoch from min(${m.createdAt}))`.mapWith(Number),
    })
    .from(m)
    .where(and(eq(m.status, 'pending'), or(isNull(m.dueAt), lte(m.dueAt, now))))
    .groupBy(m.channel, m.botId, m.priority);
  return rows.map((r) => ({ channel: r.channel, botId: r.botId, priority: r.priority, pending: r.pending, oldest: new Date(r.oldestEpoch * 1000) }));
}
