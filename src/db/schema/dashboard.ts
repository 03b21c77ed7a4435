import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { officials } from './officials.js';

/**
 * One-time login links of the officials' dashboard, asked for with "/dangnhap" in an official's
 * chat. Only a SHA-256 of the token is kept (a database dump cannot log anyone in); a link lives
 * five minutes and is spent by its first use (`usedAt`).
 */
export const dashboardLoginLinks = pgTable(
  'dashboard_login_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    officialId: bigint('official_id', { mode: 'number' })
      .notNull()
      .references(() => officials.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('dashboard_login_links_official').on(t.officialId, t.createdAt)],
);

/**
 * Dashboard sessions: the cookie carries a random id, the table its hash. A session ends after an
 * idle period, at an absolute limit, or at logout (`endedAt`); the official is re-read on every
 * request, so revoking an official ends their access at once.
 */
export const dashboardSessions = pgTable(
  'dashboard_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    officialId: bigint('official_id', { mode: 'number' })
      .notNull()
      .references(() => officials.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** logout | idle | revoked */
    endReason: text('end_reason'),
  },
  (t) => [index('dashboard_sessions_official').on(t.officialId)],
);
