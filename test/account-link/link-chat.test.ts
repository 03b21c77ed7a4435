import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorChatId } from '../../bots/web/adapter.js';
import { contacts } from '../../src/db/schema/contacts.js';
import { registrations } from '../../src/db/schema/registrations.js';
import { visits } from '../../src/db/schema/visits.js';
import { RegistrationRepo } from '../../src/db/repos/registration-repo.js';
import { useTelegramService } from '../harness/telegram-service.js';
import { choicesOf, SimChat, textOf } from '../harness/sim-chat.js';
import { waitFor } from '../harness/wait.js';

const tg = useTelegramService();

/** Sends a text as a Telegram user and resolves with the text of the bot's replies to it. */
async function telegram(chat: number, text: string): Promise<string> {
  const mine = () => tg.fake.delivered().filter((c) => Number(c.params.chat_id) === chat);
  const before = mine().length;
  expect(await tg.post(chat, text)).toBe(200);
  await waitFor(() => mine().length > before, `reply to ${text}`);
  return mine().slice(before).map((c) => String(c.params.text ?? c.params.caption ?? '')).join('\n');
}

const codeIn = (text: string) => /LIÊN KẾT (\d{6})/.exec(text)?.[1];

/** Links chat `other` to `issuer`'s person the way a resident does: code in one, typed in the other, confirmed in the first. */
async function link(issuer: SimChat, other: SimChat): Promise<void> {
  const code = codeIn(textOf(await issuer.send('liên kết')))!;
  expect(textOf(await other.send(`liên kết ${code}`))).toMatch(/Đã gửi yêu cầu/);
  await issuer.replies();
  expect(textOf(await issuer.send({ choice: 'link:ok' }))).toMatch(/Đã liên kết/);
  await other.replies();
}

