import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { FOLD_FROM, FOLD_TO } from './fold-sql.js';

/**
 * A place (or vehicle) that must display a QR code. Owners register by chat; officials by CLI or
 * import. `status` suspended makes every code of the venue refuse check-ins without revoking them.
 */
export const venues = pgTable(
  'venues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    typeId: text('type_id').notNull(),
    communeId: text('commune_id').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    /** Vehicles only: licence plate and route. */
    plate: text('plate'),
    route: text('route'),
    /** active | suspended */
    status: text('status').notNull().default('active'),
    ownerContactId: bigint('owner_contact_id', { mode: 'number' }).references(() => contacts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Name, address, phone and plate folded the way src/language folds residents' words (no marks,
     * đ->d, lower case), kept by Postgres itself: officials search "cho pho minh" and find "Chợ Phổ
     * Minh" without a per-row function call, whoever wrote the row (chat, CLI, import, SQL).
     */
    searchText: text('search_text').generatedAlwaysAs(
      sql.raw(`lower(translate(name || ' ' || address || ' ' || phone || ' ' || coalesce(plate, ''), '${FOLD_FROM}', '${FOLD_TO}'))`),
    ),
  },
  (t) => [index('venues_commune').on(t.communeId, t.typeId, t.status), index('venues_owner').on(t.ownerContactId)],
);

/**
 * One printed code of a venue (an entrance, a counter, a vehicle). Its id is inside the signed QR
 * token; re-issuing revokes the row (the token stops working at once) and creates a new one, while
 * visits keep pointing at the old row.
 */
export const venueCodes = pgTable(
  'venue_codes',
  {
    id: text('id').primaryKey(),
    venueId: bigint('venue_id', { mode: 'number' })
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    label: text('label'),
    manualCode: text('manual_code').notNull(),
    /** active | revoked */
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('venue_codes_manual').on(t.manualCode), index('venue_codes_venue').on(t.venueId)],
);
