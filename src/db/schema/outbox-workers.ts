import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Live send workers: each process heartbeats its row every few seconds. A `sending` row whose
 * claimant stopped heartbeating belongs to a dead worker and is resolved within seconds, not after
 * a long fixed timeout.
 */
export const outboxWorkers = pgTable('outbox_workers', {
  id: text('id').primaryKey(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});