async function venue(name: string) {
  const { domain, service } = tg.ts.rt.venues;
  return service.register({ name, typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn 2', phone: '0912345678' });
}

describe('linking a resident\'s Zalo/Telegram/web chats', () => {
  it('shares history across the linked chats and keeps the person in one place', async () => {
    const market = await venue('Chợ Trà Câu');
    const school = await venue('Trường THCS Phổ Văn');
    const web = new SimChat(tg.ts, 'resident');
    const tgChat = 910_001;

    expect(await telegram(tgChat, market.code.manualCode)).toContain('Chợ Trà Câu');
    expect(textOf(await web.send(school.code.manualCode))).toContain('Trường THCS Phổ Văn');

    const issued = textOf(await web.send('liên kết'));
    const code = codeIn(issued);
    expect(code, issued).toBeDefined();
    expect(issued).toMatch(/một lần, trong 10 phút/);

    const requested = await telegram(tgChat, `lien ket ${code!.slice(0, 3)} ${code!.slice(3)}`);
    expect(requested).toMatch(/Đã gửi yêu cầu liên kết[\s\S]*Đồng ý/);
    // Nothing is shared until the chat that showed the code agrees.
    expect(await telegram(tgChat, 'lich su')).not.toContain('Trường THCS Phổ Văn');
    const ask = await web.replies();
    expect(textOf(ask)).toMatch(/Một cuộc trò chuyện khác \(Telegram\) muốn liên kết[\s\S]*Đồng ý\?/);
    const before = tg.fake.delivered().length;
    const linked = textOf(await web.send({ choice: choicesOf(ask).find((c) => c.label === 'Đồng ý')!.data }));
    expect(linked).toMatch(/Đã liên kết/);
    expect(linked).toContain('Telegram');
    await waitFor(() => tg.fake.delivered().slice(before).some((c) => Number(c.params.chat_id) === tgChat && /Đã liên kết/.test(String(c.params.text))), 'link confirmed on Telegram');

    for (const history of [textOf(await web.send('lịch sử')), await telegram(tgChat, 'lich su')]) {
      expect(history).toContain('Chợ Trà Câu');
      expect(history).toContain('Trường THCS Phổ Văn');
    }
    const [webContact] = await tg.ts.rt.db.select().from(contacts).where(and(eq(contacts.channel, 'web'), eq(contacts.chatId, simulatorChatId(web.session, 'resident'))));
    const open = await tg.ts.rt.db.select().from(visits).where(and(eq(visits.contactId, webContact!.id), isNull(visits.checkedOutAt), isNull(visits.dependentId)));
    expect(open.map((v) => v.venueId)).toEqual([school.venue.id]);
  });

  it('spends a code once and refuses a chat its own code', async () => {
    const a = new SimChat(tg.ts, 'resident');
    const b = new SimChat(tg.ts, 'resident');
    const c = new SimChat(tg.ts, 'resident');
    const code = codeIn(textOf(await a.send('/lienket')))!;
    expect(textOf(await a.send(`/lienket ${code}`))).toMatch(/chính tài khoản này/);
    expect(textOf(await b.send(`LIÊN KẾT ${code}`))).toMatch(/Đã gửi yêu cầu/);
    // The first request holds the code: a second chat typing it gets nothing.
    expect(textOf(await c.send(`LIÊN KẾT ${code}`))).toMatch(/không đúng hoặc đã hết hạn/);
    await a.replies();
    expect(textOf(await a.send({ choice: 'link:ok' }))).toMatch(/Đã liên kết/);
    // b is told too; read that first, so the next answer is the one to b's new message.
    expect(textOf(await b.replies())).toMatch(/Đã liên kết/);
    expect(textOf(await b.send(`LIÊN KẾT ${code}`))).toMatch(/không đúng hoặc đã hết hạn/);
  });

  it('stops a chat that guesses codes, even when it then types a real one', async () => {
    const owner = new SimChat(tg.ts, 'resident');
    const guesser = new SimChat(tg.ts, 'resident');
    const real = codeIn(textOf(await owner.send('lien ket')))!;
    const wrong = real === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect(textOf(await guesser.send(`lien ket ${wrong}`))).toMatch(/không đúng/);
    expect(textOf(await guesser.send(`lien ket ${wrong}`))).toMatch(/sai mã liên kết quá nhiều lần/);
    expect(textOf(await guesser.send(`lien ket ${real}`))).toMatch(/quá nhiều lần/);
    expect(textOf(await owner.send('huy lien ket'))).toMatch(/chưa liên kết/);
  });

  it('unlinks a chat, which starts afresh while the history stays with the other', async () => {
    const shop = await venue('Tạp hóa Cô Ba');
    const first = new SimChat(tg.ts, 'resident');
    const second = new SimChat(tg.ts, 'resident');
    await first.send(shop.code.manualCode);
    await link(first, second);
    expect(textOf(await second.send('lịch sử'))).toContain('Tạp hóa Cô Ba');
    expect(textOf(await second.send('hủy liên kết'))).toMatch(/bắt đầu lại riêng/);
    expect(textOf(await second.send('lịch sử'))).not.toContain('Tạp hóa Cô Ba');
    expect(textOf(await first.send('lịch sử'))).toContain('Tạp hóa Cô Ba');
  });

  it('sends reminders to the reachable chat the person used last', async () => {
    const phone = new SimChat(tg.ts, 'resident');
    const tgChat = 910_002;
    await phone.send('xin chào');
    const code = codeIn(textOf(await phone.send('liên kết')))!;
    await telegram(tgChat, `/lienket ${code}`);
    await phone.replies();
    await phone.send({ choice: 'link:ok' });
    const [owner] = await tg.ts.rt.db.select().from(contacts).where(and(eq(contacts.channel, 'web'), eq(contacts.chatId, simulatorChatId(phone.session, 'resident'))));
    // Telegram dates have whole seconds: make "the web chat was used an hour ago" explicit.
    await tg.ts.rt.db.update(contacts).set({ lastSeenAt: new Date(Date.now() - 3600_000) }).where(eq(contacts.id, owner!.id));
    const [reg] = await tg.ts.rt.db.insert(registrations).values({ contactId: owner!.id, communeId: tg.ts.rt.venues.domain.communes[0]!.id, fullName: 'Lê Văn Tư' }).returning();
    const repo = new RegistrationRepo(tg.ts.rt.db);
    expect((await repo.reminderTarget(reg!.id))!.channel).toBe('telegram');
    await tg.ts.rt.db.update(contacts).set({ unreachableAt: new Date(), unreachableReason: 'blocked' }).where(eq(contacts.linkedTo, owner!.id));
    expect((await repo.reminderTarget(reg!.id))!.chatId).toBe(simulatorChatId(phone.session, 'resident'));
  });
});
