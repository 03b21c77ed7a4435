import { and, count, countDistinct, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { residentQuestions } from '../schema/questions.js';
import { registrations } from '../schema/registrations.js';
import { visits } from '../schema/visits.js';

/** Per-commune activity the dashboard adds to the venue figures of `VenueRepo.figures`. */
export interface CommuneActivity {
  readonly communeId: string;
  readonly checkIns: number;
  readonly residents: number;
}

export interface CommuneRegistrations {
  readonly communeId: string;
  readonly registered: number;
  readonly scheduled: number;
  readonly cancelled: number;
}

const within = (column: SQL.Aliased | Parameters<typeof inArray>[0], ids: readonly string[] | 'all') => (ids === 'all' ? undefined : inArray(column as never, [...ids]));

/**
 * Adoption figures by commune (check-ins, residents reached, pre-registrations, waiting questions)
 * and check-ins per day. Read-only aggregate queries for the dashboard and `/baocao`.
 */
export class FiguresRepo {
  constructor(private readonly db: Db) {}

  /** Check-ins and distinct residents per commune since a time (residents counted once per commune). */
  async activity(communeIds: readonly string[] | 'all', since: Date): Promise<CommuneActivity[]> {
    return this.db
      .select({ communeId: visits.communeId, checkIns: count(), residents: countDistinct(visits.contactId) })
      .from(visits)
      .where(and(gte(visits.checkedInAt, since), within(visits.communeId, communeIds)))
      .groupBy(visits.communeId);
  }

  /** Residents reached in the whole scope (a person who visited two communes counts once). */
  async residentsReached(communeIds: readonly string[] | 'all', since: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: countDistinct(visits.contactId) })
      .from(visits)
      .where(and(gte(visits.checkedInAt, since), within(visits.communeId, communeIds)));
    return row?.n ?? 0;
  }

  /** Check-ins per Vietnam calendar day ('YYYY-MM-DD'), optionally of one venue. */
  async checkInsPerDay(filter: { communeIds: readonly string[] | 'all'; venueId?: number }, since: Date): Promise<{ day: string; n: number }[]> {
    const day = sql<string>`to_char(${visits.checkedInAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
    return this.db
      .select({ day, n: count() })
      .from(visits)
      .where(and(gte(visits.checkedInAt, since), within(visits.communeId, filter.communeIds), filter.venueId !== undefined ? eq(visits.venueId, filter.venueId) : undefined))
      .groupBy(day)
      .orderBy(day);
  }

  async registrationsByCommune(communeIds: readonly string[] | 'all'): Promise<CommuneRegistrations[]> {
    return this.db
      .select({
        communeId: registrations.communeId,
        registered: sql<number>`count(*) filter (where ${registrations.status} = 'registered')`.mapWith(Number),
        scheduled: sql<number>`count(*) filter (where ${registrations.status} = 'scheduled')`.mapWith(Number),
        cancelled: sql<number>`count(*) filter (where ${registrations.status} = 'cancelled')`.mapWith(Number),
      })
      .from(registrations)
      .where(and(isNull(registrations.purgedAt), within(registrations.communeId, communeIds)))
      .groupBy(registrations.communeId);
  }

  async waitingQuestions(communeIds: readonly string[] | 'all'): Promise<{ communeId: string | null; n: number }[]> {
    return this.db
      .select({ communeId: residentQuestions.communeId, n: count() })
      .from(residentQuestions)
      .where(and(eq(residentQuestions.status, 'forwarded'), within(residentQuestions.communeId, communeIds)))
      .groupBy(residentQuestions.communeId);
  }
}
