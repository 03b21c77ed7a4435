import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { tracingShareCodes } from '../../schema/tracing.js';

/** One-time share codes ("Chia sẻ lịch sử cho cán bộ y tế"), kept as hashes only. */
export class TracingShareCodesRepo {
  constructor(private readonly db: Db) {}

  async addShareCode(codeHash: string, contactId: number, dependentId: number | null, expiresAt: Date): Promise<void> {
    await this.db.insert(tracingShareCodes).values({ codeHash, contactId, dependentId, expiresAt });
  }

  /** Spends a share code in the caller's transaction: the person it shares, or why not. */
  async spendShareCode(tx: Db, codeHash: string, now: Date): Promise<{ contactId: number; dependentId: number | null } | 'unknown' | 'expired' | 'used'> {
    const [row] = await tx.select().from(tracingShareCodes).where(eq(tracingShareCodes.codeHash, codeHash)).for('update');
    if (!row) return 'unknown';
    if (row.usedAt) return 'used';
    if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
    await tx.update(tracingShareCodes).set({ usedAt: now }).where(eq(tracingShareCodes.codeHash, codeHash));
    return { contactId: row.contactId, dependentId: row.dependentId };
  }

  async linkShareCode(tx: Db, codeHash: string, eventId: number): Promise<void> {
    await tx.update(tracingShareCodes).set({ eventId }).where(eq(tracingShareCodes.codeHash, codeHash));
  }

  /** Retention: expired share codes (spent or not) go at once. */
  async purgeExpired(now: Date): Promise<number> {
    const rows = await this.db.delete(tracingShareCodes).where(lt(tracingShareCodes.expiresAt, now)).returning({ codeHash: tracingShareCodes.codeHash });
    return rows.length;
  }
}
