import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';
import { COMMUNE_A, loginLink, seedOfficial, seedVenue } from '../harness/dashboard-seed.js';
import { injectSignIn, type InjectSession } from '../harness/dashboard-inject.js';

let ts: TestService;
let s: InjectSession;

beforeAll(async () => {
  ts = await startTestService({ listen: true });
  await seedVenue(ts.rt, { name: 'Chợ Phổ Minh', communeId: COMMUNE_A, phone: '0905777888' });
  await seedVenue(ts.rt, { name: 'Trường Tiểu học Phổ Minh', communeId: COMMUNE_A });
  await seedVenue(ts.rt, { name: 'Quán cà phê Đồng Xanh', communeId: COMMUNE_A });
  // Decomposed marks (some phone keyboards): the stored folded column drops them too.
  await seedVenue(ts.rt, { name: 'Nhà văn hóa thôn Đông'.normalize('NFD'), communeId: COMMUNE_A });
  const official = await seedOfficial(ts, [COMMUNE_A]);
  s = await injectSignIn(ts, await loginLink(ts.rt, official.id));
}, 60_000);
afterAll(async () => ts?.stop());

const names = async (q: string) => [...(await s.get(`/quanly/diadiem?q=${encodeURIComponent(q)}`)).body.matchAll(/<a href="\/quanly\/diadiem\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]!.normalize('NFC')).sort();

describe('venue search ignores missing diacritics', () => {
  it('finds "Chợ Phổ Minh" by "cho pho minh", by words in any order, and with marks', async () => {
    expect(await names('cho pho minh')).toEqual(['Chợ Phổ Minh']);
    expect(await names('minh CHO')).toEqual(['Chợ Phổ Minh']);
    expect(await names('Chợ Phổ')).toEqual(['Chợ Phổ Minh']);
    expect(await names('pho minh')).toEqual(['Chợ Phổ Minh', 'Trường Tiểu học Phổ Minh']);
  });

  it('folds đ, capitals and decomposed marks, and still matches phone numbers', async () => {
    expect(await names('dong xanh')).toEqual(['Quán cà phê Đồng Xanh']);
    expect(await names('nha van hoa thon dong')).toEqual(['Nhà văn hóa thôn Đông']);
    expect(await names('0905777888')).toEqual(['Chợ Phổ Minh']);
    expect(await names('cho pho nam')).toEqual([]);
  });

  it('treats % and _ as letters, not patterns', async () => {
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });
});
