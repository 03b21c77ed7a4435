import { createHash } from 'node:crypto';
import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { ConfirmOutcome, LinkedChat, LinkStore, RedeemOutcome } from '../../account-link/ports.js';
import type { Db } from '../client.js';
import { contacts, linkCodes } from '../schema/contacts.js';
import { chatsOfPerson } from './contacts-repo.js';
import { venues } from '../schema/venues.js';
import { dependents, visitFlags, visits } from '../schema/visits.js';
import { registrations, reminderOptOuts } from '../schema/registrations.js';

const hash = (code: string) => createHash('sha256').update(`quetma-link:${code}`).digest('hex');

/**
 * Postgres side of account linking. Typing a code only records a request on it; confirming it from
 * the issuing chat moves the redeeming chat's own data (visits,
 * family members, registrations, reminder opt-out, venues it owns) to the person's primary contact
 * in one transaction, so nothing a resident entered before linking disappears from view.
 * Questions to officials stay with the chat that asked, so answers come back where they were asked.
 */
export class LinkRepo implements LinkStore {
  constructor(private readonly db: Db) {}

  async issue(contactId: number, code: string, expiresAt: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.delete(linkCodes).where(eq(linkCodes.contactId, contactId));
      const rows = await tx.insert(linkCodes).values({ codeHash: hash(code), contactId, expiresAt }).onConflictDoNothing().returning();
      return rows.length === 1;
    });
  }

  async redeem(code: string, contactId: number, now: Date): Promise<RedeemOutcome> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await tx.delete(linkCodes).where(lte(linkCodes.expiresAt, now));
      const [found] = await tx.select().from(linkCodes).where(and(eq(linkCodes.codeHash, hash(code)), gt(linkCodes.expiresAt, now))).for('update');
      if (!found) return { kind: 'unknown' };
      if (found.contactId === contactId) return { kind: 'own-code' };
      const issuer = await this.contact(tx, found.contactId);
      const me = await this.contact(tx, contactId);
      if (!issuer || !me) return { kind: 'unknown' };
      if ((issuer.linkedTo ?? issuer.id) === (me.linkedTo ?? me.id)) {
        await tx.delete(linkCodes).where(eq(linkCodes.codeHash, found.codeHash));
        return { kind: 'already' };
      }
      // The first request holds the code: a second chat typing it learns nothing and gets nothing.
      if (found.requestedBy !== null && found.requestedBy !== contactId) return { kind: 'unknown' };
      await tx.update(linkCodes).set({ requestedBy: contactId }).where(eq(linkCodes.codeHash, found.codeHash));
      return { kind: 'requested', issuer: { channel: issuer.channel, botId: issuer.botId, chatId: issuer.chatId } };
    });
  }

  async pending(issuerContactId: number, now: Date): Promise<{ channel: string } | undefined> {
    const [row] = await this.db
      .select({ channel: contacts.channel })
      .from(linkCodes)
      .innerJoin(contacts, eq(contacts.id, linkCodes.requestedBy))
      .where(and(eq(linkCodes.contactId, issuerContactId), isNotNull(linkCodes.requestedBy), gt(linkCodes.expiresAt, now)));
    return row;
  }

  async confirm(issuerContactId: number, accept: boolean, now: Date): Promise<ConfirmOutcome> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const [found] = await tx
        .select()
        .from(linkCodes)
        .where(and(eq(linkCodes.contactId, issuerContactId), isNotNull(linkCodes.requestedBy), gt(linkCodes.expiresAt, now)))
        .for('update');
      if (!found || found.requestedBy === null) return { kind: 'nothing' };
      await tx.delete(linkCodes).where(eq(linkCodes.codeHash, found.codeHash));
      const issuer = await this.contact(tx, issuerContactId);
      const requester = await this.contact(tx, found.requestedBy);
      if (!issuer || !requester) return { kind: 'nothing' };
      const to = { channel: requester.channel, botId: requester.botId, chatId: requester.chatId };
      if (!accept) return { kind: 'declined', requester: to };
      const primary = issuer.linkedTo ?? issuer.id;
      const mine = requester.linkedTo ?? requester.id;
      if (primary !== mine) await this.mergePerson(tx, mine, primary, now);
      return { kind: 'linked', requester: { ...to, channelName: requester.channel } };
    });
  }

  async unlink(contactId: number): Promise<number> {
    const me = await this.contact(this.db, contactId);
    if (!me) return 0;
    if (me.linkedTo !== null) {
      await this.db.update(contacts).set({ linkedTo: null }).where(eq(contacts.id, contactId));
      return 1;
    }
    const freed = await this.db.update(contacts).set({ linkedTo: null }).where(eq(contacts.linkedTo, contactId)).returning({ id: contacts.id });
    return freed.length;
  }

  async chatsOf(contactId: number): Promise<LinkedChat[]> {
    const me = await this.contact(this.db, contactId);
    if (!me) return [];
    return this.db.select({ channel: contacts.channel }).from(contacts).where(chatsOfPerson(me.linkedTo ?? me.id)).orderBy(contacts.id);
  }

  private async contact(db: Db, id: number) {
    const [row] = await db.select({ id: contacts.id, linkedTo: contacts.linkedTo, channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId }).from(contacts).where(eq(contacts.id, id));
    return row;
  }

  /** Everything of person `from` (its primary and the chats linked to it) becomes person `to`'s. */
  private async mergePerson(tx: Db, from: number, to: number, now: Date): Promise<void> {
    await tx.update(contacts).set({ linkedTo: to }).where(chatsOfPerson(from));
    await tx.update(visits).set({ contactId: to }).where(eq(visits.contactId, from));
    // A person is in one place: of two open visits (one per chat), the later one stays open.
    await tx.execute(sql`update ${visits} set checked_out_at = ${now.toISOString()}::timestamptz, checkout_reason = 'elsewhere'
      where contact_id = ${to} and dependent_id is null and checked_out_at is null
        and id <> (select id from ${visits} where contact_id = ${to} and dependent_id is null and checked_out_at is null order by checked_in_at desc limit 1)`);
    await tx.update(visitFlags).set({ contactId: to }).where(eq(visitFlags.contactId, from));
    await tx.update(dependents).set({ contactId: to }).where(eq(dependents.contactId, from));
    await tx.update(registrations).set({ contactId: to }).where(eq(registrations.contactId, from));
    await tx.update(venues).set({ ownerContactId: to }).where(eq(venues.ownerContactId, from));
    // One opt-out for the person is enough: keep it if either side had opted out.
    await tx.execute(sql`insert into ${reminderOptOuts} (contact_id, at) select ${to}, at from ${reminderOptOuts} where contact_id = ${from} on conflict do nothing`);
    await tx.delete(reminderOptOuts).where(eq(reminderOptOuts.contactId, from));
  }
}
