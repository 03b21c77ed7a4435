import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations } from '../../src/db/schema/registrations.js';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

const rowsOf = async (name: string) => ts.rt.db.select().from(registrations).where(eq(registrations.fullName, name));

/** Answers every question with a first wrong answer (where the question validates) and then a right one. */
async function fillForm(chat: SimChat, name: string, opts: { family?: boolean; idNumber?: string } = {}): Promise<string> {
  expect(textOf(await chat.send('đăng ký tiêm'))).toMatch(/Bạn đồng ý cung cấp/);
  expect(textOf(await chat.send({ choice: 'rg:agree' }))).toMatch(/cho ai/);
  if (opts.family) {
    expect(textOf(await chat.send({ choice: 'rg:who:other' }))).toMatch(/là gì của bạn/);
    expect(textOf(await chat.send('mẹ'))).toMatch(/Họ và tên/);
  } else {
    expect(textOf(await chat.send({ choice: 'rg:who:self' }))).toMatch(/Họ và tên/);
  }
  const steps: [string, string, RegExp, RegExp][] = [
    ['Hoa', name, /đủ họ và tên/, /Ngày sinh/],
    ['31/02/1960', '5/3/1960', /Không có ngày 31\/02\/1960 trong lịch/, /Giới tính/],
    ['không rõ', 'nữ', /Nam, Nữ hoặc Khác/, /điện thoại/],
    ['0123 456', '0905 123 456', /10 chữ số|di động/, /CCCD/],
    ['12345', opts.idNumber ?? '051160000123', /CCCD có 12 chữ số/, /bảo hiểm y tế/],
    ['abc', 'bỏ qua', /BHYT/, /Nghề nghiệp/],
    ['!', 'buôn bán', /Nghề nghiệp cần/, /nhóm ưu tiên/],
    ['42', '5', /từ 0 đến/, /xã, phường/],
    ['atlantis', 'pho minh', /không tìm thấy/, /Địa chỉ/],
    ['x', 'Tổ dân phố 3, đường Nguyễn Nghiêm', /Địa chỉ cần/, /Ngày mong muốn/],
    ['01/01/2000', '20/12/2099', /Ngày này đã qua/, /90 ngày/],
  ];
  for (const [bad, good, badReply, next] of steps) {
    expect(textOf(await chat.send(bad)), `bad answer ${bad}`).toMatch(badReply);
    if (good === '20/12/2099') {
      const soon = new Date(Date.now() + 10 * 24 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');
      expect(textOf(await chat.send(good))).toMatch(next);
      expect(textOf(await chat.send(soon))).toMatch(/sàng lọc/);
      break;
    }
    expect(textOf(await chat.send(good)), `good answer ${good}`).toMatch(next);
  }
  expect(textOf(await chat.send('hmm'))).toMatch(/Có, Không hoặc Không rõ/);
  let last = '';
  for (const answer of ['không', 'k', 'không', 'chưa', 'ko', 'không rõ', 'có']) last = textOf(await chat.send(answer));
  return last;
}

describe('vaccination pre-registration by chat', { timeout: 120_000 }, () => {
  it('validates every answer, shows a masked summary, and saves nothing before "Gửi đăng ký"', async () => {
    const chat = new SimChat(ts, 'resident');
    const summary = await fillForm(chat, 'nguyễn thị hoa');
    expect(summary).toContain('Nguyễn Thị Hoa');
    expect(summary).toContain('05/03/1960');
    expect(summary).toContain('••••••••0123');
    expect(summary).not.toContain('051160000123');
    expect(summary).toContain('Phường Phổ Minh');
    expect(await rowsOf('Nguyễn Thị Hoa')).toHaveLength(0);

    expect(textOf(await chat.send('ok'))).toMatch(/chỉ gửi đăng ký khi bạn bấm/);
    expect(textOf(await chat.send({ choice: 'rg:edit:phone' }))).toMatch(/điện thoại/);
    const corrected = await chat.send('0912 000 111');
    expect(textOf(corrected)).toContain('0912000111');
    const saved = await chat.send({ choice: 'rg:send' });
    expect(textOf(saved)).toMatch(/Đã ghi nhận đăng ký tiêm số \d+/);
    const [row] = await rowsOf('Nguyễn Thị Hoa');
    expect(row).toMatchObject({ phone: '0912000111', idKind: 'cccd', idNumber: '051160000123', gender: 'Nữ', birthDate: '1960-03-05', insuranceNumber: null, priorityGroup: 5, relation: 'self', status: 'registered' });
    expect(row!.screening).toMatchObject({ anaphylaxis: 'no', anticoag: 'yes', chronic: 'unsure' });
  });

  it('registers a family member, lists both, and cancels one', async () => {
    const chat = new SimChat(ts, 'resident');
    // Another person: the same ID number cannot be registered twice.
    await fillForm(chat, 'Trần Văn Bảy', { family: true, idNumber: '051160000456' });
    await chat.send({ choice: 'rg:send' });
    const [row] = await rowsOf('Trần Văn Bảy');
    expect(row!.relation).toBe('mẹ');
    const mine = await chat.send('/dangkycuatoi');
    expect(textOf(mine)).toContain(`#${row!.id} Trần Văn Bảy (mẹ): chờ xếp lịch`);
    const cancel = choicesOf(mine).find((c) => c.data === `rg:cancel:${row!.id}`)!;
    expect(textOf(await chat.send({ choice: cancel.data }))).toMatch(/Hủy đăng ký số/);
    expect(textOf(await chat.send({ choice: `rg:cancel:yes:${row!.id}` }))).toMatch(/Đã hủy/);
    expect((await rowsOf('Trần Văn Bảy'))[0]!.status).toBe('cancelled');
    expect(textOf(await chat.send({ choice: `rg:cancel:yes:${row!.id}` }))).toMatch(/đã được hủy/);
  });

  it('stops and resumes reminders on DỪNG and BẮT ĐẦU', async () => {
    const chat = new SimChat(ts, 'resident');
    expect(textOf(await chat.send('DỪNG'))).toMatch(/Đã dừng nhắc lịch/);
    expect(textOf(await chat.send('bat dau'))).toMatch(/bật lại/);
  });
});
