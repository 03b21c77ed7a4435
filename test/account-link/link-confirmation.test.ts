import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

const codeIn = (text: string) => /LIÊN KẾT (\d{6})/.exec(text)?.[1];

async function venue(name: string) {
  const { domain, service } = ts.rt.venues;
  return service.register({ name, typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn 2', phone: '0912345678' });
}

describe('a right code typed by someone else', () => {
  it('links nothing until the chat that showed it agrees, and a refusal tells the other chat', async () => {
    const shop = await venue('Nhà thuốc An Tâm');
    const victim = new SimChat(ts, 'resident');
    const attacker = new SimChat(ts, 'resident');
    await victim.send(shop.code.manualCode);
    const code = codeIn(textOf(await victim.send('liên kết')))!;
    expect(textOf(await attacker.send(`liên kết ${code}`))).toMatch(/Đã gửi yêu cầu/);
    expect(textOf(await attacker.send('lịch sử'))).not.toContain('Nhà thuốc An Tâm');
    expect(textOf(await victim.replies())).toMatch(/muốn liên kết[\s\S]*Từ chối/);
    expect(textOf(await victim.send({ choice: 'link:no' }))).toMatch(/Đã từ chối/);
    expect(textOf(await attacker.replies())).toMatch(/bị từ chối/);
    expect(textOf(await attacker.send('lịch sử'))).not.toContain('Nhà thuốc An Tâm');
    // The code is spent: confirming later does nothing.
    expect(textOf(await victim.send({ choice: 'link:ok' }))).toMatch(/Không có yêu cầu liên kết nào/);
  });
});
