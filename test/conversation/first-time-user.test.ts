import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venues } from '../../src/db/schema/venues.js';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, SimChat, textOf, type SimMessage, pick } from '../harness/sim-chat.js';

/**
 * Issue 15's rough edges, as a first-time user met them, each replayed through the simulator
 * (real HTTP, queues, conversation core and database).
 */
let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

/** Sends and checks that the turn's replies (all of them: the harness waits for the turn's end) match. */
async function say(chat: SimChat, input: string | { choice: string }, expected: RegExp): Promise<SimMessage[]> {
  const replies = await chat.send(input);
  expect(textOf(replies)).toMatch(expected);
  return replies;
}

/** An owner registers a venue, typing the way people do; returns the owner chat, code and link. */
async function register(name: string, type: string, phone: string, confirm: string) {
  const owner = new SimChat(ts, 'owner');
  await say(owner, 'tao ma qr', /Tên địa điểm/);
  await say(owner, name, /loại nào/);
  await say(owner, type, /Địa chỉ/);
  await say(owner, '12 Nguyễn Nghiêm', /xã, phường/);
  await say(owner, 'pho minh', /điện thoại/);
  const summary = await say(owner, phone, /Xác nhận/);
  const done = await say(owner, confirm, /Đã tạo mã QR/);
  const text = textOf(done);
  return { owner, manual: /Mã số để nhắn: (\S+)/.exec(text)![1]!, url: /Đường dẫn: (\S+)/.exec(text)![1]!, summary: textOf(summary) };
}

describe('a venue owner writing as people do', { timeout: 120_000 }, () => {
  it('"quan ca phe", a landline and "đúng rồi" make a café venue; "Địa điểm của tôi" typed lists it', async () => {
    const { owner, summary } = await register('Cà phê Sông Trà', 'quan ca phe', '0255 3123 456', 'đúng rồi');
    expect(summary).toContain('Quán cà phê');
    expect(summary).toContain('02553123456');
    const [row] = await ts.rt.db.select().from(venues).where(eq(venues.name, 'Cà phê Sông Trà'));
    expect(row!.typeId).toBe('cafe');
    expect(choicesOf(await say(owner, 'Địa điểm của tôi', /Địa điểm của bạn/)).map((c) => c.label)).toContain('Cà phê Sông Trà');
  });

  it('re-issuing a code asks first, and "Gửi lại mã và áp phích" sends the code it names', async () => {
    const { owner, manual } = await register('Nhà hàng Biển Xanh', 'nha hang', '0905 111 222', 'dung');
    const list = await say(owner, 'dia diem cua toi', /Địa điểm của bạn/);
    const menu = await say(owner, pick(list, /Nhà hàng Biển Xanh/), /Trạng thái/);
    const resent = await say(owner, pick(menu, /Gửi lại mã và áp phích/), /in khổ A4/);
    expect(resent.map((m) => m.part.type)).toEqual(['image', 'image', 'document', 'text']);
    expect(textOf(resent)).toContain(manual);
    const menu2 = await say(owner, pick(await say(owner, 'địa điểm của tôi', /Địa điểm của bạn/), /Nhà hàng Biển Xanh/), /Trạng thái/);
    const which = await say(owner, pick(menu2, /Cấp lại mã/), /Cấp lại mã nào/);
    const ask = await say(owner, pick(which, new RegExp(manual)), /ngừng dùng được ngay/);
    // Nothing changed yet: the old code still checks a resident in.
    expect(textOf(await say(new SimChat(ts, 'resident'), manual, /Nhà hàng Biển Xanh|không/))).toContain('Nhà hàng Biển Xanh');
    await say(owner, pick(ask, /Cấp mã mới/), /Đã cấp mã mới/);
    expect(textOf(await new SimChat(ts, 'resident').send(manual))).toMatch(/không đúng hoặc không còn hiệu lực|đã được thay/);
  });
});

describe('a resident writing as people do', { timeout: 120_000 }, () => {
  let manual: string;
  let token: string;
  beforeAll(async () => {
    const r = await register('Chợ Sa Huỳnh', 'chợ', '0905 333 444', 'ok');
    manual = r.manual;
    token = r.url.split('/c/')[1]!;
  }, 120_000);

  it('gets a friendly answer and the menu for small talk', async () => {
    const chat = new SimChat(ts, 'resident');
    for (const said of ['alo', 'cảm ơn nha', 'ok', '👍']) {
      const r = await say(chat, said, /mục dưới đây|tốt lành/);
      expect(textOf(r)).not.toMatch(/Xin lỗi/);
      expect(choicesOf(r).map((c) => c.data)).toContain('menu:checkin');
    }
  });

  it('is told a code one character off is not right, and how to find it', async () => {
    // The check character changes within its class, so the typed code still mixes letters and digits.
    const c = manual[6]!;
    const wrong = manual.slice(0, 6) + (/\d/.test(c) ? (c === '2' ? '3' : '2') : c === 'A' ? 'B' : 'A');
    // The first reply answers the code (a one-time question about the resident's commune may follow it).
    const [first] = await new SimChat(ts, 'resident').send(wrong);
    const text = textOf([first!]);
    expect(text).toContain(`Mã "${wrong}" không đúng`);
    expect(text).toMatch(/in ngay dưới mã QR/);
    expect(text).not.toMatch(/tiêm/);
  });

  it('scanning the same code again offers check-out', async () => {
    const chat = new SimChat(ts, 'resident');
    await say(chat, manual, /Đã khai báo vào/);
    const again = await say(chat, manual, /Khai báo ra/);
    expect(textOf(again)).toMatch(/đang ra về, bấm "Khai báo ra"/);
    expect(choicesOf(again)[0]!.data).toBe('ci:out');
  });

  it('adds a first relative after checking in by link, checks them in, and check-out says whose', async () => {
    const chat = new SimChat(ts, 'resident');
    await say(chat, `/start c_${token}`, /Chợ Sa Huỳnh/);
    await say(chat, { choice: 'ci:fam' }, /chưa có người thân/);
    await say(chat, { choice: 'ci:depadd' }, /Họ và tên/);
    await say(chat, 'Nguyễn Thị Tư', /Năm sinh/);
    await say(chat, 'ko nho', /Quan hệ/);
    const added = await say(chat, 'mạ tui', /Đã thêm/);
    expect(textOf(added)).toContain('Nguyễn Thị Tư, mẹ');
    const inFor = await say(chat, pick(added, /Khai báo cho Nguyễn Thị Tư/), /Đã khai báo vào|trước/);
    expect(textOf(inFor)).toMatch(/Đã khai báo vào: Chợ Sa Huỳnh[\s\S]*Cho: Nguyễn Thị Tư/);
    const out = textOf(await say(chat, 'khai bao ra', /Đã khai báo ra/));
    expect(out).toMatch(/Bạn: Chợ Sa Huỳnh/);
    expect(out).toMatch(/Nguyễn Thị Tư: Chợ Sa Huỳnh/);
  });
});

