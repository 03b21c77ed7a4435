import { and, asc, count, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { foldWord } from '../../language/standardize.js';
import type { Db } from '../client.js';
import { contacts } from '../schema/contacts.js';
import { venues } from '../schema/venues.js';
import type { VenueRow } from './venue-repo.js';

export interface VenueSearch {
  readonly communeIds: readonly string[];
  readonly text?: string | undefined;
  readonly typeId?: string | undefined;
  readonly status?: 'active' | 'suspended' | undefined;
  /** true: a check-in since `activeSince`; false: none since then (the inspection list). */
  readonly checkedIn?: boolean | undefined;
  readonly activeSince: Date;
  readonly limit: number;
  readonly offset: number;
}

export interface VenueListItem extends VenueRow {
  readonly ownerName: string | null;
  readonly lastCheckIn: Date | null;
  readonly activeCodes: number;
}

/** The officials' venue list: search, filters, last check-in and owner, one page at a time. */
export class VenueSearchRepo {
  constructor(private readonly db: Db) {}

  async search(q: VenueSearch): Promise<{ items: VenueListItem[]; total: number }> {
    if (q.communeIds.length === 0) return { items: [], total: 0 };
    const recent = sql`exists (select 1 from visits where visits.venue_id = ${venues.id} and visits.checked_in_at >= ${q.activeSince.toISOString()}::timestamptz)`;
    // Every word typed must appear in the folded name, address, phone or plate ("cho pho minh").
    const words = foldWord(q.text ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
    const where: (SQL | undefined)[] = [
      inArray(venues.communeId, [...q.communeIds]),
      q.typeId ? eq(venues.typeId, q.typeId) : undefined,
      q.status ? eq(venues.status, q.status) : undefined,
      q.checkedIn === undefined ? undefined : q.checkedIn ? recent : sql`not ${recent}`,
      ...words.map((w) => like(venues.searchText, `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)),
    ];
    const cond = and(...where);
    const [items, [total]] = await Promise.all([
      this.db
        .select({
          venue: venues,
          ownerName: contacts.displayName,
          lastCheckIn: sql<Date | null>`(select max(checked_in_at) from visits where visits.venue_id = ${venues.id})`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
          activeCodes: sql<number>`(select count(*) from venue_codes where venue_codes.venue_id = ${venues.id} and venue_codes.status = 'active')`.mapWith(Number),
        })
        .from(venues)
        .leftJoin(contacts, eq(contacts.id, venues.ownerContactId))
        .where(cond)
        .orderBy(asc(venues.communeId), asc(venues.name), asc(venues.id))
        .limit(q.limit)
        .offset(q.offset),
      this.db.select({ n: count() }).from(venues).where(cond),
    ]);
    return { items: items.map((r) => ({ ...r.venue, ownerName: r.ownerName, lastCheckIn: r.lastCheckIn, activeCodes: r.activeCodes })), total: total?.n ?? 0 };
  }

  async owner(contactId: number): Promise<{ displayName: string | null; channel: string } | undefined> {
    const [row] = await this.db.select({ displayName: contacts.displayName, channel: contacts.channel }).from(contacts).where(eq(contacts.id, contactId));
    return row;
  }
}
