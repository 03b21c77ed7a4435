import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { consentEvents, residentHomes } from '../db/schema/broadcasts.js';
import type { Purpose } from './texts.js';

export type ConsentEvent = typeof consentEvents.$inferSelect;

export interface ConsentDecision {
  readonly personId: number;
  readonly purpose: Purpose;
  readonly given: boolean;
  readonly chat: { readonly channel: string; readonly botId: string; readonly chatId: string };
  readonly textShown: string;
  readonly textVersion: string;
  readonly at: Date;
}

/**
 * The consent ledger and where people live. Decisions are appended, never updated: the latest per
 * (person, purpose) is the state, the rest is the record of what was shown and decided when.
 */
export class ConsentLedger {
  constructor(private readonly db: Db) {}

  async record(d: ConsentDecision, db: Db = this.db): Promise<void> {
    await db.insert(consentEvents).values({
      personId: d.personId,
      purpose: d.purpose,
      given: d.given,
      channel: d.chat.channel,
      botId: d.chat.botId,
      chatId: d.chat.chatId,
      textShown: d.textShown,
      textVersion: d.textVersion,
      at: d.at,
    });
  }

  /** The latest decision per purpose of one person. */
  async current(personId: number): Promise<Map<string, ConsentEvent>> {
    const rows = await this.db.select().from(consentEvents).where(eq(consentEvents.personId, personId)).orderBy(desc(consentEvents.id));
    const out = new Map<string, ConsentEvent>();
    for (const r of rows) if (!out.has(r.purpose)) out.set(r.purpose, r);
    return out;
  }

  /** Latest decision of many people for one purpose (true given, false withdrawn; absent: never asked). */
  async stateOf(db: Db, personIds: readonly number[], purpose: Purpose): Promise<Map<number, boolean>> {
    const out = new Map<number, boolean>();
    for (let i = 0; i < personIds.length; i += 10_000) {
      const slice = personIds.slice(i, i + 10_000);
      const rows = await db
        .selectDistinctOn([consentEvents.personId], { personId: consentEvents.personId, given: consentEvents.given })
        .from(consentEvents)
        .where(and(inArray(consentEvents.personId, slice), eq(consentEvents.purpose, purpose)))
        .orderBy(consentEvents.personId, desc(consentEvents.id));
      for (const r of rows) out.set(r.personId, r.given);
    }
    return out;
  }

  async home(personId: number): Promise<{ communeId: string | null; askedAt: Date | null } | undefined> {
    const [row] = await this.db.select().from(residentHomes).where(eq(residentHomes.personId, personId));
    return row ? { communeId: row.communeId, askedAt: row.askedAt } : undefined;
  }

  async setHome(personId: number, communeId: string | null, source: 'chat' | 'registration', at: Date, db: Db = this.db): Promise<void> {
    await db
      .insert(residentHomes)
      .values({ personId, communeId, source, askedAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: residentHomes.personId, set: { communeId, source, updatedAt: at, askedAt: sql`coalesce(${residentHomes.askedAt}, ${at.toISOString()}::timestamptz)` } });
  }

  /** Remembers that we asked, so we never ask again unprompted. */
  async markAsked(personId: number, at: Date): Promise<void> {
    await this.db.insert(residentHomes).values({ personId, askedAt: at, updatedAt: at }).onConflictDoUpdate({ target: residentHomes.personId, set: { askedAt: at } });
  }
}
