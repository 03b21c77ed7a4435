import { and, eq, inArray, isNotNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, conversationStates } from '../schema/contacts.js';
import { inboundUpdates } from '../schema/inbound.js';
import { outboundMessages } from '../schema/outbound.js';
import { residentQuestions } from '../schema/questions.js';
import { simulatorMessages } from '../schema/simulator.js';

const DONE_OUTBOUND = ['sent', 'failed', 'unreachable', 'uncertain', 'expired'];

/**
 * The retention steps that are not owned by a domain (visits and registrations purge themselves):
 * raw updates, sent message bodies, simulator data, abandoned conversation states and residents'
 * questions to the help desk.
 */
export class RetentionRepo {
  constructor(private readonly db: Db) {}

  /** Processed (or ignored) updates keep only their dedupe key (channel, bot, key): the payload goes. */
  async reduceInbound(): Promise<number> {
    const rows = await this.db
      .update(inboundUpdates)
      .set({ payload: {} })
      .where(and(inArray(inboundUpdates.status, ['processed', 'ignored', 'failed']), sql`${inboundUpdates.payload} <> '{}'::jsonb`))
      .returning({ id: inboundUpdates.id });
    return rows.length;
  }

  /** Bodies of messages that left the ledger's hands (sent, failed...) before the cutoff: only their kind stays. */
  async clearSentBodies(cutoff: Date): Promise<number> {
    const rows = await this.db
      .update(outboundMessages)
      .set({ part: sql`jsonb_build_object('type', ${outboundMessages.part}->>'type', 'cleared', true)` })
      .where(and(inArray(outboundMessages.status, DONE_OUTBOUND), lt(outboundMessages.createdAt, cutoff), sql`not (${outboundMessages.part} ? 'cleared')`))
      .returning({ id: outboundMessages.id });
    return rows.length;
  }

  /** Simulator chats idle since the cutoff: their contacts (and so all their data) and their messages. */
  async expireSimulator(cutoff: Date): Promise<number> {
    await this.db.delete(simulatorMessages).where(lt(simulatorMessages.createdAt, cutoff));
    const gone = await this.db.delete(contacts).where(and(eq(contacts.channel, 'web'), lt(contacts.lastSeenAt, cutoff))).returning({ id: contacts.id });
    return gone.length;
  }

  /** Conversation states past their expiry (abandoned flows with half-filled forms). */
  async expireStates(now: Date): Promise<number> {
    const rows = await this.db.delete(conversationStates).where(and(isNotNull(conversationStates.expiresAt), lte(conversationStates.expiresAt, now))).returning({ id: conversationStates.contactId });
    return rows.length;
  }

  /** Questions answered before the cutoff, or asked before it and still unanswered (nobody will answer them now). */
  async expireQuestions(cutoff: Date): Promise<number> {
    const rows = await this.db
      .delete(residentQuestions)
      .where(or(and(eq(residentQuestions.status, 'answered'), lt(residentQuestions.answeredAt, cutoff)), and(ne(residentQuestions.status, 'answered'), lt(residentQuestions.createdAt, cutoff))))
      .returning({ id: residentQuestions.id });
    return rows.length;
  }
}

