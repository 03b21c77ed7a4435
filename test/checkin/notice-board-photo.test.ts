import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

/** Our venue codes side by side on a grey board, as one photo. */
async function board(codes: readonly Buffer[]): Promise<Buffer> {
  const tiles = await Promise.all(codes.map((c) => sharp(c).resize(360).png().toBuffer()));
  return sharp({ create: { width: 420 * codes.length + 60, height: 500, channels: 3, background: '#9a9a9a' } })
    .composite(tiles.map((input, i) => ({ input, left: 60 + 420 * i, top: 70 })))
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function shop(name: string) {
  const { domain, service } = ts.rt.venues;
  return service.register({ name, typeId: 'shop', communeId: domain.communes[0]!.id, address: 'Chợ Thạch Trụ', phone: '0912345678' });
}

describe('a photo of a notice board with several of our posters', () => {
  it('asks which venue, then checks the resident in at the one picked', { timeout: 90_000 }, async () => {
    const [a, b] = [await shop('Ki-ốt Hoa Lan'), await shop('Quán cơm Bà Tư')];
    const resident = new SimChat(ts, 'resident');
    const asked = await resident.photo(await board([a.qrPng, b.qrPng]), 'image/jpeg');
    expect(textOf(asked)).toMatch(/2 mã khai báo .* địa điểm nào\?/);
    const choices = choicesOf(asked);
    expect(choices.map((c) => c.label).sort()).toEqual(['Ki-ốt Hoa Lan', 'Quán cơm Bà Tư']);
    const done = await resident.send({ choice: choices.find((c) => c.label === 'Quán cơm Bà Tư')!.data });
    expect(textOf(done)).toContain('Đã khai báo vào: Quán cơm Bà Tư');
    expect(textOf(done)).not.toContain('Hoa Lan');
  });

  it('checks in at once when the board holds one of our codes among others\' codes', { timeout: 90_000 }, async () => {
    const c = await shop('Tiệm thuốc Phước An');
    const pay = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toBuffer();
    const resident = new SimChat(ts, 'resident');
    const done = await resident.photo(await board([c.qrPng, pay, c.qrPng]), 'image/jpeg');
    expect(textOf(done)).toContain('Đã khai báo vào: Tiệm thuốc Phước An');
  });

  it('says the choice has expired when the question is no longer open', async () => {
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send({ choice: 'cipick:0' }))).toMatch(/hết hạn/);
  });
});
