import ExcelJS from 'exceljs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOTS } from '../harness/browser.js';
import { COMMUNE_A, COMMUNE_B, loginLink, seedContact, seedOfficial, seedQuestion, seedRegistration, seedVenue, seedVisits } from '../harness/dashboard-seed.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
let browser: Browser;
const SHOTS = SCREENSHOTS;

beforeAll(async () => {
  ts = await startTestService({ listen: true });
  browser = await launchBrowser();
  const owner = await seedContact(ts.rt, { name: 'Nguyễn Văn Hùng' });
  const market = await seedVenue(ts.rt, { name: 'Chợ Phổ Minh', communeId: COMMUNE_A, ownerContactId: owner.id, phone: '0905123456' });
  await seedVenue(ts.rt, { name: 'Trường Tiểu học Phổ Minh', communeId: COMMUNE_A });
  const day = 86_400_000;
  const people = await Promise.all([1, 2, 3].map(() => seedContact(ts.rt)));
  for (const [i, p] of people.entries()) await seedVisits(ts.rt, { ...market, communeId: COMMUNE_A }, p.id, [0, 1, 3, 8].map((d) => new Date(Date.now() - (d + i) * day)));
  await seedVenue(ts.rt, { name: 'Bến xe Bình Châu', communeId: COMMUNE_B });
  for (const n of ['Trần Thị Lan', 'Lê Văn Ba']) await seedRegistration(ts.rt, owner.id, COMMUNE_A, n, { phone: '0905000111', idNumber: '051160000123' });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await ts?.stop();
});

async function signedIn(communes: readonly string[] | 'all'): Promise<{ ctx: BrowserContext; page: Page }> {
  const official = await seedOfficial(ts, communes);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(new URL(await loginLink(ts.rt, official.id)).pathname.replace(/^/, ts.baseUrl));
  await page.click('#login');
  await page.waitForURL(`${ts.baseUrl}/quanly`);
  return { ctx, page };
}

describe('dashboard in a real browser', () => {
  it('logs in by link, draws the overview with its chart, and exports CSV and XLSX that parse', async () => {
    const { ctx, page } = await signedIn([COMMUNE_A]);
    await page.waitForSelector('#chart canvas');
    const rows = await page.locator('#communes tbody tr').allTextContents();
    expect(rows.join(' ')).toContain('Phổ Minh');
    expect(rows.join(' ')).not.toContain('Bình Châu');
    await page.screenshot({ path: join(SHOTS, 'tong-quan.png'), fullPage: true });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải CSV')]);
    const csvText = await readFile((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText).toContain('Phường Phổ Minh,2,1');
    const [xl] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải Excel (XLSX)')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xl.path())!);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Xã, phường');
    expect(ws.getRow(2).getCell(2).value).toBe('Phường Phổ Minh');
    expect(ws.getRow(2).getCell(3).value).toBe(2);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SHOTS, 'tong-quan-360.png'), fullPage: true });
    await ctx.close();
  }, 60_000);

  it('lists venues with filters, shows owner and phone, and suspends after confirmation', async () => {
    const { ctx, page } = await signedIn([COMMUNE_A]);
    await page.goto(`${ts.baseUrl}/quanly/diadiem?khaibao=no`);
    expect(await page.locator('#venues tbody').textContent()).toContain('Trường Tiểu học Phổ Minh');
    expect(await page.locator('#venues tbody').textContent()).not.toContain('Chợ Phổ Minh');
    await page.goto(`${ts.baseUrl}/quanly/diadiem?q=ch%E1%BB%A3`);
    await page.screenshot({ path: join(SHOTS, 'dia-diem.png'), fullPage: true });
    await page.click('text=Chợ Phổ Minh');
    await page.waitForSelector('#codes');
    expect(await page.textContent('main')).toContain('Nguyễn Văn Hùng');
    expect(await page.textContent('main')).toContain('0905123456');
    page.once('dialog', (d) => void d.accept());
    await page.click('text=Tạm ngừng địa điểm');
    await page.waitForSelector('.flash');
    expect(await page.textContent('#status')).toBe('Tạm ngừng');
    await page.screenshot({ path: join(SHOTS, 'dia-diem-chi-tiet.png'), fullPage: true });
    await ctx.close();
  }, 60_000);

  it("answers a waiting question in place and the answer reaches the resident's chat", async () => {
    const resident = new SimChat(ts, 'resident');
    await resident.send('xin chào');
    const contact = await ts.rt.repos.contacts.find('web', 'simulator', `${resident.session}.resident`);
    const q = await seedQuestion(ts.rt, contact!.id, COMMUNE_A, 'Người trên 65 tuổi tiêm ở đâu?', new Date(Date.now() - 3 * 3600_000));
    const { ctx, page } = await signedIn([COMMUNE_A]);
    await page.goto(`${ts.baseUrl}/quanly/hoidap`);
    await page.screenshot({ path: join(SHOTS, 'hoi-dap.png'), fullPage: true });
    await page.fill(`#q${q} textarea`, 'Bác đến Trạm y tế phường Phổ Minh sáng thứ Bảy.');
    await page.click(`#q${q} button`);
    await page.waitForSelector('.flash');
    expect(await page.locator(`#q${q}`).count()).toBe(0);
    expect(textOf(await resident.replies())).toContain('Trạm y tế phường Phổ Minh sáng thứ Bảy');
    await ctx.close();
  }, 60_000);

  it('imports appointments from a CSV with a report of rejected lines, and exports for the portal', async () => {
    const { ctx, page } = await signedIn([COMMUNE_A]);
    await page.goto(`${ts.baseUrl}/quanly/dangky`);
    const ids = (await page.locator('#registrations tbody tr td:first-child').allTextContents()).map(Number);
    expect(ids.length).toBe(2);
    const dir = join(tmpdir(), `qm-${Date.now()}`);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'lich-tiem.csv');
    await writeFile(file, `\uFEFFSố,Ngày,Giờ,Địa điểm\n${ids[0]},15/09/2099,08:30,Trạm y tế Phổ Minh\n${ids[1]},31/02/2099,08:30,Trạm y tế\n999999,15/09/2099,09:00,Trạm y tế\n`);
    await page.setInputFiles('input[type=file]', file);
    await page.click('button:has-text("Nhập lịch")');
    await page.waitForSelector('#import-report');
    const report = await page.textContent('#import-report');
    expect(report).toContain('Đã nhập 1 lịch tiêm');
    expect(report).toContain('Dòng 3');
    expect(report).toContain('Dòng 4');
    await page.screenshot({ path: join(SHOTS, 'dang-ky-tiem.png'), fullPage: true });
    const [xl] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải Excel cho Cổng tiêm chủng quốc gia')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xl.path())!);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(2).value).toBe('Trần Thị Lan');
    expect(ws.getRow(2).getCell(7).value).toBe('0905000111');
    expect(ws.getRow(2).getCell(8).value).toBe('051160000123');
    await ctx.close();
  }, 60_000);

  it('shows the audit log and, for an admin, the system page', async () => {
    const { ctx, page } = await signedIn('all');
    await page.goto(`${ts.baseUrl}/quanly/nhatky`);
    expect(await page.textContent('#audit')).toContain('dashboard.login');
    await page.screenshot({ path: join(SHOTS, 'nhat-ky.png'), fullPage: true });
    await page.goto(`${ts.baseUrl}/quanly/hethong`);
    expect(await page.textContent('#channels')).toContain('web');
    await page.screenshot({ path: join(SHOTS, 'he-thong.png'), fullPage: true });
    await ctx.close();
  }, 60_000);
});
