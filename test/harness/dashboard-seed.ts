import { randomBytes } from 'node:crypto';
import { contacts } from '../../src/db/schema/contacts.js';
import { residentQuestions } from '../../src/db/schema/questions.js';
import { visits } from '../../src/db/schema/visits.js';
import { issueLoginLink } from '../../src/dashboard/auth.js';
import type { Runtime } from '../../src/runtime.js';
import { simulatorChatId } from '../../bots/web/adapter.js';
import type { TestService } from './service.js';
import { SimChat, textOf } from './sim-chat.js';

/** Two communes of the default deployment, used by the dashboard tests. */
export const COMMUNE_A = 'duc-pho/pho-minh';
export const COMMUNE_B = 'binh-son/binh-chau';

/** A contact on a channel (a resident or a venue owner) whose chat we can read back. */
export async function seedContact(rt: Runtime, opts: { channel?: string; chatId?: string; name?: string } = {}): Promise<{ id: number; chatId: string }> {
  const chatId = opts.chatId ?? `c${randomBytes(5).toString('hex')}`;
  const [row] = await rt.db
    .insert(contacts)
    .values({ channel: opts.channel ?? 'web', botId: 'simulator', chatId, userId: chatId, displayName: opts.name ?? null })
    .returning({ id: contacts.id });
  return { id: row!.id, chatId };
}

export async function seedVenue(rt: Runtime, v: { name: string; communeId: string; typeId?: string; phone?: string; ownerContactId?: number }): Promise<{ id: number; codeId: string; manualCode: string }> {
  const { domain, repo } = rt.venues;
  const { codeId } = domain.issueToken();
  const manualCode = domain.newManualCode();
  const r = await repo.create(
    { name: v.name, typeId: v.typeId ?? domain.types[0]!.id, communeId: v.communeId, address: `Số 1, ${v.name}`, phone: v.phone ?? '0905123456', ownerContactId: v.ownerContactId ?? null },
    { id: codeId, manualCode },
  );
  return { id: r.venue.id, codeId, manualCode };
}

export async function seedVisits(rt: Runtime, venue: { id: number; codeId: string; communeId: string }, contactId: number, times: readonly Date[]): Promise<void> {
  await rt.db.insert(visits).values(times.map((t) => ({ contactId, venueId: venue.id, codeId: venue.codeId, communeId: venue.communeId, method: 'code', checkedInAt: t, dedupeKey: `seed-${randomBytes(6).toString('hex')}` })));
}

/** A question a resident passed to the officials of a commune. */
export async function seedQuestion(rt: Runtime, contactId: number, communeId: string, text: string, createdAt?: Date): Promise<number> {
  const [row] = await rt.db
    .insert(residentQuestions)
    .values({ contactId, text, status: 'forwarded', communeId, ...(createdAt ? { createdAt } : {}) })
    .returning({ id: residentQuestions.id });
  return row!.id;
}

export async function seedRegistration(rt: Runtime, contactId: number, communeId: string, name: string, extra: { phone?: string; idNumber?: string } = {}): Promise<number> {
  const r = await rt.registrations.repo.create({
    contactId, relation: 'self', fullName: name, birthDate: '1960-03-05', gender: 'Nữ', phone: extra.phone ?? '0905000111', idKind: 'cccd', idNumber: extra.idNumber ?? '051160000123',
    insuranceNumber: null, occupation: 'Hưu trí', priorityGroup: 7, communeId, address: 'Thôn 1', preferredDate: null, screening: {},
  });
  return r.id;
}

/** An official (invited, as the only way there is) whose simulator chat can ask for /dangnhap. */
export async function seedOfficial(ts: TestService, communeIds: readonly string[] | 'all'): Promise<{ id: number; chat: SimChat }> {
  const chat = new SimChat(ts, 'resident');
  const { code } = await ts.rt.officials.invite({ role: communeIds === 'all' ? 'admin' : 'official', communeIds: communeIds === 'all' ? [] : communeIds, by: null, via: 'cli', now: new Date() });
  const reply = textOf(await chat.send(code));
  if (!/được cấp quyền/.test(reply)) throw new Error(`invite not accepted: ${reply}`);
  const official = await ts.rt.officials.forChat('web', 'simulator', simulatorChatId(chat.session, 'resident'));
  return { id: official!.id, chat };
}

/** A fresh one-time login link for an official (what /dangnhap sends). */
export async function loginLink(rt: Runtime, officialId: number): Promise<string> {
  const official = await rt.dashboard.auth.officials.byId(officialId);
  const r = await issueLoginLink(rt.dashboard.auth, official!, 'chat');
  if (!r.ok) throw new Error('login link refused');
  return r.url;
}
