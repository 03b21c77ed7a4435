import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * Officials, made only by redeeming an invite (`officials:invite`, or an admin's `/moicanbo`).
 * `contactId` is the chat that redeemed the invite; every chat linked to the same person acts as
 * that official. `channel`/`chatId` repeat where it was redeemed, for operators reading the table.
 * An admin (`role = 'admin'`) covers every commune of the deployment, whatever `communeIds` says.
 * Rows written by the former `officials:add` (no `contactId`) grant nothing: re-invite them.
 */
export const officials = pgTable(
  'officials',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    chatId: text('chat_id').notNull(),
    communeIds: jsonb('commune_ids').$type<string[]>().notNull(),
    contactId: bigint('contact_id', { mode: 'number' }).references(() => contacts.id, { onDelete: 'cascade' }),
    role: text('role').notNull().default('official'),
    displayName: text('display_name'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('officials_chat').on(t.channel, t.chatId), index('officials_contact').on(t.contactId)],
);

/**
 * One-time invites: only a hash of the code is kept; a code is valid 48 hours and spent by its
 * first use. `createdBy` is the admin who invited from chat (null: an operator at the CLI).
 */
export const officialInvites = pgTable('official_invites', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  codeHash: text('code_hash').notNull().unique(),
  role: text('role').notNull(),
  communeIds: jsonb('commune_ids').$type<string[]>().notNull(),
  displayName: text('display_name'),
  createdBy: bigint('created_by', { mode: 'number' }).references(() => officials.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedBy: bigint('used_by', { mode: 'number' }).references(() => officials.id, { onDelete: 'set null' }),
});

/**
 * Personal API tokens of the officials' HTTP API (hash only). A token acts as its official, within
 * their communes; revoking the official or the token ends it.
 */
export const officialApiTokens = pgTable('official_api_tokens', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  officialId: bigint('official_id', { mode: 'number' })
    .notNull()
    .references(() => officials.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
