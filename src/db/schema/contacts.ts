import { bigserial, bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A person as seen on one channel. Identity is per channel on purpose: the same human on Zalo and
 * Telegram is two contacts unless they link them. A linked contact points at the person's primary
 * contact (`linkedTo`), which owns the shared data (visits, family members, registrations, venues);
 * the conversation state stays per chat.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    botId: text('bot_id').notNull(),
    chatId: text('chat_id').notNull(),
    userId: text('user_id').notNull(),
    displayName: text('display_name'),
    /** resident | owner | official (officials are granted by an admin, see officials table). */
    role: text('role').notNull().default('resident'),
    linkedTo: bigint('linked_to', { mode: 'number' }).references((): AnyPgColumn => contacts.id, { onDelete: 'set null' }),
    unreachableAt: timestamp('unreachable_at', { withTimezone: true }),
    unreachableReason: text('unreachable_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contacts_chat').on(t.channel, t.botId, t.chatId), index('contacts_linked_to').on(t.linkedTo)],
);

/**
 * One-time codes that link two chats of the same person: shown in one chat, typed in the other.
 * Only a hash is kept; a code lives ten minutes. Typing it records a request (`requestedBy`); the
 * link is made only when the chat that showed the code confirms, so a guessed code links nothing.
 */
export const linkCodes = pgTable('contact_link_codes', {
  codeHash: text('code_hash').primaryKey(),
  contactId: bigint('contact_id', { mode: 'number' })
    .notNull()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  requestedBy: bigint('requested_by', { mode: 'number' }).references((): AnyPgColumn => contacts.id, { onDelete: 'cascade' }),
});

/**
 * Where a contact is in a conversation (a guided flow, the last choices offered). Kept in Postgres
 * so a half-finished flow survives a restart; `expiresAt` ends abandoned flows.
 */
export const conversationStates = pgTable('conversation_states', {
  contactId: bigint('contact_id', { mode: 'number' })
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  state: jsonb('state').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

