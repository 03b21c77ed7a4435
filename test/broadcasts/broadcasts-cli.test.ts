import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { seedResidents } from '../harness/broadcasts.js';
import { startTestService, type TestService } from '../harness/service.js';
import { capture } from '../harness/cli-io.js';


let ts: TestService;
let env: Record<string, string>;
beforeAll(async () => {
  ts = await startTestService({ workers: false });
  env = { DATABASE_URL: ts.databaseUrl, QUEUE_PREFIX: ts.rt.config.QUEUE_PREFIX };
  await seedResidents(ts.rt.db, 4, { communeId: 'duc-pho/pho-minh', consent: true });
});
afterAll(async () => {
  await ts?.stop();
});

describe('operators run broadcasts from the command line', () => {
  it('previews, creates a weekly broadcast, pauses, resumes and cancels it', async () => {
    const p = capture();
    expect(await runCli(['broadcasts:preview', '--text', 'Nhắc quét mã khi vào chợ', '--commune', 'pho minh'], env, p.io)).toBe(0);
    expect(JSON.parse(p.out[0]!)).toMatchObject({ recipients: 4, byChannel: { web: 4 }, needsApproval: false });
    const c = capture();
    expect(await runCli(['broadcasts:create', '--text', 'Nhắc quét mã', '--commune', 'Phổ Minh', '--weekly', '08:00', '--days', '1,4', '--until', '2099-12-31'], env, c.io)).toBe(0);
    const { id, status } = JSON.parse(c.out[0]!);
    expect(status).toBe('scheduled');
    for (const action of ['pause', 'resume', 'status', 'cancel']) {
      const a = capture();
      expect(await runCli([`broadcasts:${action}`, String(id)], env, a.io), action).toBe(0);
      expect(JSON.parse(a.out[0]!).status).toBe({ pause: 'paused', resume: 'scheduled', status: 'scheduled', cancel: 'cancelled' }[action]);
    }
    const again = capture();
    expect(await runCli(['broadcasts:resume', String(id)], env, again.io)).toBe(2);
    expect(again.err[0]).toMatch(/cancelled/);
  });

  it('explains bad input and prints the platform rules', async () => {
    const bad = capture();
    expect(await runCli(['broadcasts:preview', '--text', 'x', '--commune', 'atlantis'], env, bad.io)).toBe(2);
    expect(bad.err[0]).toMatch(/unknown commune/);
    const rules = capture();
    expect(await runCli(['broadcasts:policy'], env, rules.io)).toBe(0);
    expect(rules.out.map((l) => JSON.parse(l).channel)).toEqual(['telegram', 'zalo-oa', 'zalo-bot', 'web']);
  });
});
