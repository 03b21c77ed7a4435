import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOTS } from '../harness/browser.js';
import { seedResidents } from '../harness/broadcasts.js';
import { COMMUNE_A, COMMUNE_B, loginLink, seedOfficial, seedVenue, seedVisits } from '../harness/dashboard-seed.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
let browser: Browser;
const SHOTS = SCREENSHOTS;
const VN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** A moment as the form's date and time inputs take it (Vietnam time). */
const vnInputs = (d: Date) => {
  const p = Object.fromEntries(VN.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
};

beforeAll(async () => {
  ts = await startTestService({ listen: true });
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await ts?.stop();
});

async function signedIn(communes: readonly string[] | 'all'): Promise<{ ctx: BrowserContext; page: Page; id: number }> {
  const official = await seedOfficial(ts, communes);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await ctx.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(new URL(await loginLink(ts.rt, official.id)).pathname.replace(/^/, ts.baseUrl));
  await page.click('#login');
  await page.waitForURL(`${ts.baseUrl}/quanly`);
  return { ctx, page, id: official.id };
}

async function auditActions(officialId: number): Promise<string[]> {
  const r = await ts.rt.db.execute(`select action from audit_log where official_id = ${officialId} order by id` as never);
  return ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { action: string }[]).map((x) => x.action);
}

describe('Hệ thống: officials and invites (district admin)', () => {
  it('creates an invite whose one-time code works in chat, then revokes that official after confirmation', async () => {
    const { ctx, page, id: adminId } = await signedIn('all');
    await page.goto(`${ts.baseUrl}/quanly/hethong`);
    await page.fill('input[name=ten]', 'Nguyễn Thị Hoa');
    await page.check(`input[name=xa][value="${COMMUNE_A}"]`);
    await page.click('#invite-form button[type=submit]');
    const code = (await page.textContent('#invite-code'))!.trim();
    expect(code.length).toBeGreaterThan(5);
    expect(await page.textContent('#fresh-invite')).toContain('Phổ Minh');
    await page.screenshot({ path: join(SHOTS, 'he-thong-moi-can-bo.png'), fullPage: true });

    const chat = new SimChat(ts, 'resident');
    expect(textOf(await chat.send(code))).toMatch(/được cấp quyền/);
    const joined = (await ts.rt.officials.list()).filter((o) => o.displayName === 'Nguyễn Thị Hoa' && o.revokedAt === null);
    expect(joined.length).toBe(1);
    await page.goto(`${ts.baseUrl}/quanly/hethong`);
    expect(await page.textContent('#invites')).toContain('đã dùng');
    await page.click(`form[action="/quanly/hethong/canbo/${joined[0]!.id}/thuhoi"] button`);
    await page.waitForSelector('.flash');
    expect(await ts.rt.officials.byId(joined[0]!.id)).toBeNull();
    expect(await auditActions(adminId)).toEqual(expect.arrayContaining(['officials.invite', 'officials.revoke']));
    // An admin cannot revoke themselves from the page (no button, and the route refuses).
    expect(await page.locator(`form[action="/quanly/hethong/canbo/${adminId}/thuhoi"]`).count()).toBe(0);
    await ctx.close();
  }, 90_000);

  it('refuses the forms without a CSRF token and to an official who is not an admin', async () => {
    const { ctx, page } = await signedIn([COMMUNE_A]);
    const res = await page.request.post(`${ts.baseUrl}/quanly/hethong/moi`, { form: { vaitro: 'admin' } });
    expect(res.status()).toBe(403);
    const page403 = await page.goto(`${ts.baseUrl}/quanly/hethong`);
    expect(page403!.status()).toBe(403);
    await ctx.close();
  }, 60_000);
});

