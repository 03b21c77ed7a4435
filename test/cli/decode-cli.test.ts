import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { capture } from '../harness/cli-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quetma-decode-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run cli -- decode', () => {
  it('prints the texts read and those withheld for each image, and fails on a file that is not an image', async () => {
    const link = 'https://quetma.example.vn/c/AbC123';
    const png = join(dir, 'code.png');
    await writeFile(png, await QRCode.toBuffer(link, { width: 400, margin: 4 }));
    const junk = join(dir, 'junk.png');
    await writeFile(junk, 'not an image');
    const c = capture();
    const code = await runCli(['decode', png, junk], { PUBLIC_URL: 'https://quetma.example.vn' }, c.io);
    const [read, bad] = c.out.map((l) => JSON.parse(l) as { file: string; texts?: string[]; withheld?: string[]; error?: string });
    expect(read).toMatchObject({ file: png, texts: [link], withheld: [] });
    expect(bad!.file).toBe(junk);
    expect(bad!.error).toBeTruthy();
    expect(code).toBe(1);
  });

  it('says how to call it when no image is given', async () => {
    const c = capture();
    expect(await runCli(['decode'], {}, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('usage: decode');
  });
});
