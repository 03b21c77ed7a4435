import { randomBytes } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../src/db/schema/contacts.js';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { residentQuestions } from '../../src/db/schema/questions.js';
import { registrations } from '../../src/db/schema/registrations.js';
import { venues } from '../../src/db/schema/venues.js';
import { dependents } from '../../src/db/schema/visits.js';
import { UnavailableError } from '../../src/domain/errors.js';
import { defaultFeatures } from '../../src/features.js';
import { APOLOGY, processInbound } from '../../src/pipeline/inbound-processor.js';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, pick, SimChat, textOf } from '../harness/sim-chat.js';

/**
 * Issue 11, "a turn is one transaction": a failure after a feature wrote (injected in the last
 * step before the replies are stored) leaves none of its rows; a transient failure is retried and
 * writes them once; a replayed or doubly-run update changes nothing.
 */
let ts: TestService;
let armed: { chat: string; kind: 'bug' | 'transient' } | undefined;
let fired = 0;

beforeAll(async () => {
  ts = await startTestService({
    listen: true,
    features: async (host) => [
      ...(await defaultFeatures(host)),
      {
        name: 'failure-injection',
        // Runs after every other feature handled (and wrote for) the turn, before the pipeline
        // stores its state and replies: the "reply step" of the turn.
        afterTurn: async (ctx, result) => {
          if (!armed || !ctx.event.chatId.startsWith(armed.chat)) return result;
          const kind = armed.kind;
          armed = undefined;
          fired++;
          if (kind === 'transient') throw new UnavailableError('an injected dependency');
          return (undefined as unknown as { replies: never }).replies;
        },
      },
    ],
  });
});
afterAll(async () => {
  await ts?.stop();
});

const arm = (chat: SimChat, kind: 'bug' | 'transient') => {
  armed = { chat: chat.session, kind };
};
const personOf = async (chat: SimChat) => {
  const [c] = await ts.rt.db.select().from(contacts).where(like(contacts.chatId, `${chat.session}.%`));
  return c!.linkedTo ?? c!.id;
};
/** Every update of the chat processed again, as a duplicate job or a replay would. */
async function replayAll(chat: SimChat): Promise<void> {
  const rows = await ts.rt.db.select({ id: inboundUpdates.id }).from(inboundUpdates).where(like(inboundUpdates.chatId, `${chat.session}.%`));
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(await processInbound(ts.rt.deps.inbound, r.id)).toEqual({ kind: 'done' });
}

