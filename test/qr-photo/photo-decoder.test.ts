import { Jimp } from 'jimp';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PhotoError } from '../../src/checkin/resolver.js';
import { decodeQrTexts } from '../../src/qr-photo/decode.js';
import { createPhotoDecoder } from '../../src/qr-photo/decoder-pool.js';
import { probeImage } from '../../src/qr-photo/image-probe.js';
import { readBarcodes } from 'zxing-wasm/reader';
import { rippledCode } from '../harness/rippled-code.js';

const URL_A = 'https://quetma.example.vn/c/p4EV5IfCFLcUpLt7sl9Ors';
const URL_B = 'https://pay.example.com/0002010102115802VN';

const qr = async (text: string, px = 400) => Jimp.read(await QRCode.toBuffer(text, { margin: 4, width: px }));
type Img = Awaited<ReturnType<typeof Jimp.read>>;
const as = (x: unknown) => x as Img;

/** A grey noisy "photo" with codes pasted at given places. */
async function scene(w: number, h: number, codes: { img: Img; x: number; y: number }[], mime: 'image/jpeg' | 'image/png' = 'image/jpeg'): Promise<Buffer> {
  const s = new Jimp({ width: w, height: h, color: 0x9a9a9aff });
  for (const c of codes) s.composite(c.img, c.x, c.y);
  return mime === 'image/jpeg' ? s.getBuffer('image/jpeg', { quality: 80 }) : s.getBuffer('image/png');
}

const pool = createPhotoDecoder({ threads: 2, timeoutMs: 5000 });
afterAll(() => pool.close());

