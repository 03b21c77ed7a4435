import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visits } from '../../src/db/schema/visits.js';
import { useTelegramService } from '../harness/telegram-service.js';
import { waitFor } from '../harness/wait.js';

const tg = useTelegramService();
const post = (chat: number, text: string, id?: number) => tg.post(chat, text, id);

describe('a crowd at one door', () => {
  it('gives 50 residents scanning in the same second exactly one check-in each, even with duplicate deliveries', async () => {
    const { domain, service } = tg.ts.rt.venues;
    const a = await service.register({ name: 'Chợ Sa Huỳnh', typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn Thạch By', phone: '0912345678' });
    const chats = Array.from({ length: 50 }, (_, i) => 700_000 + i);
    const ids = chats.map(() => tg.nextUpdateId());
    // Every update is delivered twice at once (Telegram retries), all in the same moment.
    const responses = await Promise.all([...chats, ...chats].map((chat, i) => post(chat, i % 3 === 0 ? a.url : a.code.manualCode, ids[i % 50])));
    expect(responses.every((status) => status === 200)).toBe(true);

    await waitFor(async () => (await tg.ts.rt.db.select().from(visits).where(eq(visits.venueId, a.venue.id))).length >= 50 && tg.fake.delivered().length >= 50, '50 check-ins', 30_000);
    const rows = await tg.ts.rt.db.select().from(visits).where(eq(visits.venueId, a.venue.id));
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.contactId)).size).toBe(50);
    const replies = tg.fake.delivered().filter((c) => chats.includes(Number(c.params.chat_id)));
    expect(replies).toHaveLength(50);
    expect(replies.every((c) => String(c.params.text).includes('Chợ Sa Huỳnh'))).toBe(true);
  });

  it('treats a second scan of the same venue within minutes as a repeat, not a new visit', async () => {
    const { domain, service } = tg.ts.rt.venues;
    const a = await service.register({ name: 'Nhà văn hóa thôn', typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn 1', phone: '0912345679' });
    const chat = 800_001;
    await post(chat, a.code.manualCode);
    await waitFor(() => tg.fake.delivered().some((c) => Number(c.params.chat_id) === chat), 'first reply');
    await post(chat, a.url);
    await waitFor(() => tg.fake.delivered().filter((c) => Number(c.params.chat_id) === chat).length >= 2, 'second reply');
    const second = tg.fake.delivered().filter((c) => Number(c.params.chat_id) === chat)[1]!;
    expect(String(second.params.text)).toMatch(/đã khai báo|vừa khai báo/);
    expect(await tg.ts.rt.db.select().from(visits).where(eq(visits.venueId, a.venue.id))).toHaveLength(1);
  });
});
