import { Jimp } from 'jimp';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQrTexts } from '../../src/qr-photo/decode.js';
import { finderCandidates, formsSymbol, symbolEvidence, symbolRegions } from '../../src/qr-photo/finder-scan.js';
import type { Grey } from '../../src/qr-photo/grid-resample.js';

type Img = Awaited<ReturnType<typeof Jimp.read>>;
const as = (x: unknown) => x as Img;

const greyOf = (img: Img): Grey => {
  const { data, width, height } = img.bitmap;
  const g = new Uint8Array(width * height);
  for (let i = 0; i < g.length; i++) g[i] = data[4 * i]!;
  return { data: g, width, height };
};

/** A deterministic noisy grey background (mulberry32: a plain LCG draws lattices that look like finders). */
function background(w: number, h: number, amplitude = 24, seed = 7): Img {
  const img = new Jimp({ width: w, height: h, color: 0x8c8c8cff });
  let s = seed;
  const d = img.bitmap.data;
  for (let i = 0; i < d.length; i += 4) {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const r = ((t ^ (t >>> 14)) >>> 0) % (2 * amplitude + 1);
    const v = 140 + r - amplitude;
    d[i] = d[i + 1] = d[i + 2] = v;
  }
  return as(img);
}

const code = async (px: number) => Jimp.read(await QRCode.toBuffer('https://quetma.example.vn/c/finder-scan-test', { margin: 2, width: px }));

describe('finder-pattern evidence (the early "no code" answer)', { timeout: 120_000 }, () => {
  it('finds three finders laid out as one symbol, small or large, upright or rotated, dark or inverted', async () => {
    for (const [px, angle] of [[90, 0], [400, 0], [300, 30]] as const) {
      const img = background(1000, 800).composite(as((await code(px)).rotate(angle)), 300, 200);
      expect(symbolEvidence(greyOf(as(img))), `${px} px at ${angle}°`).toBe(true);
    }
    const inverted = as(background(800, 600).composite(as((await code(300)).invert()), 200, 150));
    expect(symbolEvidence(greyOf(inverted))).toBe(true);
  });

  it('finds no symbol in noise, text-like stripes or a plain wall', () => {
    expect(symbolEvidence(greyOf(background(1200, 900)))).toBe(false);
    const stripes = background(800, 600);
    const d = stripes.bitmap.data;
    for (let i = 0; i < d.length; i += 4) if (Math.floor((i / 4) % 800 / 6) % 2 === 0) d[i] = d[i + 1] = d[i + 2] = 30;
    expect(symbolEvidence(greyOf(stripes))).toBe(false);
    expect(finderCandidates(greyOf(as(new Jimp({ width: 400, height: 300, color: 0xeeeeeeff }))))).toEqual([]);
  });

  it('accepts only triples that could be one symbol: similar modules, a near right angle, a plausible size', () => {
    const f = (x: number, y: number, module = 4) => ({ x, y, module, rows: 3 });
    expect(formsSymbol(f(100, 100), f(300, 100), f(100, 300))).toBe(true);
    expect(formsSymbol(f(100, 100), f(300, 100), f(500, 100))).toBe(false); // in a line
    expect(formsSymbol(f(100, 100), f(300, 100), f(100, 300, 12))).toBe(false); // another size
    expect(formsSymbol(f(100, 100), f(110, 100), f(100, 110))).toBe(false); // too close for a symbol
  });

  it('says where each of several codes lies (a notice board)', async () => {
    const spots = [[80, 100, 200], [500, 80, 260], [300, 480, 150]] as const;
    let img = background(1000, 800);
    for (const [x, y, px] of spots) img = as(img.composite(await code(px), x, y));
    const regions = symbolRegions(greyOf(img));
    for (const [x, y, px] of spots) {
      const cx = x + px / 2, cy = y + px / 2;
      // A region of about the code's own size holds it (not only one spanning several codes).
      const holding = regions.filter((r) => r.x0 <= cx && cx <= r.x1 && r.y0 <= cy && cy <= r.y1 && r.x1 - r.x0 < 1.6 * px);
      expect(holding.length, `code at ${x},${y}`).toBeGreaterThan(0);
    }
    expect(regions.length).toBeLessThanOrEqual(12);
    expect(symbolRegions(greyOf(background(1000, 800)))).toEqual([]);
  });

  it('answers a photo without any code without trying the fallbacks, and says so', async () => {
    // A noisy photo: the case where every fallback used to run for seconds.
    const bytes = await background(2000, 1500).getBuffer('image/jpeg', { quality: 85 });
    const stats: { step?: string } = {};
    expect(await decodeQrTexts(bytes, undefined, stats)).toEqual([]);
    expect(stats.step).toBe('no-finders');
  });
});
