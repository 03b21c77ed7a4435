import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMiniApp } from '../../bots/zalo-mini-app/build.js';
import { FakeZaloGraph } from '../fakes/fake-zalo-graph.js';
import { launchBrowser } from '../harness/browser.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';
import type { FakeZaloScript } from './fake-zalo-script.js';

const SECRET = 'browser-mini-app-secret-01';
const OA_ID = '4318000000000000002';
const FAKE_BRIDGE = fileURLToPath(new URL('./fake-zalo-bridge.ts', import.meta.url));
const graph = new FakeZaloGraph(SECRET);
let ts: TestService;
let browser: Browser;
let outDir: string;
let site: Server;
let siteUrl: string;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built app the way Zalo's hosts would: static files from another origin than the API. */
function serve(dir: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  await graph.start();
  ts = await startTestService({ listen: true, env: { ZALO_MINI_APP_ID: '1618033988749894848', ZALO_APP_SECRET: SECRET, ZALO_GRAPH_ROOT: graph.url, ZALO_OA_CHAT_URL: `https://zalo.me/${OA_ID}`, VISIT_RETENTION_DAYS: '12' } });
  // One Vite build for the whole file, with zmp-sdk replaced at the bridge module.
  outDir = await mkdtemp(path.join(tmpdir(), 'quetma-miniapp-'));
  await buildMiniApp({ apiBase: ts.baseUrl, outDir, bridge: FAKE_BRIDGE });
  site = await serve(outDir);
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (site ? site.close(r) : r(undefined)));
  await ts?.stop();
  await graph.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function venue(name: string) {
  const { domain, service } = ts.rt.venues;
  const a = await service.register({ name, typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn Tân Hy', phone: '0912345678' });
  return { ...a, token: a.url.split('/c/')[1]! };
}

/** A phone: a small screen, and Zalo scripted through the fake bridge. */
async function phone(script: FakeZaloScript): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'vi-VN' });
  await ctx.addInitScript((s) => Object.assign(globalThis, { __zaloFake: s }), script);
  return ctx;
}

