import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visits } from '../../src/db/schema/visits.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';

let fake: FakeTelegram;
let ts: TestService;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
  ts = await startTestService({
    listen: true,
    env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url },
  });
});
afterAll(async () => {
  await ts?.stop();
  await fake?.close();
});

let updateId = 1;
function post(chat: number, text: string, id = updateId++) {
  return fetch(`${ts.baseUrl}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
    body: JSON.stringify({ update_id: id, message: { message_id: id, date: 1_700_000_000, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Dân' }, text } }),
  });
}

describe('a crowd at one door', () => {
  it('gives 50 residents scanning in the same second exactly one check-in each, even with duplicate deliveries', async () => {
    const { domain, service } = ts.rt.venues;
    const a = await service.register({ name: 'Chợ Sa Huỳnh', typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn Thạch By', phone: '0912345678' });
    const chats = Array.from({ length: 50 }, (_, i) => 700_000 + i);
    const ids = chats.map(() => updateId++);
    // Every update is delivered twice at once (Telegram retries), all in the same moment.
    const responses = await Promise.all([...chats, ...chats].map((chat, i) => post(chat, i % 3 === 0 ? a.url : a.code.manualCode, ids[i % 50])));
    expect(responses.every((r) => r.status === 200)).toBe(true);

    await waitFor(async () => (await ts.rt.db.select().from(visits).where(eq(visits.venueId, a.venue.id))).length >= 50 && fake.delivered().length >= 50, '50 check-ins', 30_000);
    const rows = await ts.rt.db.select().from(visits).where(eq(visits.venueId, a.venue.id));
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.contactId)).size).toBe(50);
    const replies = fake.delivered().filter((c) => chats.includes(Number(c.params.chat_id)));
    expect(replies).toHaveLength(50);
    expect(replies.every((c) => String(c.params.text).includes('Chợ Sa Huỳnh'))).toBe(true);
  });

  it('treats a second scan of the same venue within minutes as a repeat, not a new visit', async () => {
    const { domain, service } = ts.rt.venues;
    const a = await service.register({ name: 'Nhà văn hóa thôn', typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn 1', phone: '0912345679' });
    const chat = 800_001;
    await post(chat, a.code.manualCode);
    await waitFor(() => fake.delivered().some((c) => Number(c.params.chat_id) === chat), 'first reply');
    await post(chat, a.url);
    await waitFor(() => fake.delivered().filter((c) => Number(c.params.chat_id) === chat).length >= 2, 'second reply');
    const second = fake.delivered().filter((c) => Number(c.params.chat_id) === chat)[1]!;
    expect(String(second.params.text)).toMatch(/đã khai báo|vừa khai báo/);
    expect(await ts.rt.db.select().from(visits).where(eq(visits.venueId, a.venue.id))).toHaveLength(1);
  });
});
