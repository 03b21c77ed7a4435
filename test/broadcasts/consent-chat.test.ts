import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, choicesOf, textOf } from '../harness/sim-chat.js';
import { becomeOfficial } from '../harness/officials.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true, env: { BROADCAST_QUIET_HOURS: 'false', BROADCAST_TICK_MS: '200' } });
});
afterAll(async () => {
  await ts?.stop();
});

const decisions = async () =>
  rowsOf(await ts.rt.db.execute(sql`select purpose, given, channel, text_shown, text_version from consent_events order by id`)).map((r) => [r.purpose, r.given, r.channel]);

describe('consent by chat and an announcement composed by chat', () => {
  it('a resident picks a commune, stops with DỪNG or HỦY, resumes, sees it in /quyenriengtu, and receives an announcement', async () => {
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send('đổi xã'))).toMatch(/xã, phường nào/);
    expect(textOf(await resident.send('pho minh'))).toMatch(/nhận thông báo của Phường Phổ Minh/);
    const [first] = rowsOf(await ts.rt.db.execute(sql`select text_shown, text_version from consent_events`));
    expect(first!.text_shown).toMatch(/Không bắt buộc/);
    expect(first!.text_version).toMatch(/^v1/);
    expect(textOf(await resident.send('DỪNG'))).toMatch(/Đã dừng nhắc lịch tiêm và thông báo[\s\S]*BẮT ĐẦU/);
    expect(textOf(await resident.send('huy'))).toMatch(/Đã dừng/);
    expect(await decisions()).toEqual([
      ['announcements', true, 'web'],
      ['announcements', false, 'web'],
      ['reminders', false, 'web'],
      ['announcements', false, 'web'],
      ['reminders', false, 'web'],
    ]);
    expect(rowsOf(await ts.rt.db.execute(sql`select * from reminder_opt_outs`))).toHaveLength(1);
    expect(textOf(await resident.send('bat dau'))).toMatch(/bật lại thông báo/);
    const privacy = textOf(await resident.send('/quyenriengtu'));
    expect(privacy).toMatch(/Thông báo của xã, phường[^\n]*đồng ý lúc/);
    expect(privacy).toMatch(/Cảnh báo[^\n]*chưa hỏi/);
    expect(privacy).toMatch(/Phường Phổ Minh/);

    const official = new SimChat(ts, 'resident');
    await becomeOfficial(ts, official, { communes: ['Phổ Minh'] });
    expect(textOf(await official.send('/thongbao'))).toMatch(/Soạn thông báo/);
    expect(textOf(await official.send('Chiều nay tiêm mũi 2 tại trạm y tế Phổ Minh.'))).toMatch(/xã, phường nào/);
    expect(textOf(await official.send({ choice: 'bc:c:duc-pho/pho-minh' }))).toMatch(/Gửi cho ai/);
    expect(textOf(await official.send({ choice: 'bc:a:residents' }))).toMatch(/Gửi lúc nào/);
    const preview = textOf(await official.send({ choice: 'bc:t:now' }));
    expect(preview).toMatch(/Xem trước: 1 người nhận/);
    expect(preview).toMatch(/Phường Phổ Minh: 1 người \(web 1\)/);
    expect(textOf(await official.send({ choice: 'bc:ok' }))).toMatch(/Đã tạo thông báo #\d+/);
    expect(textOf(await resident.replies(20_000))).toMatch(/Chiều nay tiêm mũi 2[\s\S]*DỪNG/);
  });

  it('the commune question follows only a turn that went well, once, after the turn\'s own choices', async () => {
    const resident = new SimChat(ts, 'resident');
    const asked = /Bạn có muốn nhận thông báo của xã, phường nơi bạn ở/;
    const askedCount = async () => rowsOf(await ts.rt.db.execute(sql`select * from resident_homes where asked_at is not null`)).length;
    const before = await askedCount();
    // Error replies: an unknown FAQ topic, a code that is not ours, an unsupported request.
    expect(textOf(await resident.send({ choice: 'hd:t:no-such-topic' }))).toMatch(/không còn trong bộ câu hỏi/);
    const invalid = await resident.send('ABC-123-XYZ-000');
    expect(textOf(invalid)).not.toMatch(asked);
    expect(await askedCount()).toBe(before);
    // A topic answered: the question joins that answer, its two choices after the answer's own.
    const topic = ts.rt.faq.topics()[0]!;
    const answered = await resident.send({ choice: `hd:t:${topic.id}` });
    expect(textOf(answered)).toMatch(asked);
    const labels = choicesOf(answered).map((c) => c.data);
    expect(labels.slice(-2)).toEqual(['cs:yes', 'cs:no']);
    expect(labels.length).toBeGreaterThan(2);
    expect(await askedCount()).toBe(before + 1);
    // Asked once: the next good turn comes without it.
    expect(textOf(await resident.send({ choice: `hd:t:${topic.id}` }))).not.toMatch(asked);
    expect(textOf(await resident.send({ choice: 'cs:yes' }))).toMatch(/xã, phường nào/);
  });

  it('a resident cannot use /thongbao', async () => {
    expect(textOf(await new SimChat(ts, 'resident').send('/thongbao'))).toMatch(/dành cho cán bộ/);
  });
});
