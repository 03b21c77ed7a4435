import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Who read or changed personal data, when, what and for which commune. Written in the same
 * transaction as the action where there is one. `officialId` null: an operator at the CLI. No
 * personal data goes into `detail` (counts, ids, filters only).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    officialId: bigint('official_id', { mode: 'number' }),
    via: text('via').notNull(),
    action: text('action').notNull(),
    communeId: text('commune_id'),
    subject: text('subject'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_official').on(t.officialId, t.at)],
);
