import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createTestDatabase } from '../harness/database.js';
import { readQr } from '../harness/read-qr.js';
import { capture } from '../harness/cli-io.js';


let db: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'quetma-cli-'));
  env = { DATABASE_URL: db.url, QUEUE_PREFIX: 'qtvcli', PUBLIC_URL: 'https://quetma.example.vn', DATA_DIR: dir };
});
afterAll(async () => {
  await db?.drop();
});

interface Line {
  id: number;
  url: string;
  manualCode: string;
  qrPng: string;
  posterPdf: string;
}

describe('officials create venues from the command line', () => {
  it('venues:create takes a Vietnamese type name and a commune without diacritics, and writes a QR that decodes to the URL', async () => {
    const c = capture();
    const code = await runCli(['venues:create', '--name', 'Cửa hàng Bách hóa Xanh', '--type', 'cửa hàng', '--commune', 'pho minh', '--address', '120 Nguyễn Nghiêm', '--phone', '0905123456'], env, c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const line = JSON.parse(c.out[0]!) as Line;
    expect(line.url).toMatch(/^https:\/\/quetma\.example\.vn\/c\/[A-Za-z0-9_-]+$/);
    expect(line.manualCode).toMatch(/^[A-Z0-9]{6,8}$/);
    expect(await readQr(await readFile(line.qrPng))).toBe(line.url);
    expect((await readFile(line.posterPdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('venues:import reports a bad row by its line number and still imports the rest', async () => {
    const csv = [
      'name,type,commune,address,phone,plate,route',
      'Xe buýt số 1,Phương tiện giao thông công cộng,Phổ Minh,Bến xe Đức Phổ,0905000111,76B-012.34,Đức Phổ - Quảng Ngãi',
      'Sạp số 2,cho,khong co xa nay,Chợ Đức Phổ,0905000112,,',
      'Sạp số 3,Chợ,Phổ Minh,Chợ Đức Phổ,0905000113,,',
    ].join('\n');
    const file = path.join(dir, 'fleet.csv');
    await writeFile(file, `\uFEFF${csv}`);
    const c = capture();
    expect(await runCli(['venues:import', file], env, c.io)).toBe(1);
    expect(c.out).toHaveLength(2);
    expect(c.err).toHaveLength(1);
    expect(JSON.parse(c.err[0]!)).toMatchObject({ line: 3 });
  });
});
