import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, conversationStates, linkCodes } from '../schema/contacts.js';
import { broadcastRecipients, consentEvents, residentHomes } from '../schema/broadcasts.js';
import { inboundUpdates } from '../schema/inbound.js';
import { outboundMessages } from '../schema/outbound.js';
import { residentQuestions } from '../schema/questions.js';
import { registrations, reminderOptOuts } from '../schema/registrations.js';
import { simulatorMessages } from '../schema/simulator.js';
import { exposureAlerts, exposureEvents, tracingShareCodes } from '../schema/tracing.js';
import { venues } from '../schema/venues.js';
import { dependents, visitFlags, visits } from '../schema/visits.js';
import { chatsOfPerson } from './contacts-repo.js';

/** The reason on a broadcast row (and its waiting message) stopped because the person erased their data. */
const ERASED = 'erased';

/** What an erasure removed, for the resident's confirmation and the operator's log (counts only). */
export interface ErasureCounts {
  readonly chats: number;
  readonly visits: number;
  readonly familyMembers: number;
  readonly registrations: number;
}

/**
 * "XÓA DỮ LIỆU": everything about a person and their family members, in every linked chat, in one
 * transaction. The other linked chats' contacts are deleted (their data goes by cascade); the chat
 * that asked stays as a fresh, unlinked contact so the confirmation can reach it. Venues they own
 * stay (other people's check-ins point at them) without their owner; raw updates and message
 * bodies of those chats are emptied.
 */
export class ErasureRepo {
  constructor(private readonly db: Db) {}

  async erasePerson(personId: number, keepChatId: number): Promise<ErasureCounts> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const chats = await tx.select({ id: contacts.id, channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId }).from(contacts).where(or(chatsOfPerson(personId), eq(contacts.id, keepChatId)));
      const ids = chats.map((c) => c.id);
      const counts = {
        chats: chats.length,
        visits: (await tx.delete(visits).where(inArray(visits.contactId, ids)).returning({ id: visits.id })).length,
        familyMembers: (await tx.delete(dependents).where(inArray(dependents.contactId, ids)).returning({ id: dependents.id })).length,
        registrations: (await tx.delete(registrations).where(inArray(registrations.contactId, ids)).returning({ id: registrations.id })).length,
      };
      await tx.delete(visitFlags).where(inArray(visitFlags.contactId, ids));
      await tx.delete(reminderOptOuts).where(inArray(reminderOptOuts.contactId, ids));
      await tx.delete(residentQuestions).where(inArray(residentQuestions.contactId, ids));
      await tx.delete(linkCodes).where(inArray(linkCodes.contactId, ids));
      await tx.update(venues).set({ ownerContactId: null }).where(inArray(venues.ownerContactId, ids));
      await tx.delete(conversationStates).where(inArray(conversationStates.contactId, ids));
      // Later features' rows about the person: home commune, consent decisions (nothing is left to
      // consent about; the fresh chat is asked again), exposure alerts with their follow-up
      // (symptoms), share codes, and their name as the case of an event (the event itself stays).
      await tx.delete(residentHomes).where(inArray(residentHomes.personId, ids));
      await tx.delete(consentEvents).where(inArray(consentEvents.personId, ids));
      await tx.delete(exposureAlerts).where(inArray(exposureAlerts.contactId, ids));
      await tx.delete(tracingShareCodes).where(inArray(tracingShareCodes.contactId, ids));
      await tx.update(exposureEvents).set({ caseContactId: null }).where(inArray(exposureEvents.caseContactId, ids));
      // Broadcasts not yet sent to them stop: a row not handed over yet is cancelled, a handed-over
      // message still waiting ends (the engine copies that onto its row). Results keep their counts,
      // not the chat a message went to.
      const theirs = inArray(broadcastRecipients.personId, ids);
      await tx.update(broadcastRecipients).set({ status: 'cancelled', reason: ERASED, finishedAt: new Date() }).where(and(theirs, eq(broadcastRecipients.status, 'pending')));
      const queued = tx.select({ id: broadcastRecipients.outboundId }).from(broadcastRecipients).where(and(theirs, eq(broadcastRecipients.status, 'queued')));
      await tx.update(outboundMessages).set({ status: 'expired', error: ERASED, finishedAt: new Date() }).where(and(inArray(outboundMessages.id, queued), eq(outboundMessages.status, 'pending')));
      await tx.update(broadcastRecipients).set({ channel: null, botId: null, chatId: null }).where(theirs);
      for (const c of chats) {
        const chat = and(eq(inboundUpdates.channel, c.channel), eq(inboundUpdates.botId, c.botId), eq(inboundUpdates.chatId, c.chatId));
        await tx.update(inboundUpdates).set({ payload: {} }).where(and(chat, ne(inboundUpdates.status, 'received')));
        await tx
          .update(outboundMessages)
          .set({ part: { type: 'text', cleared: true } })
          .where(and(eq(outboundMessages.channel, c.channel), eq(outboundMessages.botId, c.botId), eq(outboundMessages.chatId, c.chatId), ne(outboundMessages.status, 'pending')));
        if (c.channel === 'web') await tx.delete(simulatorMessages).where(eq(simulatorMessages.sessionId, c.chatId));
      }
      await tx.delete(contacts).where(and(inArray(contacts.id, ids), ne(contacts.id, keepChatId)));
      await tx.update(contacts).set({ displayName: null, linkedTo: null, role: 'resident' }).where(eq(contacts.id, keepChatId));
      return counts;
    });
  }
}