// Generous: the CI machine runs several suites at once, and each photo here is decoded for real.
describe('reading QR codes from photos', { timeout: 120_000 }, () => {
  it('finds a code that is small in a large, rotated and blurred photo', async () => {
    const code = as((await qr(URL_A, 300)).rotate(17).blur(1));
    const bytes = await scene(2400, 1800, [{ img: code, x: 1500, y: 900 }]);
    expect(await decodeQrTexts(bytes)).toEqual([URL_A]);
  });

  it('returns every code in the image, so a check-in can pick ours', async () => {
    const bytes = await scene(1400, 700, [{ img: await qr(URL_A), x: 60, y: 150 }, { img: await qr(URL_B), x: 900, y: 150 }], 'image/png');
    expect((await decodeQrTexts(bytes)).sort()).toEqual([URL_A, URL_B].sort());
  });

  it('finds both codes of a "double QR" (a small code printed inside a big one), and nothing else', async () => {
    const OUTER = 'https://example.org/outer-of-a-double-code';
    const bytes = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#9a9a9a' } })
      .composite([
        { input: await QRCode.toBuffer(OUTER, { errorCorrectionLevel: 'H', width: 640, margin: 4 }), left: 130, top: 130 },
        { input: await QRCode.toBuffer(URL_A, { width: 170, margin: 2 }), left: 365, top: 365 },
      ])
      .png()
      .toBuffer();
    const stats: { step?: string; withheld?: string[] } = {};
    expect((await decodeQrTexts(bytes, undefined, stats)).sort()).toEqual([OUTER, URL_A].sort());
    expect(stats.withheld).toEqual([]);
  });

  it('finds every code on a notice board, also one the first reading misses (a poster on a rippled surface)', { timeout: 120_000 }, async () => {
    const URL_B2 = 'https://quetma.example.vn/c/Zx0YqRr5bX1n2m3k4j5h6g';
    const URL_C = 'https://quetma.example.vn/c/Cc7d8e9f0g1h2i3j4k5l6m';
    const bytes = await sharp({ create: { width: 1500, height: 700, channels: 3, background: '#9a9a9a' } })
      .composite([
        { input: await QRCode.toBuffer(URL_A, { width: 360, margin: 4 }), left: 40, top: 150 },
        { input: await QRCode.toBuffer(URL_B2, { width: 360, margin: 4 }), left: 460, top: 150 },
        { input: await rippledCode(URL_C, { px: 6, amplitude: 0.5, wave: 25 }), left: 880, top: 80 },
      ])
      .jpeg({ quality: 90 })
      .toBuffer();
    // Reading the whole photo finds the two flat codes only: stopping at the first reading that
    // finds something would lose the third poster.
    const direct = await readBarcodes(bytes, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 32 });
    expect(direct.filter((r) => r.isValid).map((r) => r.text).sort()).toEqual([URL_A, URL_B2].sort());
    const stats: { step?: string } = {};
    expect((await decodeQrTexts(bytes, undefined, stats)).sort()).toEqual([URL_A, URL_B2, URL_C].sort());
    expect(stats.step).toMatch(/^direct-fast,.*region/);
  });

  it('reads a dim, low-contrast photo', async () => {
    const code = as((await qr(URL_A, 500)).brightness(0.35));
    const bytes = await scene(900, 900, [{ img: code, x: 200, y: 200 }]);
    expect(await decodeQrTexts(bytes)).toEqual([URL_A]);
  });

  it('reads a WebP image (forwarded pictures and some screenshots are WebP)', async () => {
    const png = await scene(800, 600, [{ img: await qr(URL_A, 360), x: 200, y: 100 }], 'image/png');
    const webp = await sharp(png).webp({ quality: 80 }).toBuffer();
    expect(probeImage(webp).format).toBe('webp');
    expect(await decodeQrTexts(webp)).toEqual([URL_A]);
  });

  it('finds nothing, rather than something wrong, in a photo without a code', async () => {
    expect(await decodeQrTexts(await scene(800, 600, []))).toEqual([]);
  });

  it('refuses a file that is not an image with a PhotoError', async () => {
    await expect(decodeQrTexts(Buffer.from('%PDF-1.7 not an image at all'))).rejects.toMatchObject({ kind: 'not-an-image' });
    await expect(decodeQrTexts(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).rejects.toBeInstanceOf(PhotoError);
  });

  it('refuses a decompression bomb from its header, before decoding a pixel', async () => {
    const png = Buffer.from(await (await scene(10, 10, [], 'image/png')));
    png.writeUInt32BE(20000, 16);
    png.writeUInt32BE(20000, 20);
    expect(probeImage(png)).toMatchObject({ format: 'png', width: 20000, height: 20000 });
    // The file holds no such pixels: decoding it would fail as "not an image", so "too large"
    // proves the header was judged before any decoding.
    await expect(decodeQrTexts(png)).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('refuses files over 10 MB without sending them to a worker', async () => {
    await expect(pool.decode(new Uint8Array(10 * 1024 * 1024 + 1))).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('decodes in worker threads, several photos at once, with the same answers', async () => {
    const bytes = await scene(1200, 900, [{ img: await qr(URL_A), x: 400, y: 200 }]);
    const results = await Promise.all([1, 2, 3, 4].map(() => pool.decode(bytes)));
    expect(results).toEqual([1, 2, 3, 4].map(() => ({ texts: [URL_A], unconfirmed: 0 })));
    await expect(pool.decode(Buffer.from('nope'))).rejects.toMatchObject({ kind: 'not-an-image' });
  });

  it('times a stuck photo out and keeps serving the next ones', async () => {
    const tight = createPhotoDecoder({ threads: 1, timeoutMs: 30 });
    try {
      const big = await scene(3000, 2000, []);
      await expect(tight.decode(big)).rejects.toMatchObject({ kind: 'timeout' });
    } finally {
      await tight.close();
    }
    const bytes = await scene(800, 800, [{ img: await qr(URL_A), x: 200, y: 200 }], 'image/png');
    expect(await pool.decode(bytes)).toEqual({ texts: [URL_A], unconfirmed: 0 });
  });
});

describe('npm run cli -- decode', { timeout: 120_000 }, () => {
  it('prints one JSON line per image with every text found, and an error line for a bad file', async () => {
    const { runCli } = await import('../../src/cli/main.js');
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/quetma-decode-`);
    await writeFile(`${dir}/two.png`, await scene(1400, 700, [{ img: await qr(URL_A), x: 60, y: 150 }, { img: await qr(URL_B), x: 900, y: 150 }], 'image/png'));
    await writeFile(`${dir}/bad.jpg`, 'not an image');
    const out: string[] = [];
    const code = await runCli(['decode', `${dir}/two.png`, `${dir}/bad.jpg`], {}, { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(1);
    const [first, second] = out.map((l) => JSON.parse(l) as { file: string; texts?: string[]; error?: string; ms: number });
    expect(first!.texts!.sort()).toEqual([URL_A, URL_B].sort());
    expect(first!.ms).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ file: `${dir}/bad.jpg`, error: expect.stringMatching(/not a PNG/) });
  });
});
