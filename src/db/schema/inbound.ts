import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Every accepted webhook update, stored before we answer 200. The unique (channel, bot, key) makes
 * a platform's redelivery a no-op; `status` lets the sweep find rows whose job was lost with Redis.
 */
export const inboundUpdates = pgTable(
  'inbound_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    botId: text('bot_id').notNull(),
    key: text('key').notNull(),
    chatId: text('chat_id').notNull(),
    payload: jsonb('payload').notNull(),
    /** received -> processed | ignored | failed */
    status: text('status').notNull().default('received'),
    error: text('error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbound_updates_key').on(t.channel, t.botId, t.key),
    index('inbound_updates_chat').on(t.channel, t.botId, t.chatId, t.id),
    index('inbound_updates_status').on(t.status, t.receivedAt),
  ],
);
