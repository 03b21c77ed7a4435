import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { OutboxJob, PriorityClass } from '../../outbox/types.js';
import type { Db } from '../client.js';
import { outboundMessages } from '../schema/outbound.js';

export type OutboundRow = typeof outboundMessages.$inferSelect;

/** The conditions that pick one chat's rows. */
const ofChat = (c: { channel: string; botId: string; chatId: string }) => [eq(outboundMessages.channel, c.channel), eq(outboundMessages.botId, c.botId), eq(outboundMessages.chatId, c.chatId)];

/** The send ledger (see the schema doc). Rows are written by the outbox (`src/outbox`) only. */
export class OutboundRepo {
  constructor(private readonly db: Db) {}

  /** Queue routing of committed rows (for a receipt that lost its jobs, and for the sweep). */
  async jobsOf(ids: readonly number[]): Promise<OutboxJob[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ id: outboundMessages.id, channel: outboundMessages.channel, botId: outboundMessages.botId, priority: outboundMessages.priority, dueAt: outboundMessages.dueAt })
      .from(outboundMessages)
      .where(inArray(outboundMessages.id, [...ids]));
    return rows.map((r) => ({ ...r, priority: r.priority as PriorityClass }));
  }

  async get(id: number): Promise<OutboundRow | undefined> {
    const [row] = await this.db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
    return row;
  }

  /**
   * True while an earlier message to the same chat, of this class or a more urgent one, is unsent:
   * keeps a chat's messages in order, but a reply never waits behind a queued bulk message.
   */
  async hasEarlierUnsent(row: OutboundRow): Promise<boolean> {
    const [r] = await this.db
      .select({ id: outboundMessages.id })
      .from(outboundMessages)
      .where(
        and(
          ...ofChat(row),
          inArray(outboundMessages.status, ['pending', 'sending']),
          inArray(outboundMessages.priority, atLeastAsUrgent(row.priority)),
          lt(outboundMessages.id, row.id),
        ),
      )
      .limit(1);
    return r !== undefined;
  }

  /**
   * Whether a chat has a message due by `now` and not yet delivered (pending or being sent).
   * Messages scheduled for later (reminders) do not count: they are not part of a turn.
   */
  async hasUnsentDue(chat: { channel: string; botId: string; chatId: string }, now: Date): Promise<boolean> {
    const rows = await this.db
      .select({ id: outboundMessages.id })
      .from(outboundMessages)
      .where(
        and(
          ...ofChat(chat),
          inArray(outboundMessages.status, ['pending', 'sending']),
          or(isNull(outboundMessages.dueAt), lte(outboundMessages.dueAt, now)),
        ),
      )
      .limit(1);
    return rows.length > 0;
  }

  /** pending -> sending, atomically, under a worker's identity and lease; null when someone else holds or finished it. */
  async claim(id: number, workerId = 'unknown', leaseMs = 30_000): Promise<OutboundRow | null> {
    const [row] = await this.db
      .update(outboundMessages)
      .set({ status: 'sending', claimedAt: new Date(), claimedBy: workerId, leaseUntil: new Date(Date.now() + leaseMs), attempts: sql`${outboundMessages.attempts} + 1` })
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'pending')))
      .returning();
    return row ?? null;
  }

  /**
   * `claim`, but only while no earlier message to the same chat (of this class or a more urgent
   * one) is unsent: the ordering check and the claim in one statement, one round trip per send.
   */
  async claimIfNext(row: Pick<OutboundRow, 'id' | 'channel' | 'botId' | 'chatId' | 'priority'>, workerId = 'unknown', leaseMs = 30_000): Promise<boolean> {
    const now = new Date();
    const result = await this.db.execute(sql`
      update outbound_messages set status = 'sending', claimed_at = ${now.toISOString()}::timestamptz, claimed_by = ${workerId},
        lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz, attempts = attempts + 1
      where id = ${row.id} and status = 'pending' and not exists (
        select 1 from outbound_messages e where e.channel = ${row.channel} and e.bot_id = ${row.botId} and e.chat_id = ${row.chatId}
          and e.status in ('pending', 'sending') and e.priority in (${sql.join(atLeastAsUrgent(row.priority).map((p) => sql`${p}`), sql`, `)}) and e.id < ${row.id})
      returning id`);
    return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])).length > 0;
  }

  async finish(id: number, status: 'sent' | 'failed' | 'unreachable' | 'expired', extra: { platformMessageId?: string; error?: string } = {}): Promise<void> {
    await this.db
      .update(outboundMessages)
      .set({ status, finishedAt: new Date(), platformMessageId: extra.platformMessageId ?? null, error: extra.error ?? null })
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'sending')));
  }

  /** Ends a row that was never claimed (expired before its turn, bot switched off for good...). */
  async endPending(id: number, status: 'failed' | 'expired' | 'unreachable', error: string): Promise<boolean> {
    const rows = await this.db
      .update(outboundMessages)
      .set({ status, finishedAt: new Date(), error })
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'pending')))
      .returning({ id: outboundMessages.id });
    return rows.length > 0;
  }

  /** sending -> pending after a failure that certainly did not deliver (the platform refused it). */
  async release(id: number, error: string): Promise<void> {
    await this.db
      .update(outboundMessages)
      .set({ status: 'pending', error, claimedBy: null, leaseUntil: null })
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

  /** Pending rows past their expiry end as `expired` (their job may be queued far behind, or lost). */
  async expirePending(now: Date = new Date()): Promise<number> {
    const rows = await this.db
      .update(outboundMessages)
      .set({ status: 'expired', finishedAt: new Date(), error: sql`'older than a ' || ${outboundMessages.priority} || ' may be'` })
      .where(and(eq(outboundMessages.status, 'pending'), lt(outboundMessages.expiresAt, now)))
      .returning({ id: outboundMessages.id });
    return rows.length;
  }

  /** Pending rows whose job may have been lost (created long ago and due by now), oldest first. */
  async stalePending(olderThanMs: number, limit = 500): Promise<OutboundRow[]> {
    return this.db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.status, 'pending'),
          lt(outboundMessages.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`),
          or(isNull(outboundMessages.dueAt), lt(outboundMessages.dueAt, sql`now() + interval '1 minute'`)),
        ),
      )
      .orderBy(outboundMessages.id)
      .limit(limit);
  }
}

const URGENCY: readonly PriorityClass[] = ['reply', 'alert', 'reminder', 'bulk'];
/** This class and every more urgent one. */
function atLeastAsUrgent(priority: string): PriorityClass[] {
  const i = URGENCY.indexOf(priority as PriorityClass);
  return URGENCY.slice(0, i < 0 ? URGENCY.length : i + 1);
}
