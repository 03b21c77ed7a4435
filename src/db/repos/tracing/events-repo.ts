import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { exposureEvents, exposureWindows } from '../../schema/tracing.js';
import { rowsOf, toDate, visitEndSql, type MatchOptions } from './sql.js';

export type EventRow = typeof exposureEvents.$inferSelect;
export type WindowRow = typeof exposureWindows.$inferSelect;

/** An event's window with its venue, as previews, alerts and owner notices show it. */
export interface WindowWithVenue {
  readonly id: number;
  readonly venueId: number;
  readonly venueName: string;
  readonly typeId: string;
  readonly communeId: string;
  readonly ownerContactId: number | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly ownerNotified: boolean;
}

/** Exposure events and their windows: opening, extending, approving, closing, listing, retention. */
export class TracingEventsRepo {
  constructor(private readonly db: Db, private readonly opts: MatchOptions) {}

  async createEvent(tx: Db, e: { kind: 'place' | 'person'; communeId: string; openedBy: number | null; caseContactId?: number | null; caseDependentId?: number | null; tailMinutes: number; createdAt: Date }): Promise<number> {
    const [row] = await tx.insert(exposureEvents).values({ ...e, caseContactId: e.caseContactId ?? null, caseDependentId: e.caseDependentId ?? null }).returning({ id: exposureEvents.id });
    return row!.id;
  }

  async addWindows(tx: Db, eventId: number, windows: readonly { venueId: number; startsAt: Date; endsAt: Date }[]): Promise<number> {
    if (windows.length === 0) return 0;
    const rows = await tx.insert(exposureWindows).values(windows.map((w) => ({ eventId, ...w }))).returning({ id: exposureWindows.id });
    return rows.length;
  }


  /** One window per visit of a person since a moment: the case's own stays, closed or not. */
  async addWindowsFromVisits(tx: Db, eventId: number, contactId: number, dependentId: number | null, since: Date): Promise<number> {
    const result = await tx.execute(sql`
      insert into exposure_windows (event_id, venue_id, starts_at, ends_at)
      select ${eventId}, v.venue_id, v.checked_in_at, ${visitEndSql(this.opts)}
      from visits v join venues ve on ve.id = v.venue_id
      where v.contact_id = ${contactId} and v.dependent_id is not distinct from ${dependentId}::bigint and v.checked_in_at >= ${since.toISOString()}::timestamptz
      returning id`);
    return rowsOf(result).length;
  }

  async event(id: number): Promise<EventRow | undefined> {
    const [row] = await this.db.select().from(exposureEvents).where(eq(exposureEvents.id, id));
    return row;
  }

  /** An event's windows with their venue (name, type, commune, owner). */
  async windows(eventId: number, db: Db = this.db): Promise<WindowWithVenue[]> {
    const result = await db.execute(sql`
      select w.id, w.venue_id, ve.name, ve.type_id, ve.commune_id, ve.owner_contact_id, w.starts_at, w.ends_at, w.owner_notified
      from exposure_windows w join venues ve on ve.id = w.venue_id where w.event_id = ${eventId} order by w.starts_at, w.id`);
    return rowsOf(result).map((r) => ({
      id: Number(r.id), venueId: Number(r.venue_id), venueName: String(r.name), typeId: String(r.type_id), communeId: String(r.commune_id),
      ownerContactId: r.owner_contact_id === null ? null : Number(r.owner_contact_id), startsAt: toDate(r.starts_at), endsAt: toDate(r.ends_at), ownerNotified: Boolean(r.owner_notified),
    }));
  }

  async markOwnersNotified(tx: Db, windowIds: readonly number[]): Promise<void> {
    if (windowIds.length) await tx.execute(sql`update exposure_windows set owner_notified = true where id in ${sql`(${sql.join(windowIds.map((id) => sql`${id}`), sql`, `)})`}`);
  }

  /** Marks the event approved by an admin for up to `people` alerts. */
  async approve(tx: Db, eventId: number, by: number | null, people: number): Promise<void> {
    await tx.update(exposureEvents).set({ approvedBy: by ?? 0, approvedFor: people }).where(eq(exposureEvents.id, eventId));
  }

  async close(tx: Db, eventId: number, at: Date): Promise<boolean> {
    const rows = await tx.update(exposureEvents).set({ status: 'closed', closedAt: at }).where(and(eq(exposureEvents.id, eventId), eq(exposureEvents.status, 'open'))).returning({ id: exposureEvents.id });
    return rows.length === 1;
  }

  async listEvents(communeIds: readonly string[] | 'all', limit = 20): Promise<EventRow[]> {
    const q = this.db.select().from(exposureEvents);
    const filtered = communeIds === 'all' ? q : q.where(sql`${exposureEvents.communeId} in (${sql.join(communeIds.length ? communeIds.map((c) => sql`${c}`) : [sql`''`], sql`, `)})`);
    return filtered.orderBy(desc(exposureEvents.createdAt)).limit(limit);
  }

  /** Retention: events closed (or, never closed, opened) before the cutoff go with their windows and alerts. */
  async purgeBefore(cutoff: Date): Promise<number> {
    const rows = await this.db
      .delete(exposureEvents)
      .where(or(lt(exposureEvents.closedAt, cutoff), and(isNull(exposureEvents.closedAt), lt(exposureEvents.createdAt, cutoff))))
      .returning({ id: exposureEvents.id });
    return rows.length;
  }
}
