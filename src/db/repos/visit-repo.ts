import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Dependent, NewVisit, OpenVisit, VisitRecord, VisitStore } from '../../checkin/types.js';
import type { AutoClosedVisit } from '../../checkin/maintenance.js';
import type { FlaggedVisit } from '../../venue-ops/flags.js';
import type { Db } from '../client.js';
import { venues } from '../schema/venues.js';
import { dependents, visitFlags, visits } from '../schema/visits.js';

export class VisitRepo implements VisitStore {
  constructor(private readonly db: Db) {}

  async openVisits(contactId: number): Promise<OpenVisit[]> {
    return this.db
      .select({ id: visits.id, dependentId: visits.dependentId, venueId: visits.venueId, venueName: venues.name, communeId: visits.communeId, checkedInAt: visits.checkedInAt })
      .from(visits)
      .innerJoin(venues, eq(visits.venueId, venues.id))
      .where(and(eq(visits.contactId, contactId), isNull(visits.checkedOutAt)))
      .orderBy(desc(visits.checkedInAt));
  }

  async insertVisit(v: NewVisit): Promise<{ id: number; created: boolean }> {
    const [row] = await this.db.insert(visits).values(v).onConflictDoNothing().returning({ id: visits.id });
    if (row) return { id: row.id, created: true };
    const [existing] = await this.db.select({ id: visits.id }).from(visits).where(eq(visits.dedupeKey, v.dedupeKey));
    return { id: existing!.id, created: false };
  }

  async closeVisits(ids: readonly number[], at: Date, reason: string): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.db
      .update(visits)
      .set({ checkedOutAt: at, checkoutReason: reason })
      .where(and(inArray(visits.id, [...ids]), isNull(visits.checkedOutAt)))
      .returning({ id: visits.id });
    return rows.length;
  }

  async countSince(contactId: number, since: Date): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(visits).where(and(eq(visits.contactId, contactId), gte(visits.checkedInAt, since)));
    return row?.n ?? 0;
  }

  async recentVisits(contactId: number, since: Date): Promise<VisitRecord[]> {
    return this.db
      .select({
        id: visits.id,
        dependentId: visits.dependentId,
        dependentName: dependents.name,
        venueId: visits.venueId,
        venueName: venues.name,
        communeId: visits.communeId,
        checkedInAt: visits.checkedInAt,
        checkedOutAt: visits.checkedOutAt,
        checkoutReason: visits.checkoutReason,
      })
      .from(visits)
      .innerJoin(venues, eq(visits.venueId, venues.id))
      .leftJoin(dependents, eq(visits.dependentId, dependents.id))
      .where(and(eq(visits.contactId, contactId), gte(visits.checkedInAt, since)))
      .orderBy(desc(visits.checkedInAt))
      .limit(60);
  }

  async deleteHistory(contactId: number): Promise<number> {
    const rows = await this.db.delete(visits).where(eq(visits.contactId, contactId)).returning({ id: visits.id });
    return rows.length;
  }

  async flag(contactId: number, visitId: number, communeId: string, reason: string): Promise<void> {
    await this.db.insert(visitFlags).values({ contactId, visitId, communeId, reason });
  }

  /** Flags raised in some communes since a moment, newest first, with the venue and time of the visit. */
  async recentFlags(communeIds: readonly string[], since: Date, limit: number): Promise<FlaggedVisit[]> {
    if (communeIds.length === 0) return [];
    return this.db
      .select({ contactId: visitFlags.contactId, communeId: visitFlags.communeId, reason: visitFlags.reason, at: visitFlags.createdAt, venueName: venues.name })
      .from(visitFlags)
      .leftJoin(visits, eq(visits.id, visitFlags.visitId))
      .leftJoin(venues, eq(venues.id, visits.venueId))
      .where(and(inArray(visitFlags.communeId, [...communeIds]), gte(visitFlags.createdAt, since)))
      .orderBy(desc(visitFlags.createdAt))
      .limit(limit);
  }

  async dependents(contactId: number): Promise<Dependent[]> {
    return this.db
      .select({ id: dependents.id, name: dependents.name, birthYear: dependents.birthYear, relation: dependents.relation })
      .from(dependents)
      .where(eq(dependents.contactId, contactId))
      .orderBy(dependents.id);
  }

  async addDependent(contactId: number, d: Omit<Dependent, 'id'>): Promise<Dependent> {
    const [row] = await this.db.insert(dependents).values({ contactId, ...d }).returning();
    return { id: row!.id, name: row!.name, birthYear: row!.birthYear, relation: row!.relation };
  }

  async removeDependent(contactId: number, id: number): Promise<boolean> {
    const rows = await this.db.delete(dependents).where(and(eq(dependents.contactId, contactId), eq(dependents.id, id))).returning({ id: dependents.id });
    return rows.length > 0;
  }

  /** Ends visits older than their venue type's usual stay (`stayMinutes` by type id). */
  async autoCheckout(now: Date, stayMinutes: Readonly<Record<string, number>>, fallbackMinutes: number, inTx?: (tx: unknown, closed: readonly AutoClosedVisit[]) => Promise<void>): Promise<readonly AutoClosedVisit[]> {
    const cases = Object.entries(stayMinutes).map(([type, m]) => sql`when ${type} then ${m}`);
    const stay = cases.length ? sql`(case ${venues.typeId} ${sql.join(cases, sql` `)} else ${fallbackMinutes} end)` : sql`${fallbackMinutes}`;
    return this.db.transaction(async (tx) => {
      const result = await tx.execute(sql`
        update ${visits} set checked_out_at = ${visits.checkedInAt} + make_interval(mins => ${stay}::int), checkout_reason = 'auto'
        from ${venues}
        where ${visits.venueId} = ${venues.id} and ${visits.checkedOutAt} is null
          and ${visits.checkedInAt} + make_interval(mins => ${stay}::int) <= ${now.toISOString()}::timestamptz
        returning ${visits.id} as visit_id, ${visits.contactId} as contact_id, ${visits.dependentId} as dependent_id,
          ${venues.id} as venue_id, ${venues.name} as venue_name, ${visits.checkedOutAt} as checked_out_at`);
      const closed = rowsOf(result).map((r) => ({
        visitId: Number(r.visit_id),
        contactId: Number(r.contact_id),
        dependentId: r.dependent_id === null ? null : Number(r.dependent_id),
        venueId: Number(r.venue_id),
        venueName: String(r.venue_name),
        checkedOutAt: new Date(r.checked_out_at as string | Date),
      }));
      if (closed.length && inTx) await inTx(tx, closed);
      return closed;
    });
  }

  /** Deletes visits older than the retention period. */
  async purgeBefore(cutoff: Date): Promise<number> {
    const rows = await this.db.delete(visits).where(lt(visits.checkedInAt, cutoff)).returning({ id: visits.id });
    return rows.length;
  }
}

/** Rows of a raw query: postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []);
}