describe('Truy vết', () => {
  it('opens an event by place and time, previews, sends after confirmation, shows follow-up and exports the contact list', async () => {
    const market = await seedVenue(ts.rt, { name: 'Chợ Phổ Minh', communeId: COMMUNE_A });
    const resident = new SimChat(ts, 'resident');
    await resident.send('xin chào');
    const contact = await ts.rt.repos.contacts.find('web', 'simulator', `${resident.session}.resident`);
    const at = new Date(Date.now() - 3 * 3600_000);
    await seedVisits(ts.rt, { ...market, communeId: COMMUNE_A }, contact!.id, [at]);
    const { ctx, page, id } = await signedIn([COMMUNE_A]);
    await page.goto(`${ts.baseUrl}/quanly/truyvet`);
    const from = vnInputs(new Date(at.getTime() - 30 * 60_000));
    const to = vnInputs(new Date(at.getTime() + 30 * 60_000));
    await page.fill('#open-place input[name=diadiem]', 'cho pho minh');
    await page.fill('#open-place input[name=ngay]', from.date);
    await page.fill('#open-place input[name=tu]', from.time);
    await page.fill('#open-place input[name=den]', to.time);
    await page.click('#open-place button');
    await page.waitForSelector('#preview');
    expect(await page.textContent('#new-people')).toBe('1');
    expect(await page.textContent('#windows')).toContain('Chợ Phổ Minh');
    await page.screenshot({ path: join(SHOTS, 'truy-vet.png'), fullPage: true });
    await page.click('#send');
    await page.waitForSelector('.flash');
    expect(await page.textContent('#new-people')).toBe('0');
    expect(await page.textContent('#follow-up')).toMatch(/1\s*đã gửi/);
    expect(textOf(await resident.replies())).toContain('Chợ Phổ Minh');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải danh sách tiếp xúc')]);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\n').filter((l) => l.includes('Chợ Phổ Minh')).length).toBe(1);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['tracing.open', 'tracing.preview', 'tracing.send', 'tracing.export']));
    const eventUrl = page.url().replace(/\?.*$/, '');
    await ctx.close();

    const other = await signedIn([COMMUNE_B]);
    const res = await other.page.goto(eventUrl);
    expect(res!.status()).toBe(403);
    expect((await other.page.request.get(`${eventUrl}/danh-sach.csv`)).status()).toBe(403);
    await other.page.goto(`${ts.baseUrl}/quanly/truyvet`);
    expect(await other.page.textContent('#events tbody')).not.toContain(eventUrl.split('/').at(-1)!);
    await other.ctx.close();
  }, 120_000);
});

describe('Thông báo', () => {
  it('composes, previews per commune and channel, saves after confirmation, pauses, resumes, cancels and exports', async () => {
    await seedResidents(ts.rt.db, 3, { communeId: COMMUNE_A, consent: true });
    await seedResidents(ts.rt.db, 2, { communeId: COMMUNE_A, consent: false });
    const { ctx, page, id } = await signedIn([COMMUNE_A]);
    await page.goto(`${ts.baseUrl}/quanly/thongbao`);
    const tomorrow = vnInputs(new Date(Date.now() + 86_400_000));
    await page.fill('textarea[name=noidung]', 'Bà con nhớ quét mã QR khi vào chợ Phổ Minh.');
    await page.selectOption('select[name=doituong]', 'residents');
    await page.selectOption('select[name=khi]', 'at');
    await page.fill('input[name=ngay]', tomorrow.date);
    await page.fill('input[name=gio]', '08:00');
    await page.click('#compose button[type=submit]');
    await page.waitForSelector('#by-commune');
    expect(await page.textContent('#recipients')).toBe('3');
    expect(await page.textContent('#by-commune')).toContain('Phổ Minh');
    expect(await page.textContent('#exclusions')).toContain('2 người: đã từ chối');
    await page.screenshot({ path: join(SHOTS, 'thong-bao.png'), fullPage: true });
    await page.click('#confirm-send');
    await page.waitForSelector('#broadcast-status');
    expect(await page.textContent('#broadcast-status')).toBe('Đã lên lịch');
    await page.click('button:has-text("Tạm dừng")');
    await page.waitForSelector('text=Đã tạm dừng.');
    expect(await page.textContent('#broadcast-status')).toBe('Tạm dừng');
    await page.click('button:has-text("Tiếp tục")');
    await page.waitForSelector('text=Đã tiếp tục gửi.');
    await page.click('button:has-text("Hủy thông báo")');
    await page.waitForSelector('text=Đã hủy thông báo.');
    expect(await page.textContent('#broadcast-status')).toBe('Đã hủy');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Tải kết quả (CSV)')]);
    expect(await readFile((await csv.path())!, 'utf8')).toContain('Xã, phường');
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['broadcasts.preview', 'broadcasts.create', 'broadcasts.paused', 'broadcasts.resumed', 'broadcasts.cancelled', 'broadcasts.export']));
    const detail = page.url().replace(/\?.*$/, '');
    await ctx.close();

    const other = await signedIn([COMMUNE_B]);
    expect((await other.page.goto(detail))!.status()).toBe(403);
    expect((await other.page.request.get(`${detail}/ket-qua.csv`)).status()).toBe(403);
    await other.page.goto(`${ts.baseUrl}/quanly/thongbao`);
    expect(await other.page.locator(`a[href="${new URL(detail).pathname}"]`).count()).toBe(0);
    await other.ctx.close();
  }, 120_000);
});

describe('the new pages on a phone', () => {
  it('fit a 360 px screen without sideways scrolling', async () => {
    const { ctx, page } = await signedIn('all');
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/quanly/truyvet', '/quanly/thongbao', '/quanly/hethong']) {
      await page.goto(`${ts.baseUrl}${path}`);
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      const wide = await page.evaluate(`[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll')).slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + (e.getAttribute('name') ?? '')).join(', ')`);
      expect(overflow, `${path}: ${String(wide)}`).toBeLessThanOrEqual(1);
    }
    await ctx.close();
  }, 60_000);
});
