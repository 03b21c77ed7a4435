import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';
import { becomeOfficial } from '../harness/officials.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

async function venueIn(district: string, name: string) {
  const { domain, service } = ts.rt.venues;
  const commune = domain.communes.find((c) => c.district === district)!;
  const made = await service.register({ name, typeId: 'shop', communeId: commune.id, address: 'Thôn 1', phone: '0912345678' });
  return { ...made, commune };
}

describe('implausible check-ins, for officials to review', () => {
  it('accepts a check-in in another district minutes later, tells the resident, and lists it for officials under a pseudonym', async () => {
    const near = await venueIn('Thị xã Đức Phổ', 'Quán cơm Sa Huỳnh');
    const far = await venueIn('Huyện Bình Sơn', 'Cửa hàng Dung Quất');
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send(near.code.manualCode))).toContain('Quán cơm Sa Huỳnh');
    const second = textOf(await resident.send(far.code.manualCode));
    expect(second).toContain('Cửa hàng Dung Quất');
    expect(second).toMatch(/cán bộ kiểm tra lại/);

    const official = new SimChat(ts, 'resident');
    await becomeOfficial(ts, official, { role: 'admin' });
    const list = textOf(await official.send('/batthuong'));
    expect(list).toContain(`Cửa hàng Dung Quất, ${far.commune.name}: khai báo ở huyện/thị xã khác`);
    const ref = /người #([0-9a-f]{6})/.exec(list)?.[1];
    expect(ref).toBeDefined();
    expect(list).not.toContain(resident.session);

    // The same person flagged again keeps the same pseudonym.
    await resident.send(near.code.manualCode);
    const again = textOf(await official.send('/batthuong'));
    expect(again.match(new RegExp(`#${ref}`, 'g'))!.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the list from residents, and shows officials their commands', async () => {
    expect(textOf(await new SimChat(ts, 'resident').send('/batthuong'))).toMatch(/dành cho cán bộ/);
    expect(textOf(await new SimChat(ts, 'resident').send('/canbo'))).toMatch(/dành cho cán bộ phường, xã\. Nếu bạn là cán bộ/);
    const official = new SimChat(ts, 'resident');
    await becomeOfficial(ts, official, { communes: ['Phổ Minh'] });
    expect(textOf(await official.send('/canbo'))).toMatch(/\/baocao[\s\S]*\/cauhoi[\s\S]*\/batthuong/);
  });
});
