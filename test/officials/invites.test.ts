import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { becomeOfficial } from '../harness/officials.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { SimChat, textOf } from '../harness/sim-chat.js';
import { capture } from '../harness/cli-io.js';


let ts: TestService;
let env: Record<string, string>;
let telegram: FakeTelegram;
beforeAll(async () => {
  telegram = await new FakeTelegram().start();
  ts = await startTestService({ listen: true, env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: telegram.url } });
  env = { DATABASE_URL: ts.databaseUrl, QUEUE_PREFIX: 'qtinvcli' };
});
afterAll(async () => {
  await ts?.stop();
  await telegram?.close();
});

describe('officials come only from invites', () => {
  it('officials:invite prints a one-time code; typed in a chat it makes that person an official of the commune, once', async () => {
    const c = capture();
    expect(await runCli(['officials:invite', '--commune', 'Phổ Minh'], env, c.io)).toBe(0);
    const line = JSON.parse(c.out[0]!) as { code: string; expiresAt: string; communes: string[] };
    expect(line.code).toMatch(/^CB-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const hours = (Date.parse(line.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);

    const official = new SimChat(ts, 'resident');
    expect(textOf(await official.send('/cauhoi'))).toMatch(/dành cho cán bộ/);
    // Typed sloppily, as people do: lower case, spaces instead of dashes.
    expect(textOf(await official.send(line.code.toLowerCase().replace(/-/g, ' ')))).toContain('cán bộ của: Phường Phổ Minh');
    expect(textOf(await official.send('/cauhoi'))).not.toMatch(/dành cho cán bộ/);

    const thief = new SimChat(ts, 'resident');
    expect(textOf(await thief.send(line.code))).toMatch(/không đúng, đã được dùng hoặc đã hết hạn/);
    expect(textOf(await thief.send('/cauhoi'))).toMatch(/dành cho cán bộ/);
  });

  it('works the same typed in a Telegram chat', async () => {
    const c = capture();
    expect(await runCli(['officials:invite', '--commune', 'Phổ Thạnh'], env, c.io)).toBe(0);
    const { code } = JSON.parse(c.out[0]!) as { code: string };
    const chatId = 8_100_001;
    const say = async (text: string, n: number) => {
      const post = await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET }, payload: textUpdate(text, chatId) as object });
      expect(post.statusCode).toBe(200);
      const to = () => telegram.delivered().filter((m) => String(m.params.chat_id) === String(chatId));
      return String((await waitFor(() => to().length >= n && to(), `reply ${n} on Telegram`, 20_000))[n - 1]!.params.text);
    };
    expect(await say('/cauhoi', 1)).toMatch(/dành cho cán bộ/);
    expect(await say(code, 2)).toContain('cán bộ của: Phường Phổ Thạnh');
    expect(await say('/cauhoi', 3)).not.toMatch(/dành cho cán bộ/);
  });

  it('refuses bad invites at the CLI: unknown commune, bad role, official without commune', async () => {
    for (const args of [['--commune', 'Atlantis'], ['--commune', 'Phổ Minh', '--role', 'boss'], []]) {
      expect(await runCli(['officials:invite', ...args], env, capture().io)).toBe(2);
    }
  });

  it('lets an admin invite from chat, and nobody else', async () => {
    const admin = new SimChat(ts, 'resident');
    expect(await becomeOfficial(ts, admin, { role: 'admin' })).toMatch(/quản trị viên/);
    const plain = new SimChat(ts, 'resident');
    await becomeOfficial(ts, plain, { communes: ['Phổ Minh'] });
    expect(textOf(await plain.send('/moicanbo Phổ Thạnh'))).toMatch(/Chỉ quản trị viên/);

    const made = textOf(await admin.send('/moicanbo pho thanh'));
    const code = /CB-[A-Z0-9]{5}-[A-Z0-9]{5}/.exec(made)?.[0];
    expect(code).toBeDefined();
    const newcomer = new SimChat(ts, 'owner');
    expect(textOf(await newcomer.send(code!))).toContain('Phổ Thạnh');
  });

  it('officials:list shows officials; officials:revoke ends their rights at once; officials:audit shows what they read', async () => {
    const official = new SimChat(ts, 'resident');
    await becomeOfficial(ts, official, { communes: ['Phổ Vinh'] });
    await official.send('/cauhoi');
    await official.send('/batthuong');
    const listed = capture();
    expect(await runCli(['officials:list'], env, listed.io)).toBe(0);
    const rows = listed.out.map((l) => JSON.parse(l) as { id: number; communes: string[] | 'all'; active: boolean });
    const me = rows.find((r) => Array.isArray(r.communes) && r.communes.some((x) => x.includes('pho-vinh')))!;
    expect(me.active).toBe(true);

    const audit = capture();
    expect(await runCli(['officials:audit', '--official', String(me.id)], env, audit.io)).toBe(0);
    const actions = audit.out.map((l) => JSON.parse(l) as { action: string; via: string; communeId: string | null });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['questions.read', 'flags.read', 'officials.join']));
    expect(actions.find((a) => a.action === 'questions.read')).toMatchObject({ via: 'chat', communeId: expect.stringContaining('pho-vinh') });

    expect(await runCli(['officials:revoke', String(me.id)], env, capture().io)).toBe(0);
    expect(textOf(await official.send('/cauhoi'))).toMatch(/dành cho cán bộ/);
    expect(await runCli(['officials:revoke', String(me.id)], env, capture().io)).toBe(1);
  });
});
