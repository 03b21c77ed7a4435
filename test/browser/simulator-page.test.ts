import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../harness/browser.js';
import { startTestService, type TestService } from '../harness/service.js';

let ts: TestService;
let browser: Browser;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
  browser = await launchBrowser();
});
afterAll(async () => {
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
    await page.close();
  });
});
