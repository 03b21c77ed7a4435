import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts } from '../schema/contacts.js';
import { chatsOfPerson } from './contacts-repo.js';
import { registrations, reminderLog, reminderOptOuts } from '../schema/registrations.js';

export type RegistrationRow = typeof registrations.$inferSelect;
export type NewRegistration = Omit<typeof registrations.$inferInsert, 'id' | 'createdAt' | 'status' | 'appointmentAt' | 'appointmentPlace' | 'appointmentVersion' | 'cancelledAt' | 'purgedAt'>;

/** A registration with where its registrant can be reached, for reminders. */
export interface ReminderTarget extends RegistrationRow {
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
  readonly unreachable: boolean;
  readonly optedOut: boolean;
}

/** Storage for pre-registrations, appointments, reminder records and opt-outs. */
export class RegistrationRepo {
  constructor(private readonly db: Db) {}

  async create(r: NewRegistration): Promise<RegistrationRow> {
    const [row] = await this.db.insert(registrations).values(r).returning();
    return row!;
  }

  /** A registration still open (not cancelled, not erased) for this identity document, if any. */
  async openByIdNumber(idNumber: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.idNumber, idNumber), isNull(registrations.purgedAt), sql`${registrations.status} <> 'cancelled'`))
      .limit(1);
    return row;
  }

  async byContact(contactId: number): Promise<RegistrationRow[]> {
    return this.db.select().from(registrations).where(and(eq(registrations.contactId, contactId), isNull(registrations.purgedAt))).orderBy(desc(registrations.createdAt)).limit(20);
  }

  async cancel(id: number, contactId: number, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: at, appointmentVersion: sql`${registrations.appointmentVersion} + 1` })
      .where(and(eq(registrations.id, id), eq(registrations.contactId, contactId), sql`${registrations.status} <> 'cancelled'`))
      .returning({ id: registrations.id });
    return rows.length === 1;
  }

  async forCommunes(communeIds: readonly string[]): Promise<RegistrationRow[]> {
    if (communeIds.length === 0) return [];
    return this.db.select().from(registrations).where(and(inArray(registrations.communeId, [...communeIds]), isNull(registrations.purgedAt))).orderBy(asc(registrations.id));
  }

  async forIds(ids: readonly number[]): Promise<RegistrationRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(registrations).where(and(inArray(registrations.id, [...ids]), isNull(registrations.purgedAt))).orderBy(asc(registrations.id));
  }

  /** Sets (or moves) the appointment of each active registration; returns the rows with their new version. */
  async appoint(ids: readonly number[], at: Date, place: string): Promise<RegistrationRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .update(registrations)
      .set({ status: 'scheduled', appointmentAt: at, appointmentPlace: place, appointmentVersion: sql`${registrations.appointmentVersion} + 1` })
      .where(and(inArray(registrations.id, [...ids]), sql`${registrations.status} <> 'cancelled'`, isNull(registrations.purgedAt)))
      .returning();
  }

  /**
   * The registration and the chat its reminders go to: of the person's chats (the owner and the
   * chats linked to it), a reachable one first, then the one used most recently.
   */
  async reminderTarget(id: number): Promise<ReminderTarget | undefined> {
    const [row] = await this.db
      .select({ r: registrations, channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId, unreachableAt: contacts.unreachableAt, optOut: reminderOptOuts.contactId })
      .from(registrations)
      .innerJoin(contacts, chatsOfPerson(registrations.contactId))
      .leftJoin(reminderOptOuts, eq(reminderOptOuts.contactId, registrations.contactId))
      .where(eq(registrations.id, id))
      .orderBy(sql`${contacts.unreachableAt} is not null`, desc(contacts.lastSeenAt))
      .limit(1);
    return row ? { ...row.r, channel: row.channel, botId: row.botId, chatId: row.chatId, unreachable: row.unreachableAt !== null, optedOut: row.optOut !== null } : undefined;
  }

  /**
   * Records a reminder's outcome once; `then` runs in the same transaction only when this call made
   * the record (so the message rows it writes exist exactly once). False: already recorded.
   */
  async recordReminder(r: { registrationId: number; version: number; kind: string; outcome: 'sent' | 'skipped'; reason?: string }, then?: (tx: Db) => Promise<void>): Promise<boolean> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const rows = await tx
        .insert(reminderLog)
        .values({ registrationId: r.registrationId, appointmentVersion: r.version, kind: r.kind, outcome: r.outcome, reason: r.reason ?? null })
        .onConflictDoNothing()
        .returning({ id: reminderLog.id });
      if (rows.length === 0) return false;
      if (then) await then(tx);
      return true;
    });
  }

  async reminderLog(registrationId: number): Promise<(typeof reminderLog.$inferSelect)[]> {
    return this.db.select().from(reminderLog).where(eq(reminderLog.registrationId, registrationId)).orderBy(asc(reminderLog.id));
  }

  async setOptOut(contactId: number, out: boolean): Promise<void> {
    if (out) await this.db.insert(reminderOptOuts).values({ contactId }).onConflictDoNothing();
    else await this.db.delete(reminderOptOuts).where(eq(reminderOptOuts.contactId, contactId));
  }

  /**
   * Erases personal data of registrations whose last appointment (or cancellation) is before
   * `cutoff`; one never scheduled is kept 90 days longer, so a waiting resident is not forgotten.
   */
  async purgePersonalData(cutoff: Date, at: Date): Promise<number> {
    const rows = await this.db
      .update(registrations)
      .set({ fullName: null, birthDate: null, phone: null, idNumber: null, idKind: null, insuranceNumber: null, address: null, screening: null, occupation: null, purgedAt: at })
      .where(and(isNull(registrations.purgedAt), sql`coalesce(${registrations.appointmentAt}, ${registrations.cancelledAt}, ${registrations.createdAt} + interval '90 days') < ${cutoff.toISOString()}::timestamptz`))
      .returning({ id: registrations.id });
    return rows.length;
  }
}
