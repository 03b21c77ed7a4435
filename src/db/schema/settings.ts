import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Values the service generates once and must keep (the development QR signing key). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
