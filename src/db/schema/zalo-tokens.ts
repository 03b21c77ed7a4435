import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The Zalo OA access/refresh token pair. Refresh tokens are single-use, so the pair lives in the
 * database (not in memory or config): a refresh locks this row, spends the refresh token, and
 * stores the new pair before anything uses it, so two processes never spend the same token.
 */
export const zaloTokens = pgTable('zalo_tokens', {
  appId: text('app_id').primaryKey(),
  accessToken: text('access_token').notNull(),
  refreshToken: text('refresh_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
