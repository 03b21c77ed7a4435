import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { venueCodes, venues } from './venues.js';

/** Family members without phones whom a resident checks in along with themselves. */
export const dependents = pgTable(
  'dependents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contactId: bigint('contact_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    birthYear: integer('birth_year'),
    relation: text('relation'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dependents_contact').on(t.contactId)],
);

/**
 * One person at one venue: check-in time, and check-out time and reason once it ends. A dependent's
 * visit is its own row. Deleted after the retention period. `dedupeKey` makes a retried job or a
 * burst of duplicate scans create one row.
 */
export const visits = pgTable(
  'visits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contactId: bigint('contact_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    dependentId: bigint('dependent_id', { mode: 'number' }).references(() => dependents.id, { onDelete: 'cascade' }),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    codeId: text('code_id')
      .notNull()
      .references(() => venueCodes.id, { onDelete: 'cascade' }),
    communeId: text('commune_id').notNull(),
    /** link | photo | code */
    method: text('method').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    /** manual | rescan | auto | elsewhere */
    checkoutReason: text('checkout_reason'),
    dedupeKey: text('dedupe_key').notNull(),
  },
  (t) => [
    uniqueIndex('visits_dedupe').on(t.dedupeKey),
    index('visits_contact').on(t.contactId, t.checkedInAt),
    // Tracing matches by venue and check-in time; the extra columns let Postgres answer from the
    // index alone (index-only scan), which keeps a busy market's match fast (see bench:tracing).
    index('visits_venue').on(t.venueId, t.checkedInAt, t.checkedOutAt, t.contactId, t.dependentId),
    /** The dashboard's check-ins per commune and day. */
    index('visits_commune_day').on(t.communeId, t.checkedInAt),
    index('visits_open').on(t.checkedOutAt, t.checkedInAt),
  ],
);

/** Implausible check-in sequences held for officials instead of being silently accepted. */
export const visitFlags = pgTable(
  'visit_flags',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contactId: bigint('contact_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    visitId: bigint('visit_id', { mode: 'number' }).references(() => visits.id, { onDelete: 'cascade' }),
    communeId: text('commune_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_flags_commune').on(t.communeId, t.createdAt)],
);
