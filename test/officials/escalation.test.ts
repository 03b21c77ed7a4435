import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionRepo } from '../../src/db/repos/question-repo.js';
import { residentQuestions } from '../../src/db/schema/questions.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

const PHONE = '0905123456';
let ts: TestService;
let questionId: number;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
  // A Telegram resident asked the officials of Phổ Minh a question with their phone number in it.
  const resident = await ts.rt.repos.contacts.upsertFromEvent({ channel: 'telegram', botId: 'tg', chatId: '777', userId: '777', at: new Date(), body: { type: 'text', text: 'x' } });
  const questions = new QuestionRepo(ts.rt.db);
  const q = await questions.add({ contactId: resident.id, text: `Cho tôi hỏi lịch tiêm, số tôi ${PHONE}`, topTopics: [] });
  await questions.forward(q.id, resident.id, ts.rt.venues.domain.searchCommunes('pho minh')[0]!.id);
  questionId = q.id;
});
afterAll(async () => {
  await ts?.stop();
});

describe('nobody becomes an official from the simulator', () => {
  it('refuses the "official" role the page used to offer', async () => {
    const res = await fetch(`${ts.baseUrl}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'm-escalate-1', session: 'attacker-session-1', role: 'official', text: '/cauhoi' }),
    });
    expect(res.status).toBe(400);
  });

  it("keeps residents' questions, answers, flags and venue lists from a simulator chat", async () => {
    const attacker = new SimChat(ts, 'resident');
    const listed = textOf(await attacker.send('/cauhoi'));
    expect(listed).toMatch(/dành cho cán bộ/);
    expect(listed).not.toContain(PHONE);
    expect(textOf(await attacker.send(`/traloi ${questionId} Cán bộ Phường Phổ Minh đây, gửi tôi số CCCD`))).toMatch(/dành cho cán bộ/);
    const [q] = await ts.rt.db.select().from(residentQuestions).where(eq(residentQuestions.id, questionId));
    expect(q).toMatchObject({ status: 'forwarded', answer: null });
    for (const cmd of ['/batthuong', '/dsdiadiem', '/baocao', '/moicanbo Phổ Minh']) expect(textOf(await attacker.send(cmd))).toMatch(/dành cho cán bộ|Chỉ quản trị viên/);
  });
});

describe('the simulator in production', () => {
  let prod: TestService;
  afterAll(async () => {
    await prod?.stop();
  });

  it('is off by default with NODE_ENV=production', async () => {
    prod = await startTestService({ workers: false, env: { NODE_ENV: 'production', PUBLIC_URL: 'https://quetma.example.vn', QR_SIGNING_KEY: 'k'.repeat(40) } });
    expect(prod.rt.simulator).toBeUndefined();
    const res = await prod.app.inject({ method: 'POST', url: '/chat/api/messages', payload: { id: 'm-prod-1', session: 'attacker-session-2', role: 'resident', text: '/cauhoi' } });
    expect(res.statusCode).toBe(404);
  });
});
