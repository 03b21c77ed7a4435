import { and, asc, count, countDistinct, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { venueCodes, venues } from '../schema/venues.js';
import { visits } from '../schema/visits.js';

export type VenueRow = typeof venues.$inferSelect;
export type VenueCodeRow = typeof venueCodes.$inferSelect;
export type NewVenue = Omit<typeof venues.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'status'>;

/** Per-commune adoption figures for officials and the CSV report. */
export interface CommuneFigures {
  readonly communeId: string;
  readonly venues: number;
  readonly activeVenues: number;
  readonly codes: number;
  readonly venuesWithRecentCheckIn: number;
}

export class VenueRepo {
  constructor(private readonly db: Db) {}

  async create(v: NewVenue, firstCode: { id: string; manualCode: string; label?: string | null }): Promise<{ venue: VenueRow; code: VenueCodeRow }> {
    return this.db.transaction(async (tx) => {
      const [venue] = await tx.insert(venues).values(v).returning();
      const [code] = await tx.insert(venueCodes).values({ id: firstCode.id, venueId: venue!.id, manualCode: firstCode.manualCode, label: firstCode.label ?? null }).returning();
      return { venue: venue!, code: code! };
    });
  }

  async addCode(venueId: number, code: { id: string; manualCode: string; label?: string | null }): Promise<VenueCodeRow> {
    const [row] = await this.db.insert(venueCodes).values({ id: code.id, venueId, manualCode: code.manualCode, label: code.label ?? null }).returning();
    return row!;
  }

  /** Revokes a code and issues its replacement in one step; visits keep the old code id. */
  async reissue(oldCodeId: string, next: { id: string; manualCode: string }): Promise<VenueCodeRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [old] = await tx
        .update(venueCodes)
        .set({ status: 'revoked', revokedAt: new Date() })
        .where(and(eq(venueCodes.id, oldCodeId), eq(venueCodes.status, 'active')))
        .returning();
      if (!old) return undefined;
      const [row] = await tx.insert(venueCodes).values({ id: next.id, venueId: old.venueId, manualCode: next.manualCode, label: old.label }).returning();
      return row;
    });
  }

  async manualCodeTaken(manualCode: string): Promise<boolean> {
    const [row] = await this.db.select({ id: venueCodes.id }).from(venueCodes).where(eq(venueCodes.manualCode, manualCode));
    return row !== undefined;
  }

  async codeWithVenue(codeId: string): Promise<{ code: VenueCodeRow; venue: VenueRow } | undefined> {
    const [row] = await this.db.select().from(venueCodes).innerJoin(venues, eq(venueCodes.venueId, venues.id)).where(eq(venueCodes.id, codeId));
    return row ? { code: row.venue_codes, venue: row.venues } : undefined;
  }

  async codeByManual(manualCode: string): Promise<{ code: VenueCodeRow; venue: VenueRow } | undefined> {
    const [row] = await this.db.select().from(venueCodes).innerJoin(venues, eq(venueCodes.venueId, venues.id)).where(eq(venueCodes.manualCode, manualCode));
    return row ? { code: row.venue_codes, venue: row.venues } : undefined;
  }

  async get(id: number): Promise<VenueRow | undefined> {
    const [row] = await this.db.select().from(venues).where(eq(venues.id, id));
    return row;
  }

  async byOwner(contactId: number): Promise<VenueRow[]> {
    return this.db.select().from(venues).where(eq(venues.ownerContactId, contactId)).orderBy(asc(venues.id));
  }

  async codesOf(venueId: number): Promise<VenueCodeRow[]> {
    return this.db.select().from(venueCodes).where(and(eq(venueCodes.venueId, venueId), eq(venueCodes.status, 'active'))).orderBy(asc(venueCodes.createdAt));
  }

  async setStatus(venueId: number, status: 'active' | 'suspended'): Promise<void> {
    await this.db.update(venues).set({ status, updatedAt: new Date() }).where(eq(venues.id, venueId));
  }

  /** Check-in counts only (owners never see who visited). */
  async checkInCounts(venueId: number, since: { today: Date; week: Date }): Promise<{ today: number; week: number }> {
    const [row] = await this.db
      .select({
        today: sql<number>`count(*) filter (where ${visits.checkedInAt} >= ${since.today})`.mapWith(Number),
        week: sql<number>`count(*) filter (where ${visits.checkedInAt} >= ${since.week})`.mapWith(Number),
      })
      .from(visits)
      .where(and(eq(visits.venueId, venueId), gte(visits.checkedInAt, since.week < since.today ? since.week : since.today)));
    return { today: row?.today ?? 0, week: row?.week ?? 0 };
  }

  async list(filter: { communeIds: readonly string[]; typeId?: string; status?: string }, limit = 50): Promise<VenueRow[]> {
    const conditions = [inArray(venues.communeId, [...filter.communeIds])];
    if (filter.typeId) conditions.push(eq(venues.typeId, filter.typeId));
    if (filter.status) conditions.push(eq(venues.status, filter.status));
    return this.db.select().from(venues).where(and(...conditions)).orderBy(asc(venues.communeId), asc(venues.name)).limit(limit);
  }

  async figures(communeIds: readonly string[] | 'all', recentSince: Date): Promise<CommuneFigures[]> {
    const where = communeIds === 'all' ? undefined : inArray(venues.communeId, [...communeIds]);
    const base = await this.db
      .select({
        communeId: venues.communeId,
        venues: count(venues.id),
        activeVenues: sql<number>`count(*) filter (where ${venues.status} = 'active')`.mapWith(Number),
      })
      .from(venues)
      .where(where)
      .groupBy(venues.communeId);
    const codes = await this.db
      .select({ communeId: venues.communeId, n: count(venueCodes.id) })
      .from(venueCodes)
      .innerJoin(venues, eq(venueCodes.venueId, venues.id))
      .where(where)
      .groupBy(venues.communeId);
    const recent = await this.db
      .select({ communeId: venues.communeId, n: countDistinct(visits.venueId) })
      .from(visits)
      .innerJoin(venues, eq(visits.venueId, venues.id))
      .where(and(gte(visits.checkedInAt, recentSince), where))
      .groupBy(venues.communeId);
    const codeMap = new Map(codes.map((r) => [r.communeId, r.n]));
    const recentMap = new Map(recent.map((r) => [r.communeId, r.n]));
    return base.map((b) => ({ ...b, codes: codeMap.get(b.communeId) ?? 0, venuesWithRecentCheckIn: recentMap.get(b.communeId) ?? 0 }));
  }
}