const calls = (page: Page) => page.evaluate(() => (globalThis as unknown as { __zaloCalls?: { api: string; args: unknown[] }[] }).__zaloCalls ?? []);
const fitsTheScreen = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe('the Zalo Mini App in a real browser', () => {
  it('checks in with one tap, explains what is stored on first use, and links the OA for alerts', async () => {
    const market = await venue('Chợ Thạch Bích');
    const ctx = await phone({ accessToken: graph.issue('8000000000000000001') });
    const page = await ctx.newPage();
    await page.goto(`${siteUrl}/?v=${market.token}`);
    await page.locator('h1', { hasText: 'Chợ Thạch Bích' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#privacy').innerText()).toMatch(/Nghị định 13\/2023[\s\S]*/);
    // The configured VISIT_RETENTION_DAYS, not a constant.
    expect(await page.locator('#privacy').innerText()).toMatch(/tự xóa sau 12 ngày/);
    expect(await page.locator('button.btn').allInnerTexts()).toEqual(['Khai báo vào']);
    expect(await fitsTheScreen(page)).toBe(true);

    await page.click('#checkin');
    await page.locator('#result', { hasText: 'Đã khai báo vào: Chợ Thạch Bích' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('button.btn').allInnerTexts()).toEqual(expect.arrayContaining(['Khai báo ra', 'Khai báo cho người thân', 'Lịch sử']));
    await page.locator('#follow').waitFor({ timeout: 15_000 });
    expect(await page.locator('#alerts').innerText()).toMatch(/không gửi tin nhắn được/);
    await page.click('#follow');
    await page.locator('#alerts-link').waitFor({ timeout: 15_000 });
    const made = await calls(page);
    expect(made.find((c) => c.api === 'followOA')?.args).toEqual([OA_ID]);
    const chat = made.find((c) => c.api === 'openChat');
    expect(chat?.args[0]).toBe(OA_ID);
    expect(String(chat?.args[1])).toMatch(/^LIÊN KẾT \d{6}$/);
    expect(await fitsTheScreen(page)).toBe(true);

    // The person sends the pre-filled message in the chat (here the simulator stands in for the OA
    // chat); nothing is linked until the app asks the chats' question and they agree.
    const oaChat = new SimChat(ts, 'resident');
    expect(textOf(await oaChat.send(String(chat?.args[1])))).toMatch(/quay lại ứng dụng Khai báo ra vào/);
    await page.locator('#link-ask', { hasText: /Một cuộc trò chuyện khác[\s\S]*muốn liên kết[\s\S]*Đồng ý\?/ }).waitFor({ timeout: 15_000 });
    expect(textOf(await oaChat.send('lịch sử'))).not.toContain('Chợ Thạch Bích');
    await page.click('#link-yes');
    await page.locator('#link-done', { hasText: 'Đã liên kết' }).waitFor({ timeout: 15_000 });
    expect(textOf(await oaChat.replies())).toMatch(/Đã liên kết/);
    expect(textOf(await oaChat.send('lịch sử'))).toContain('Chợ Thạch Bích');
    expect(await fitsTheScreen(page)).toBe(true);

    // The same phone opens the app again at another venue: no notice the second time.
    const clinic = await venue('Trạm y tế Phổ Thạnh');
    await page.goto(`${siteUrl}/?v=${clinic.token}`);
    await page.locator('h1', { hasText: 'Trạm y tế Phổ Thạnh' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#privacy').count()).toBe(0);
    await ctx.close();
  });

  it('checks family members in, shows history and checks out', async () => {
    const school = await venue('Trường Mầm non Phổ Cường');
    const ctx = await phone({ accessToken: graph.issue('8000000000000000002') });
    const page = await ctx.newPage();
    await page.goto(`${siteUrl}/?v=${school.token}`);
    await page.click('#checkin');
    await page.locator('#result', { hasText: 'Đã khai báo vào' }).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Khai báo cho người thân' }).click();
    await page.fill('#dep-name', 'Lê Văn Tí');
    await page.fill('#dep-year', '2019');
    await page.fill('#dep-relation', 'con');
    await page.click('#dep-add');
    await page.getByRole('checkbox', { name: 'Lê Văn Tí' }).check({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Khai báo cho người đã chọn' }).click();
    await page.locator('#result', { hasText: 'Cho: Lê Văn Tí' }).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Lịch sử' }).click();
    await page.locator('#history').waitFor({ timeout: 15_000 });
    const lines = await page.locator('#history li').allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/Trường Mầm non Phổ Cường \(Lê Văn Tí\), chưa ra/);
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByRole('button', { name: 'Khai báo ra' }).click();
    await page.locator('#result', { hasText: /Đã khai báo ra[\s\S]*Trường Mầm non Phổ Cường/ }).waitFor({ timeout: 15_000 });
    expect(await fitsTheScreen(page)).toBe(true);
    await ctx.close();
  });

  it('says plainly that alerts cannot reach a person who declines to follow the OA', async () => {
    const ferry = await venue('Bến đò Sa Kỳ');
    const ctx = await phone({ accessToken: graph.issue('8000000000000000003'), followAccepts: false });
    const page = await ctx.newPage();
    await page.goto(`${siteUrl}/?v=${ferry.token}`);
    await page.click('#checkin');
    await page.click('#follow', { timeout: 15_000 });
    await page.locator('#alerts-declined', { hasText: 'sẽ KHÔNG nhận được cảnh báo phơi nhiễm' }).waitFor({ timeout: 15_000 });
    expect((await calls(page)).some((c) => c.api === 'openChat')).toBe(false);
    await ctx.close();
  });

  it('explains a bad code, and offers "Thử lại" when Zalo is down until it is back', async () => {
    const shop = await venue('Tạp hóa Bà Tư');
    const ctx = await phone({ accessToken: graph.issue('8000000000000000004') });
    const page = await ctx.newPage();
    await page.goto(`${siteUrl}/?v=${shop.token.slice(0, -3)}xyz`);
    await page.locator('.error', { hasText: 'không phải mã khai báo ra vào' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Thử lại' }).count()).toBe(0);

    await page.goto(`${siteUrl}/?v=${shop.token}`);
    graph.down = true;
    try {
      await page.click('#checkin', { timeout: 15_000 });
      await page.locator('.error', { hasText: 'Zalo đang bận' }).waitFor({ timeout: 15_000 });
    } finally {
      graph.down = false;
    }
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.locator('#result', { hasText: 'Đã khai báo vào: Tạp hóa Bà Tư' }).waitFor({ timeout: 15_000 });
    await ctx.close();
  });

  it('without a venue in the link, says how to open it and still offers history', async () => {
    const ctx = await phone({ accessToken: graph.issue('8000000000000000005') });
    const page = await ctx.newPage();
    await page.goto(`${siteUrl}/`);
    await page.locator('p', { hasText: 'quét mã QR' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Lịch sử' }).click();
    await page.locator('p', { hasText: 'chưa có lượt khai báo nào' }).waitFor({ timeout: 15_000 });
    await ctx.close();
  });

  it('says so when Zalo gives no access token, and offers to try again', async () => {
    const hall = await venue('Nhà văn hóa thôn Phước Thịnh');
    const ctx = await phone({});
    const page = await ctx.newPage();
    await page.goto(`${siteUrl}/?v=${hall.token}`);
    await page.click('#checkin', { timeout: 15_000 });
    await page.locator('.error', { hasText: 'Zalo chưa cho ứng dụng biết tài khoản của bạn' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    await ctx.close();
  });
});
