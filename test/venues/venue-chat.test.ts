import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQr } from '../harness/read-qr.js';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, SimChat, textOf, type SimMessage, pick } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

async function decodePng(url: string): Promise<string | undefined> {
  return readQr(Buffer.from(await (await fetch(`${ts.baseUrl}${url}`)).arrayBuffer()));
}

/** Registers "Tạp hóa Cô Ba" through the owner's chat and returns the final turn. */
async function registerShop(owner: SimChat): Promise<SimMessage[]> {
  expect(textOf(await owner.send('tao ma qr'))).toMatch(/Tên địa điểm/);
  const typeQ = await owner.send('Tạp hóa Cô Ba');
  expect(textOf(typeQ)).toMatch(/loại/);
  expect(textOf(await owner.send(pick(typeQ, /^Cửa hàng/)))).toMatch(/Địa chỉ/);
  expect(textOf(await owner.send('12 Nguyễn Nghiêm, tổ dân phố 1'))).toMatch(/xã, phường/);
  expect(textOf(await owner.send('pho minh'))).toMatch(/điện thoại/);
  expect(textOf(await owner.send('0905 12 34 56'))).toMatch(/0905123456[\s\S]*Xác nhận/);
  // The code, the poster preview, the PDF and the text: four messages, all of one turn.
  const done = await owner.send({ choice: 'vn:confirm' });
  expect(done).toHaveLength(4);
  return done;
}

describe('a venue owner gets a QR code by chat, and residents use it', () => {
  let done: SimMessage[];
  let manualCode: string;
  let url: string;

  it('walks the owner through the flow and delivers the code, the poster preview and the PDF', async () => {
    const owner = new SimChat(ts, 'owner');
    done = await registerShop(owner);
    const kinds = done.map((m) => m.part.type);
    expect(kinds).toEqual(['image', 'image', 'document', 'text']);
    expect(done[2]!.part.media?.mime).toBe('application/pdf');
    manualCode = /Mã số để nhắn: (\S+)/.exec(textOf(done))![1]!;
    url = /Đường dẫn: (\S+)/.exec(textOf(done))![1]!;
    expect(url).toMatch(/\/c\/[A-Za-z0-9_-]+$/);
    expect(await decodePng(done[0]!.part.url!)).toBe(url);
    expect(await decodePng(done[1]!.part.url!)).toBe(url);
  });

  it('rejects a bad licence plate in Vietnamese and keeps the flow', async () => {
    const owner = new SimChat(ts, 'owner');
    await owner.send('/diadiem');
    const typeQ = await owner.send('Xe khách Đức Phổ');
    expect(textOf(await owner.send(pick(typeQ, /^Phương tiện/)))).toMatch(/Biển số/);
    expect(textOf(await owner.send('không biết'))).toMatch(/Biển số/);
  });

  it('checks a resident in by typed code, in lower case with spaces', async () => {
    const resident = new SimChat(ts, 'resident');
    const typed = `${manualCode.slice(0, 3)} ${manualCode.slice(3)}`.toLowerCase();
    const reply = await resident.send(typed);
    expect(textOf(reply)).toContain('Tạp hóa Cô Ba');
    expect(choicesOf(reply).map((c) => c.data)).toContain('ci:out');
  });

  it('checks a resident in by the pasted link inside other text, then counts it for the owner without names', async () => {
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send(`em quét được cái này ${url} nè`))).toContain('Tạp hóa Cô Ba');
    const page = await fetch(url.replace(/^https?:\/\/[^/]+/, ts.baseUrl));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Tạp hóa Cô Ba');
    expect(html).toContain(manualCode);
  });

  it('shows a clear page for a forged token', async () => {
    const forged = url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const page = await fetch(forged.replace(/^https?:\/\/[^/]+/, ts.baseUrl));
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('không hợp lệ');
  });

  it('answers a suspended venue and a re-issued code clearly', async () => {
    const { repo } = ts.rt.venues;
    const found = await repo.codeByManual(manualCode);
    await repo.setStatus(found!.venue.id, 'suspended');
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send(manualCode))).toMatch(/tạm ngừng/);
    await repo.setStatus(found!.venue.id, 'active');
    const next = await ts.rt.venues.service.reissue(found!.code.id);
    expect(next).toBeDefined();
    const again = await resident.send(manualCode);
    expect(textOf(again)).toMatch(/không (đúng|hợp lệ)|đã được thay|không còn/);
    const old = await fetch(url.replace(/^https?:\/\/[^/]+/, ts.baseUrl));
    expect(old.status).toBe(410);
  });

  it('answers hostile venue names with a clear message and no crash', async () => {
    const owner = new SimChat(ts, 'owner');
    await owner.send('/diadiem');
    expect(textOf(await owner.send('x'.repeat(250)))).toMatch(/Tên|tên/);
    const ok = await owner.send("Quán '); DROP TABLE venues; -- 🍜");
    expect(textOf(ok)).toMatch(/loại/);
  });
});
