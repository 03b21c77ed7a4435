import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts } from '../schema/contacts.js';
import { residentQuestions } from '../schema/questions.js';

export type QuestionRow = typeof residentQuestions.$inferSelect;

/** A question with where its asker can be reached, for forwarding answers. */
export interface QuestionWithAsker extends QuestionRow {
  readonly askerChannel: string;
  readonly askerChatId: string;
  readonly askerBotId: string;
}

/** Stores unanswered and forwarded resident questions (see the schema doc). */
export class QuestionRepo {
  constructor(private readonly db: Db) {}

  async add(q: { contactId: number; text: string; topTopics: readonly string[] }): Promise<QuestionRow> {
    const [row] = await this.db.insert(residentQuestions).values({ contactId: q.contactId, text: q.text.slice(0, 2000), topTopics: [...q.topTopics] }).returning();
    return row!;
  }

  async get(id: number): Promise<QuestionWithAsker | undefined> {
    const [row] = await this.db
      .select({ q: residentQuestions, channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId })
      .from(residentQuestions)
      .innerJoin(contacts, eq(contacts.id, residentQuestions.contactId))
      .where(eq(residentQuestions.id, id));
    return row ? { ...row.q, askerChannel: row.channel, askerChatId: row.chatId, askerBotId: row.botId } : undefined;
  }

  /** Marks the question as passed to the officials of a commune (only the asker may do so). */
  async forward(id: number, contactId: number, communeId: string): Promise<boolean> {
    const rows = await this.db
      .update(residentQuestions)
      .set({ status: 'forwarded', communeId })
      .where(and(eq(residentQuestions.id, id), eq(residentQuestions.contactId, contactId), eq(residentQuestions.status, 'unanswered')))
      .returning({ id: residentQuestions.id });
    return rows.length === 1;
  }

  /** Records an answer once; a second answer to the same question is refused (false). */
  async answer(id: number, by: number, text: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(residentQuestions)
      .set({ status: 'answered', answer: text, answeredBy: by, answeredAt: at })
      .where(and(eq(residentQuestions.id, id), eq(residentQuestions.status, 'forwarded')))
      .returning({ id: residentQuestions.id });
    return rows.length === 1;
  }

  /** Open questions forwarded to these communes (or never forwarded, for officials improving the FAQ). */
  async open(communeIds: readonly string[], limit = 20): Promise<QuestionRow[]> {
    if (communeIds.length === 0) return [];
    return this.db
      .select()
      .from(residentQuestions)
      .where(or(and(eq(residentQuestions.status, 'forwarded'), inArray(residentQuestions.communeId, [...communeIds])), and(eq(residentQuestions.status, 'unanswered'), isNull(residentQuestions.communeId))))
      .orderBy(desc(residentQuestions.createdAt))
      .limit(limit);
  }
}
