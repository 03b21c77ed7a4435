import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The send ledger. A row is claimed (pending -> sending) before the platform call and finished
 * (sent / failed / unreachable) after it, so a retried or crashed job never sends twice. A row left
 * in `sending` by a crash becomes `uncertain`: we prefer a possibly lost message to a duplicate.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    botId: text('bot_id').notNull(),
    chatId: text('chat_id').notNull(),
    inboundId: bigint('inbound_id', { mode: 'number' }),
    part: jsonb('part').notNull(),
    /** pending -> sending -> sent | failed | unreachable | uncertain */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    platformMessageId: text('platform_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('outbound_messages_chat').on(t.channel, t.botId, t.chatId, t.id),
    index('outbound_messages_status').on(t.status, t.createdAt),
  ],
);
