import { and, count, eq, gt, gte, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { dashboardLoginLinks, dashboardSessions } from '../schema/dashboard.js';
import { officials } from '../schema/officials.js';

export type SessionRow = typeof dashboardSessions.$inferSelect;

/** Login links and sessions of the dashboard (hashes only; see the schema doc). */
export class DashboardAuthRepo {
  constructor(private readonly db: Db) {}

  async addLink(tokenHash: string, officialId: number, expiresAt: Date): Promise<void> {
    await this.db.insert(dashboardLoginLinks).values({ tokenHash, officialId, expiresAt });
  }

  async linksSince(officialId: number, since: Date): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(dashboardLoginLinks).where(and(eq(dashboardLoginLinks.officialId, officialId), gte(dashboardLoginLinks.createdAt, since)));
    return row?.n ?? 0;
  }

  async link(tokenHash: string): Promise<typeof dashboardLoginLinks.$inferSelect | undefined> {
    const [row] = await this.db.select().from(dashboardLoginLinks).where(eq(dashboardLoginLinks.tokenHash, tokenHash));
    return row;
  }

  /** Spends a valid link exactly once (a concurrent second use gets undefined). */
  async spendLink(db: Db, tokenHash: string, now: Date): Promise<number | undefined> {
    const [row] = await db
      .update(dashboardLoginLinks)
      .set({ usedAt: now })
      .where(and(eq(dashboardLoginLinks.tokenHash, tokenHash), isNull(dashboardLoginLinks.usedAt), gt(dashboardLoginLinks.expiresAt, now)))
      .returning({ officialId: dashboardLoginLinks.officialId });
    return row?.officialId;
  }

  async addSession(db: Db, s: { idHash: string; officialId: number; now: Date; expiresAt: Date }): Promise<void> {
    await db.insert(dashboardSessions).values({ idHash: s.idHash, officialId: s.officialId, createdAt: s.now, lastSeenAt: s.now, expiresAt: s.expiresAt });
  }

  async session(idHash: string): Promise<SessionRow | undefined> {
    const [row] = await this.db.select().from(dashboardSessions).where(eq(dashboardSessions.idHash, idHash));
    return row;
  }

  async touch(idHash: string, now: Date): Promise<void> {
    await this.db.update(dashboardSessions).set({ lastSeenAt: now }).where(eq(dashboardSessions.idHash, idHash));
  }

  async end(db: Db, idHash: string, now: Date, reason: 'logout' | 'idle' | 'revoked'): Promise<boolean> {
    const rows = await db
      .update(dashboardSessions)
      .set({ endedAt: now, endReason: reason })
      .where(and(eq(dashboardSessions.idHash, idHash), isNull(dashboardSessions.endedAt)))
      .returning({ id: dashboardSessions.idHash });
    return rows.length === 1;
  }

  async openSessions(officialId: number, now: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(dashboardSessions)
      .where(and(eq(dashboardSessions.officialId, officialId), isNull(dashboardSessions.endedAt), gt(dashboardSessions.expiresAt, now)));
    return row?.n ?? 0;
  }

  /** The officials table as it is before issue 10 (channel + chat id + communes). */
  async officialRow(id: number): Promise<typeof officials.$inferSelect | undefined> {
    const [row] = await this.db.select().from(officials).where(eq(officials.id, id));
    return row;
  }

  async officialByChat(channel: string, chatId: string): Promise<typeof officials.$inferSelect | undefined> {
    const [row] = await this.db.select().from(officials).where(and(eq(officials.channel, channel), eq(officials.chatId, chatId)));
    return row;
  }
}
