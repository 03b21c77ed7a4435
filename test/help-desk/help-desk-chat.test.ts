import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentQuestions } from '../../src/db/schema/questions.js';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, SimChat, textOf } from '../harness/sim-chat.js';
import { becomeOfficial } from '../harness/officials.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

describe('vaccination questions and the way to a person', () => {
  it('answers an everyday question without diacritics with a sourced answer', async () => {
    const resident = new SimChat(ts, 'resident');
    const reply = textOf(await resident.send('cho e hoi dk tiem vacxin tren mang o trang nao vay ad'));
    expect(reply).toMatch(/Xem thêm: https?:\/\//);
    expect(reply).toMatch(/đăng ký/i);
  });

  it('does not give a vaccination answer to an out-of-scope question, stores it and offers an official', async () => {
    const resident = new SimChat(ts, 'resident');
    const reply = await resident.send('giá vàng hôm nay bao nhiêu');
    expect(textOf(reply)).not.toMatch(/Xem thêm/);
    expect(choicesOf(reply).some((c) => c.data.startsWith('hd:ask:'))).toBe(true);
    const stored = await ts.rt.db.select().from(residentQuestions).where(eq(residentQuestions.text, 'giá vàng hôm nay bao nhiêu'));
    expect(stored).toHaveLength(1);
  });

  it('forwards a question to the officials of the chosen commune and brings the answer back once', async () => {
    const official = new SimChat(ts, 'resident');
    const phoMinh = ts.rt.venues.domain.searchCommunes('pho minh')[0]!;
    await becomeOfficial(ts, official, { communes: ['Phổ Minh'] });

    const resident = new SimChat(ts, 'resident');
    const first = await resident.send('gặp cán bộ');
    expect(textOf(first)).toMatch(/câu hỏi/);
    expect(textOf(await resident.send('Nhà tôi có người già nằm một chỗ, xã có tiêm tại nhà không?'))).toMatch(/phường, xã nào/);
    expect(textOf(await resident.send('pho minh'))).toContain('Đã chuyển câu hỏi');

    const forwarded = await official.replies();
    expect(textOf(forwarded)).toContain('người già nằm một chỗ');
    const replyChoice = choicesOf(forwarded).find((c) => c.data.startsWith('hd:reply:'))!;
    expect(textOf(await official.send({ choice: replyChoice.data }))).toMatch(/Nhập câu trả lời/);
    expect(textOf(await official.send('Có, trạm y tế tổ chức tiêm tại nhà; gọi số 0255 3859 xxx để hẹn.'))).toMatch(/Đã gửi/);

    const answer = await resident.replies();
    expect(textOf(answer)).toContain('tiêm tại nhà');
    expect(textOf(answer)).toContain(phoMinh.name);

    expect(textOf(await official.send({ choice: replyChoice.data }))).toMatch(/đã được trả lời/);
  });

  it('refuses the official commands to residents', async () => {
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send('/cauhoi'))).toMatch(/dành cho cán bộ/);
  });
});
