import { and, desc, eq, isNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { InboundEvent } from '../../channels/contract.js';
import type { Db } from '../client.js';
import { contacts, conversationStates } from '../schema/contacts.js';

export type ContactRow = typeof contacts.$inferSelect;

/** Where-clause for every chat of a person: its primary contact and the chats linked to it. */
export const chatsOfPerson = (personId: number | SQLWrapper) => or(eq(contacts.id, personId), eq(contacts.linkedTo, personId));

export class ContactsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Finds or creates the contact behind an event, refreshing its last-seen time and name. A channel
   * that cannot receive messages at all (the Zalo Mini App) passes `noMessages`: the contact is then
   * kept unreachable, so alerts and reminders go to the person's other chats.
   */
  async upsertFromEvent(e: InboundEvent, opts: { noMessages?: string } = {}): Promise<ContactRow> {
    const reach = opts.noMessages ? { unreachableAt: e.at, unreachableReason: opts.noMessages } : { unreachableAt: null, unreachableReason: null };
    const [row] = await this.db
      .insert(contacts)
      .values({ channel: e.channel, botId: e.botId, chatId: e.chatId, userId: e.userId, displayName: e.displayName ?? null, lastSeenAt: e.at, ...reach })
      .onConflictDoUpdate({
        target: [contacts.channel, contacts.botId, contacts.chatId],
        set: { lastSeenAt: e.at, displayName: sql`coalesce(excluded.display_name, ${contacts.displayName})`, ...reach },
      })
      .returning();
    if (!row) throw new Error('contact upsert returned nothing');
    return row;
  }

  async find(channel: string, botId: string, chatId: string): Promise<ContactRow | undefined> {
    const [row] = await this.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.channel, channel), eq(contacts.botId, botId), eq(contacts.chatId, chatId)));
    return row;
  }

  /** Of a person's chats (the primary and those linked to it), the reachable one used most recently. */
  async reachableChatOf(db: Db, personId: number): Promise<{ channel: string; botId: string; chatId: string } | undefined> {
    const [row] = await db
      .select({ channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId })
      .from(contacts)
      .where(and(chatsOfPerson(personId), isNull(contacts.unreachableAt)))
      .orderBy(desc(contacts.lastSeenAt))
      .limit(1);
    return row;
  }

  async setRole(id: number, role: string): Promise<void> {
    await this.db.update(contacts).set({ role }).where(eq(contacts.id, id));
  }

  /** The platform told us this chat cannot receive messages (blocked, outside the window). */
  async markUnreachable(channel: string, botId: string, chatId: string, reason: string): Promise<void> {
    await this.db
      .update(contacts)
      .set({ unreachableAt: new Date(), unreachableReason: reason })
      .where(and(eq(contacts.channel, channel), eq(contacts.botId, botId), eq(contacts.chatId, chatId)));
  }

  async getState(contactId: number, now: Date): Promise<unknown> {
    const [row] = await this.db.select().from(conversationStates).where(eq(conversationStates.contactId, contactId));
    if (!row || (row.expiresAt && row.expiresAt <= now)) return undefined;
    return row.state;
  }

  async saveState(db: Db, contactId: number, state: unknown, expiresAt: Date | null): Promise<void> {
    await db
      .insert(conversationStates)
      .values({ contactId, state: state ?? {}, expiresAt, updatedAt: new Date() })
      .onConflictDoUpdate({ target: conversationStates.contactId, set: { state: state ?? {}, expiresAt, updatedAt: new Date() } });
  }
}
