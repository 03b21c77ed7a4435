import { bigint, bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { dependents } from './visits.js';
import { venues } from './venues.js';

/**
 * An exposure event ("truy vết"): a place and time a health authority announced, or the visits a
 * resident who tested positive shared. It belongs to one commune (the official's scope); it is
 * kept for TRACING_RETENTION_DAYS after it closes. The case person (person events) is kept only to
 * exclude their own visits from the match and is never shown to anyone.
 */
export const exposureEvents = pgTable(
  'exposure_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** place | person */
    kind: text('kind').notNull(),
    communeId: text('commune_id').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    openedBy: bigint('opened_by', { mode: 'number' }),
    caseContactId: bigint('case_contact_id', { mode: 'number' }).references(() => contacts.id, { onDelete: 'set null' }),
    caseDependentId: bigint('case_dependent_id', { mode: 'number' }).references(() => dependents.id, { onDelete: 'set null' }),
    tailMinutes: integer('tail_minutes').notNull(),
    /** Set when a district admin approved sending to more people than the threshold. */
    approvedBy: bigint('approved_by', { mode: 'number' }),
    approvedFor: integer('approved_for'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('exposure_events_commune').on(t.communeId, t.createdAt), index('exposure_events_closed').on(t.closedAt)],
);

/** One venue and time window of an event; a person event has one per shared visit. */
export const exposureWindows = pgTable(
  'exposure_windows',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => exposureEvents.id, { onDelete: 'cascade' }),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The venue's owner was told (same day) that the venue was named. */
    ownerNotified: boolean('owner_notified').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exposure_windows_event').on(t.eventId)],
);

/**
 * One alert per person (a contact, or a family member they check in) per event: the unique key
 * makes re-sending and extending an event alert only people not alerted yet. Follow-up
 * (acknowledged, symptoms) is recorded here from the resident's buttons.
 */
export const exposureAlerts = pgTable(
  'exposure_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => exposureEvents.id, { onDelete: 'cascade' }),
    contactId: bigint('contact_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    dependentId: bigint('dependent_id', { mode: 'number' }).references(() => dependents.id, { onDelete: 'cascade' }),
    /** `c<contact>` or `d<dependent>`: one alert per person per event. */
    personKey: text('person_key').notNull(),
    windowId: bigint('window_id', { mode: 'number' }).references(() => exposureWindows.id, { onDelete: 'set null' }),
    /** queued | unreachable */
    status: text('status').notNull(),
    reason: text('reason'),
    channel: text('channel'),
    templateVersion: integer('template_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    symptomsAt: timestamp('symptoms_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('exposure_alerts_person').on(t.eventId, t.personKey), index('exposure_alerts_contact').on(t.contactId)],
);

/**
 * One-time codes a resident who tested positive shows to a health official ("Chia sẻ lịch sử cho
 * cán bộ y tế"). Only a hash is stored; a code lives 24 h and is spent by its first use.
 */
export const tracingShareCodes = pgTable(
  'tracing_share_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    contactId: bigint('contact_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    dependentId: bigint('dependent_id', { mode: 'number' }).references(() => dependents.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    eventId: bigint('event_id', { mode: 'number' }),
  },
  (t) => [index('tracing_share_codes_expiry').on(t.expiresAt)],
);

/** The alert text the district admin keeps; every edit is a new version and alerts record theirs. */
export const alertTemplates = pgTable('alert_templates', {
  version: bigserial('version', { mode: 'number' }).primaryKey(),
  body: text('body').notNull(),
  createdBy: bigint('created_by', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