describe('a turn is one transaction', () => {
  it('venue creation: a bug after the venue was written leaves no venue; the retry by the owner creates it once', async () => {
    const owner = new SimChat(ts, 'owner');
    const name = `Tạp hóa Nguyên Tử ${randomBytes(2).toString('hex')}`;
    expect(textOf(await owner.send('tao ma qr'))).toMatch(/Tên địa điểm/);
    const typeQ = await owner.send(name);
    expect(textOf(await owner.send(pick(typeQ, /^Cửa hàng/)))).toMatch(/Địa chỉ/);
    expect(textOf(await owner.send('12 Nguyễn Nghiêm, tổ dân phố 1'))).toMatch(/xã, phường/);
    expect(textOf(await owner.send('pho minh'))).toMatch(/điện thoại/);
    expect(textOf(await owner.send('0905 12 34 56'))).toMatch(/Xác nhận/);

    arm(owner, 'bug');
    expect(textOf(await owner.send({ choice: 'vn:confirm' }))).toBe(APOLOGY);
    expect(fired).toBe(1);
    expect(await ts.rt.db.select().from(venues).where(eq(venues.name, name))).toHaveLength(0);

    // Nothing of the failed turn was kept, its state neither: confirming again simply works.
    const done = await owner.send({ choice: 'vn:confirm' });
    expect(textOf(done)).toMatch(/Mã QR của/);
    expect(await ts.rt.db.select().from(venues).where(eq(venues.name, name))).toHaveLength(1);
    await replayAll(owner);
    expect(await ts.rt.db.select().from(venues).where(eq(venues.name, name))).toHaveLength(1);
  }, 120_000);

  it('registration: a transient failure after the registration was written is retried and registers once', async () => {
    const chat = new SimChat(ts, 'resident');
    const name = 'Phạm Thị Nguyên';
    expect(textOf(await chat.send('đăng ký tiêm'))).toMatch(/Bạn đồng ý cung cấp/);
    expect(textOf(await chat.send({ choice: 'rg:agree' }))).toMatch(/cho ai/);
    expect(textOf(await chat.send({ choice: 'rg:who:self' }))).toMatch(/Họ và tên/);
    const soon = new Date(Date.now() + 10 * 24 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    for (const answer of [name, '5/3/1961', 'nữ', '0905 123 457', '051161000789', 'bỏ qua', 'buôn bán', '5', 'pho minh', 'Tổ dân phố 3, đường Nguyễn Nghiêm', soon]) await chat.send(answer);
    let summary = '';
    for (const answer of ['không', 'k', 'không', 'chưa', 'ko', 'không rõ', 'có']) summary = textOf(await chat.send(answer));
    expect(summary).toContain(name);

    arm(chat, 'transient');
    const saved = await chat.send({ choice: 'rg:send' });
    expect(fired).toBe(2);
    expect(textOf(saved)).toMatch(/Đã ghi nhận đăng ký tiêm số \d+/);
    expect(saved.filter((m) => /Đã ghi nhận đăng ký/.test(m.part.text ?? ''))).toHaveLength(1);
    expect(await ts.rt.db.select().from(registrations).where(eq(registrations.fullName, name))).toHaveLength(1);
    await replayAll(chat);
    expect(await ts.rt.db.select().from(registrations).where(eq(registrations.fullName, name))).toHaveLength(1);
  }, 120_000);

  it('help desk: a question is not stored by a turn that failed', async () => {
    const resident = new SimChat(ts, 'resident');
    const question = `giá vàng hôm nay bao nhiêu ${randomBytes(2).toString('hex')}`;
    arm(resident, 'bug');
    expect(textOf(await resident.send(question))).toBe(APOLOGY);
    expect(await ts.rt.db.select().from(residentQuestions).where(eq(residentQuestions.text, question))).toHaveLength(0);
    const again = await resident.send(question);
    expect(choicesOf(again).some((c) => c.data.startsWith('hd:ask:'))).toBe(true);
    expect(await ts.rt.db.select().from(residentQuestions).where(eq(residentQuestions.text, question))).toHaveLength(1);
    await replayAll(resident);
    expect(await ts.rt.db.select().from(residentQuestions).where(eq(residentQuestions.text, question))).toHaveLength(1);
  });

  it('family members: a dependent is not added by a turn that failed', async () => {
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send({ choice: 'ci:depadd' }))).toMatch(/tên/i);
    await resident.send('Nguyễn Văn Tí');
    await resident.send('2015');
    arm(resident, 'bug');
    expect(textOf(await resident.send('con trai'))).toBe(APOLOGY);
    const person = await personOf(resident);
    const mine = () => ts.rt.db.select().from(dependents).where(eq(dependents.contactId, person));
    expect(await mine()).toHaveLength(0);
    expect(textOf(await resident.send('con trai'))).toContain('Nguyễn Văn Tí');
    expect(await mine()).toHaveLength(1);
    await replayAll(resident);
    expect(await mine()).toHaveLength(1);
  });

  it('the same update run twice at once writes its question and its reply once', async () => {
    const session = `s${randomBytes(6).toString('hex')}`;
    const text = `giá bạc hôm nay bao nhiêu ${randomBytes(2).toString('hex')}`;
    // Stored but not queued: this test runs the turn itself, twice, concurrently.
    const stored = await ts.rt.repos.inbound.store({
      channel: 'web',
      botId: 'simulator',
      key: `${session}:msg001`,
      chatId: `${session}.resident`,
      payload: { id: 'msg001', session, role: 'resident', text },
      status: 'received',
    });
    const outcomes = await Promise.all([processInbound(ts.rt.deps.inbound, stored.id), processInbound(ts.rt.deps.inbound, stored.id)]);
    expect(outcomes).toEqual([{ kind: 'done' }, { kind: 'done' }]);
    expect(await ts.rt.db.select().from(residentQuestions).where(eq(residentQuestions.text, text))).toHaveLength(1);
    const replies = await ts.rt.db.select().from(outboundMessages).where(and(eq(outboundMessages.inboundId, stored.id), eq(outboundMessages.partNo, 0)));
    expect(replies).toHaveLength(1);
  });
});
