import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** What the bot "sent" to a browser-simulator session; the chat page polls it. */
export const simulatorMessages = pgTable(
  'simulator_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sessionId: text('session_id').notNull(),
    part: jsonb('part').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('simulator_messages_session').on(t.sessionId, t.id)],
);
