import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The send ledger, written only by the outbox (`src/outbox`). A row is claimed (pending -> sending)
 * by one worker, with its identity and a lease, before the platform call, and finished after it.
 * Every row ends: sent | failed | unreachable | expired | uncertain, each with its reason in
 * `error`. A row whose worker died mid-call is resolved by its class (see `src/outbox/recovery.ts`):
 * a reply becomes `uncertain` (at most once), an alert goes back to `pending` (at least once).
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
    /** pending -> sending -> sent | failed | unreachable | expired | uncertain */
    status: text('status').notNull().default('pending'),
    /** reply | alert | reminder | bulk: who goes first under the bot's shared rate limit. */
    priority: text('priority').notNull().default('reply'),
    /** After this the message is pointless and becomes `expired` instead of being sent. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Not before this (a scheduled send); the durable due time the Redis job only wakes. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Idempotency: one ledger message per (kind, key); `partNo` numbers its rendered parts. */
    dedupeKind: text('dedupe_kind'),
    dedupeKey: text('dedupe_key'),
    partNo: integer('part_no').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    platformMessageId: text('platform_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** The worker (process) holding the claim, and until when its claim holds without a heartbeat. */
    claimedBy: text('claimed_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('outbound_messages_chat').on(t.channel, t.botId, t.chatId, t.id),
    index('outbound_messages_status').on(t.status, t.createdAt),
    uniqueIndex('outbound_messages_dedupe').on(t.dedupeKind, t.dedupeKey, t.partNo).where(sql`${t.dedupeKind} is not null`),
  ],
);
