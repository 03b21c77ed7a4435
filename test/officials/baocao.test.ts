import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { becomeOfficial } from '../harness/officials.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

/** Issue 15 rough edge: `/baocao` had no total and ignored a commune filter. */
let ts: TestService;
let official: SimChat;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
  official = new SimChat(ts, 'resident');
  await becomeOfficial(ts, official, { communes: ['pho minh', 'binh chau'] });
}, 120_000);
afterAll(async () => {
  await ts?.stop();
});

describe('/baocao for an official of two communes', { timeout: 120_000 }, () => {
  it('lists both communes and ends with a total line', async () => {
    const text = textOf(await official.send('/baocao'));
    expect(text).toContain('Phổ Minh');
    expect(text).toContain('Bình Châu');
    expect(text).toMatch(/Tổng 2 xã, phường: \d+ địa điểm/);
  });

  it('narrows to the commune named after the command, however it is typed', async () => {
    for (const arg of ['Bình Châu', 'xa binh chau', 'tui ở xã Bình Châu']) {
      const text = textOf(await official.send(`/baocao ${arg}`));
      expect(text, arg).toContain('Bình Châu');
      expect(text, arg).not.toContain('Phổ Minh');
      expect(text, arg).not.toMatch(/Tổng \d+ xã/);
    }
  });

  it('says so when the filter names no commune of the official', async () => {
    const text = textOf(await official.send('/baocao Phổ An'));
    expect(text).not.toContain('Phổ Minh');
    expect(text).not.toContain('Bình Châu');
  });
});
