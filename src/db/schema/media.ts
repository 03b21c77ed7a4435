import { customType, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Bytes we serve at PUBLIC_URL/media/<id>: generated QR images and posters for platforms that fetch
 * media by URL, and photos uploaded in the simulator. The id is random (unguessable) and rows expire.
 */
export const media = pgTable(
  'media',
  {
    id: text('id').primaryKey(),
    mime: text('mime').notNull(),
    filename: text('filename'),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('media_expires').on(t.expiresAt)],
);