describe('pre-registration as people answer it', { timeout: 120_000 }, () => {
  async function upToInsurance(chat: SimChat, opts: { relative?: string; gender: string; id: string }) {
    await say(chat, 'đăng ký tiêm', /Bạn đồng ý cung cấp/);
    await say(chat, 'đồng ý', /cho ai/);
    if (opts.relative) {
      await say(chat, { choice: 'rg:who:other' }, /là gì của bạn/);
      await say(chat, opts.relative, /Họ và tên/);
    } else await say(chat, { choice: 'rg:who:self' }, /Họ và tên/);
    await say(chat, 'Lê Văn Ba', /Ngày sinh/);
    await say(chat, '1/1/1970', /Giới tính/);
    await say(chat, opts.gender, /điện thoại/);
    await say(chat, '0905 123 456', /CCCD/);
    return say(chat, opts.id, /bảo hiểm y tế/);
  }

  it('reads "ko co" and "so 11", does not repeat the whole list, and asks a man no pregnancy question', async () => {
    const chat = new SimChat(ts, 'resident');
    await upToInsurance(chat, { gender: 'nam', id: 'C1234567' });
    await say(chat, 'ko co', /Nghề nghiệp/);
    await say(chat, 'nông dân', /nhóm ưu tiên/);
    const wrong = textOf(await say(chat, 'so 42', /từ 0 đến 11/));
    expect(wrong.split('\n').length).toBeLessThan(3);
    await say(chat, 'so 11', /xã, phường/);
    await say(chat, 'pho minh', /Địa chỉ/);
    await say(chat, 'Thôn 1, xã Phổ Minh', /Ngày mong muốn/);
    const soon = new Date(Date.now() + 10 * 24 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    const questions: string[] = [textOf(await say(chat, soon, /phản vệ/))];
    for (let i = 0; i < 5; i++) questions.push(textOf(await say(chat, 'không', /\?/)));
    const summary = await say(chat, 'không', /Thông tin đăng ký/);
    expect(questions.join('\n')).not.toMatch(/mang thai/);
    expect(textOf(summary)).toMatch(/Số hộ chiếu: /);
    expect(textOf(summary)).not.toMatch(/PASSPORT/);
    expect(choicesOf(summary).map((c) => c.label)).toContain('Sửa thẻ BHYT');
  });

  it('asks about a relative by the relation, shows it with diacritics, and refuses the same ID twice', async () => {
    const soon = new Date(Date.now() + 10 * 24 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    const rest = async (chat: SimChat) => {
      const steps: [string, RegExp][] = [['bỏ qua', /Nghề nghiệp/], ['buôn bán', /nhóm ưu tiên/], ['5', /xã, phường/], ['pho minh', /Địa chỉ/], ['Thôn 2, xã Phổ Minh', /Ngày mong muốn/], [soon, /phản vệ/]];
      let q1 = '';
      for (const [a, next] of steps) q1 = textOf(await say(chat, a, next));
      for (let i = 0; i < 6; i++) await say(chat, 'không', /\?/);
      return { q1, summary: textOf(await say(chat, 'không', /Thông tin đăng ký/)) };
    };
    const first = new SimChat(ts, 'resident');
    await upToInsurance(first, { relative: 'me', gender: 'nữ', id: '051160000999' });
    const a = await rest(first);
    expect(a.q1).toMatch(/Mẹ của bạn từng bị phản vệ/);
    expect(a.summary).toMatch(/Quan hệ: mẹ/);
    await say(first, { choice: 'rg:send' }, /Đã ghi nhận/);

    const second = new SimChat(ts, 'resident');
    await upToInsurance(second, { gender: 'nữ', id: '051160000999' });
    await rest(second);
    expect(textOf(await say(second, { choice: 'rg:send' }, /đăng ký/))).toMatch(/đã có đăng ký tiêm đang chờ/);
  });

  it('tells a date that is not in the calendar from a wrong format, with an example it accepts', async () => {
    const { checkBirthDate, checkPreferredDate } = await import('../../src/registration/fields.js');
    const now = new Date('2026-12-01T03:00:00Z');
    expect(checkBirthDate('31/02/1985', now)).toEqual({ ok: false, reason: expect.stringMatching(/Không có ngày 31\/02\/1985 trong lịch/) });
    const bad = checkPreferredDate('hôm nay', now);
    const example = /ví dụ: (\d{2}\/\d{2}\/\d{4})/.exec(bad.ok ? '' : bad.reason)![1]!;
    expect(checkPreferredDate(example, now).ok).toBe(true);
  });
});
