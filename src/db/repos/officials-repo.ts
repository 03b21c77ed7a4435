import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts } from '../schema/contacts.js';
import { officialApiTokens, officialInvites, officials } from '../schema/officials.js';

export type OfficialRow = typeof officials.$inferSelect;
export type InviteRow = typeof officialInvites.$inferSelect;

/** What redeeming an invite did. */
export type RedeemInviteOutcome = { readonly kind: 'joined'; readonly official: OfficialRow; readonly invite: InviteRow } | { readonly kind: 'unknown' };

/**
 * Postgres side of officials: rows made by invites, the invites themselves and personal API
 * tokens. Only hashes of codes and tokens are stored. A person is an official when one of their
 * chats (the primary contact or one linked to it) redeemed an invite that was not revoked since.
 */
export class OfficialsRepo {
  constructor(private readonly db: Db) {}

  /** Active official rows of the person behind a chat (any chat linked to the same person counts). */
  async activeForChat(channel: string, botId: string, chatId: string): Promise<OfficialRow[]> {
    const [me] = await this.db
      .select({ id: contacts.id, linkedTo: contacts.linkedTo })
      .from(contacts)
      .where(and(eq(contacts.channel, channel), eq(contacts.botId, botId), eq(contacts.chatId, chatId)));
    if (!me) return [];
    return this.activeForPerson(this.db, me.linkedTo ?? me.id);
  }

  async activeForPerson(db: Db, personId: number): Promise<OfficialRow[]> {
    const rows = await db
      .select({ o: officials })
      .from(officials)
      .innerJoin(contacts, eq(contacts.id, officials.contactId))
      .where(and(isNull(officials.revokedAt), or(eq(contacts.id, personId), eq(contacts.linkedTo, personId))))
      .orderBy(asc(officials.id));
    return rows.map((r) => r.o);
  }

  async byId(id: number): Promise<OfficialRow | undefined> {
    const [row] = await this.db.select().from(officials).where(eq(officials.id, id));
    return row;
  }

  /** Every active official row that has a chat (the caller filters by commune scope). */
  async allActive(): Promise<OfficialRow[]> {
    return this.db.select().from(officials).where(and(isNull(officials.revokedAt), sql`${officials.contactId} is not null`)).orderBy(asc(officials.id));
  }

  async all(): Promise<OfficialRow[]> {
    return this.db.select().from(officials).orderBy(asc(officials.id));
  }

  /** Reachable chats of the person an official row belongs to, most recently used first. */
  async chatsOf(row: OfficialRow): Promise<{ channel: string; botId: string; chatId: string }[]> {
    if (row.contactId === null) return [];
    const [c] = await this.db.select({ id: contacts.id, linkedTo: contacts.linkedTo }).from(contacts).where(eq(contacts.id, row.contactId));
    if (!c) return [];
    const person = c.linkedTo ?? c.id;
    return this.db
      .select({ channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId })
      .from(contacts)
      .where(and(or(eq(contacts.id, person), eq(contacts.linkedTo, person)), isNull(contacts.unreachableAt)))
      .orderBy(sql`${contacts.lastSeenAt} desc`);
  }

  async addInvite(v: { codeHash: string; role: string; communeIds: string[]; displayName: string | null; createdBy: number | null; expiresAt: Date }): Promise<InviteRow> {
    const [row] = await this.db.insert(officialInvites).values(v).returning();
    return row!;
  }

  /**
   * Spends an invite for a chat: the chat's person becomes (or stays) an official, with the
   * invite's communes added to theirs and the higher role kept. One transaction, invite row locked.
   */
  async redeemInvite(codeHash: string, chat: { contactId: number; channel: string; chatId: string; displayName: string | null }, now: Date): Promise<RedeemInviteOutcome> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const [invite] = await tx
        .select()
        .from(officialInvites)
        .where(and(eq(officialInvites.codeHash, codeHash), isNull(officialInvites.usedAt), gt(officialInvites.expiresAt, now)))
        .for('update');
      if (!invite) return { kind: 'unknown' };
      const [c] = await tx.select({ id: contacts.id, linkedTo: contacts.linkedTo }).from(contacts).where(eq(contacts.id, chat.contactId));
      const existing = c ? (await this.activeForPerson(tx, c.linkedTo ?? c.id))[0] : undefined;
      const name = invite.displayName ?? chat.displayName;
      let official: OfficialRow;
      if (existing) {
        const communeIds = [...new Set([...existing.communeIds, ...invite.communeIds])];
        const role = existing.role === 'admin' || invite.role === 'admin' ? 'admin' : 'official';
        [official] = (await tx.update(officials).set({ communeIds, role, displayName: existing.displayName ?? name }).where(eq(officials.id, existing.id)).returning()) as [OfficialRow];
      } else {
        [official] = (await tx
          .insert(officials)
          .values({ channel: chat.channel, chatId: chat.chatId, contactId: chat.contactId, communeIds: invite.communeIds, role: invite.role, displayName: name })
          .onConflictDoUpdate({
            target: [officials.channel, officials.chatId],
            set: { contactId: chat.contactId, communeIds: invite.communeIds, role: invite.role, displayName: name, revokedAt: null, createdAt: now },
          })
          .returning()) as [OfficialRow];
      }
      await tx.update(officialInvites).set({ usedAt: now, usedBy: official.id }).where(eq(officialInvites.id, invite.id));
      return { kind: 'joined', official, invite };
    });
  }

  /** Ends an official's rights and their API tokens; false when there was no such active official. */
  async revoke(id: number, now: Date): Promise<boolean> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const rows = await tx.update(officials).set({ revokedAt: now }).where(and(eq(officials.id, id), isNull(officials.revokedAt))).returning({ id: officials.id });
      await tx.update(officialApiTokens).set({ revokedAt: now }).where(and(eq(officialApiTokens.officialId, id), isNull(officialApiTokens.revokedAt)));
      return rows.length === 1;
    });
  }

  async addToken(officialId: number, tokenHash: string): Promise<void> {
    await this.db.insert(officialApiTokens).values({ officialId, tokenHash });
  }

  /** The active official row behind a token hash (the token and the official both unrevoked). */
  async byToken(tokenHash: string, now: Date): Promise<OfficialRow | undefined> {
    const [row] = await this.db
      .select({ o: officials, tokenId: officialApiTokens.id })
      .from(officialApiTokens)
      .innerJoin(officials, eq(officials.id, officialApiTokens.officialId))
      .where(and(eq(officialApiTokens.tokenHash, tokenHash), isNull(officialApiTokens.revokedAt), isNull(officials.revokedAt)));
    if (!row) return undefined;
    await this.db.update(officialApiTokens).set({ lastUsedAt: now }).where(eq(officialApiTokens.id, row.tokenId));
    return row.o;
  }
}
