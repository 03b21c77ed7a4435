import { boolean, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Administrative units of the deployment's area (issue 16): data, not source code. Codes are
 * stable (venues, visits, officials' scopes and questions refer to them); renamed and merged units
 * stay, so history keeps its names.
 */
export const adminUnits = pgTable('admin_units', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  parentCode: text('parent_code'),
  aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  mergedInto: text('merged_into'),
  retired: boolean('retired').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
