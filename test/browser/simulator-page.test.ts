import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webTexts } from '../../bots/web/texts.js';
import { defaultFeatures } from '../../src/features.js';
import { launchBrowser } from '../harness/browser.js';
import { heldCommand } from '../harness/held-turn.js';
import { startTestService, type TestService } from '../harness/service.js';

/** `/thulau` holds its turn until the test releases it (a slow poster render, a hard photo). */
const { feature: slowTurn, release } = heldCommand('thulau', ['Trả lời chậm đã xong']);

let ts: TestService;
let browser: Browser;
beforeAll(async () => {
  ts = await startTestService({ listen: true, features: async (host) => [...(await defaultFeatures(host)), slowTurn] });
  browser = await launchBrowser();
});
afterAll(async () => {
  release();
  await browser?.close();
  await ts?.stop();
});

describe('the simulator page in a real browser', () => {
  it('greets a new visitor and answers a typed menu number', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${ts.baseUrl}/chat`);
    await page.locator('.msg.bot', { hasText: 'Xin chào' }).first().waitFor({ timeout: 15_000 });
    await page.fill('#text', '6');
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot', { hasText: 'Hướng dẫn sử dụng' }).first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.msg.me').allTextContents()).toContain('6');
    // Every word of the page comes from bots/web/texts.ts, filled in when it is served.
    expect(await page.title()).toBe(webTexts.tieuDe);
    expect(await page.getAttribute('#text', 'placeholder')).toBe(webTexts.nhapTinNhan);
    expect(await page.content()).not.toContain('{{');
    await page.close();
  });
});

describe('the simulator shows when the bot is still answering', () => {
  it('shows "Đang trả lời…" while a turn is in progress and hides it once the reply is there', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${ts.baseUrl}/chat`);
    await page.locator('.msg.bot', { hasText: 'Xin chào' }).first().waitFor({ timeout: 15_000 });
    await page.locator('#typing').waitFor({ state: 'hidden', timeout: 15_000 });
    await page.fill('#text', '/thulau');
    await page.press('#text', 'Enter');
    await page.locator('#typing', { hasText: 'Đang trả lời…' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(1_500); // two polls at least: the turn is still held, the indicator stays
    expect(await page.isVisible('#typing')).toBe(true);
    expect(await page.locator('.msg.bot', { hasText: 'Trả lời chậm' }).count()).toBe(0);
    release();
    await page.locator('.msg.bot', { hasText: 'Trả lời chậm đã xong' }).waitFor({ timeout: 15_000 });
    await page.locator('#typing').waitFor({ state: 'hidden', timeout: 15_000 });
    await page.close();
  }, 90_000);
});

describe('the simulator keeps an error on screen until the next action', () => {
  it('"Ảnh quá lớn" stays past several polls and goes when the person sends a message', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${ts.baseUrl}/chat`);
    await page.locator('.msg.bot', { hasText: 'Xin chào' }).first().waitFor({ timeout: 15_000 });
    // 11 MB: over the page's 10 MB photo limit, so the server answers 413
    const big = join(await mkdtemp(join(tmpdir(), 'quetma-sim-')), 'to.jpg');
    await writeFile(big, Buffer.alloc(11 * 1024 * 1024, 1));
    await page.setInputFiles('#photo', big);
    await page.locator('#status', { hasText: 'Ảnh quá lớn' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(2_500); // the page polls every 0.7 s: three polls at least
    expect(await page.textContent('#status')).toContain('Ảnh quá lớn');
    await page.fill('#text', '6');
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot', { hasText: 'Hướng dẫn sử dụng' }).first().waitFor({ timeout: 15_000 });
    expect((await page.textContent('#status'))?.trim()).toBe('');
    await page.close();
  }, 90_000);

  it('"Không gửi được" stays when a message is refused, and a later successful send clears it', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${ts.baseUrl}/chat`);
    await page.locator('.msg.bot', { hasText: 'Xin chào' }).first().waitFor({ timeout: 15_000 });
    // the next message post fails at the network (as when the service is down); polls still succeed
    let failNext = true;
    await page.route('**/chat/api/messages', async (route) => {
      if (route.request().method() === 'POST' && failNext) {
        failNext = false;
        await route.abort('failed');
      } else await route.continue();
    });
    await page.fill('#text', 'xin chào');
    await page.press('#text', 'Enter');
    await page.locator('#status', { hasText: 'Không gửi được' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(2_500);
    expect(await page.textContent('#status')).toContain('Không gửi được');
    await page.fill('#text', '6');
    await page.press('#text', 'Enter');
    await page.locator('.msg.bot', { hasText: 'Hướng dẫn sử dụng' }).first().waitFor({ timeout: 15_000 });
    expect((await page.textContent('#status'))?.trim()).toBe('');
    await page.close();
  }, 90_000);
});
