import { bigserial, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * People an admin made officials (CLI `officials:add <channel> <user id> <commune...>`), with the
 * communes they may see. Keyed by channel + chat id, like contacts, so the role survives before
 * the official has ever written to the bot.
 */
export const officials = pgTable(
  'officials',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    chatId: text('chat_id').notNull(),
    communeIds: jsonb('commune_ids').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('officials_chat').on(t.channel, t.chatId)],
);
