import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * Questions the FAQ could not answer, and questions a resident asked to pass to a person. Officials
 * see the open ones of their communes and answer by chat; the answer goes back to the resident.
 * Kept so the knowledge base can grow from what residents really ask.
 */
export const residentQuestions = pgTable(
  'resident_questions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contactId: bigint('contact_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** Best topics the matcher offered, for officials improving the knowledge base. */
    topTopics: jsonb('top_topics').$type<string[]>().notNull().default([]),
    /** unanswered | forwarded | answered */
    status: text('status').notNull().default('unanswered'),
    communeId: text('commune_id'),
    answer: text('answer'),
    answeredBy: bigint('answered_by', { mode: 'number' }).references(() => contacts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('resident_questions_open').on(t.status, t.communeId), index('resident_questions_contact').on(t.contactId)],
);
