import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by `.ci/run` (no browser is downloaded at install time). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags that keep Chromium from reaching the internet on its own (background networking, updates,
 * sync): on this machine's closed network those connections are refused and slow the start.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium for an end-to-end test. Fails loudly (never skips) when the browser is
 * missing, naming the command that installs it.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/**
 * Where page tests save their screenshots: a temporary folder, so a test run leaves the checkout
 * clean; `SCREENSHOTS_DIR=docs/screenshots npx vitest run test/browser` refreshes the README's
 * pictures on purpose.
 */
export const SCREENSHOTS = process.env.SCREENSHOTS_DIR ? resolve(process.env.SCREENSHOTS_DIR) : mkdtempSync(join(tmpdir(), 'quetma-shots-'));
