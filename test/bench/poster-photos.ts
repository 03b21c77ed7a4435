/**
 * npm run bench:qr:posters   (= make this set, then run bench:qr on it)
 *
 * A second, synthetic test set for the photo decoder: our own A4 posters (rendered by the real
 * poster code) "photographed" the way residents do it: small in a large frame, rotated, dim,
 * washed out, blurred, with a glare band or a bright hot spot, half in shadow, tilted steeply
 * away, blurred under glare, next to a second (payment) code, as a screenshot, as a heavily
 * compressed JPEG, and on a notice board with two more of our posters and a payment code. Written to a temp folder with a manifest of the expected URLs.
 * These are not real photos; they check that the pipeline reads our own posters in bad shape.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Jimp } from 'jimp';
import QRCode from 'qrcode';
import { createVenueDomain } from '../../src/venues/venue-domain.js';
import { rippleSource } from '../harness/rippled-code.js';
import { runBench } from './run-bench.js';

type Img = Awaited<ReturnType<typeof Jimp.read>>;
const as = (x: unknown) => x as Img;

/** A small deterministic PRNG, so the set is the same on every run. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function scene(w: number, h: number, rand: () => number): Img {
  const s = new Jimp({ width: w, height: h, color: 0x7d8288ff });
  const d = s.bitmap.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rand() - 0.5) * 50;
    d[i] = Math.max(0, Math.min(255, d[i]! + n));
    d[i + 1] = Math.max(0, Math.min(255, d[i + 1]! + n));
    d[i + 2] = Math.max(0, Math.min(255, d[i + 2]! + n));
  }
  return as(s);
}

function glare(img: Img, x0: number, width: number): Img {
  const d = img.bitmap.data;
  const w = img.bitmap.width;
  for (let i = 0; i < d.length; i += 4) {
    const x = (i / 4) % w;
    const k = Math.max(0, 1 - Math.abs(x - x0) / width);
    for (let c = 0; c < 3; c++) d[i + c] = Math.min(255, d[i + c]! + 150 * k);
  }
  return img;
}

/**
 * Bends the image: each output pixel (x, y) shows the source at `from(x, y)` (nearest pixel;
 * white outside). Used for posters on a rippled surface and wrapped round a pillar, where no
 * single perspective transform fits the code.
 */
function warp(img: Img, from: (x: number, y: number) => [number, number]): Img {
  const { width: w, height: h, data } = img.bitmap;
  const out = new Jimp({ width: w, height: h, color: 0xffffffff });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [sx, sy] = from(x, y).map(Math.round) as [number, number];
      if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
      data.copy(out.bitmap.data, (y * w + x) * 4, (sy * w + sx) * 4, (sy * w + sx) * 4 + 4);
    }
  }
  return as(out);
}

/** A bright specular spot (a phone light on laminated paper): saturated at the centre, fading out. */
function hotSpot(img: Img, cx: number, cy: number, r: number): Img {
  const { width: w, data: d } = img.bitmap;
  for (let i = 0; i < d.length; i += 4) {
    const x = (i / 4) % w, y = Math.floor(i / 4 / w);
    const k = Math.max(0, 1 - Math.hypot(x - cx, y - cy) / r) ** 0.7;
    for (let c = 0; c < 3; c++) d[i + c] = Math.min(255, d[i + c]! + 230 * k);
  }
  return img;
}

/** A soft-edged shadow (a hand or an awning) over the left part of the poster. */
function shadow(img: Img, edge: number, soft: number, depth: number): Img {
  const { width: w, data: d } = img.bitmap;
  for (let i = 0; i < d.length; i += 4) {
    const x = (i / 4) % w;
    const k = 1 - depth * Math.min(1, Math.max(0, (edge - x) / soft + 0.5));
    for (let c = 0; c < 3; c++) d[i + c] = d[i + c]! * k;
  }
  return img;
}

/**
 * The poster tilted away from the camera: the top edge is `top` of the bottom's width and rows
 * are foreshortened as a perspective view does (straight edges, denser towards the top).
 */
const tilted = (p: Img, top: number) => {
  const { width: w, height: h } = p.bitmap, c = w / 2;
  return warp(p, (x, y) => {
    const t = y / h, width = top + (1 - top) * t;
    // Inverse of the projection t = top·v / (1 − (1 − top)·v) of a source row v (0 top, 1 bottom).
    return [c + (x - c) / width, h * (t / (top + (1 - top) * t))];
  });
};

const rippled = (p: Img, amplitude: number, wave: number) =>
  warp(p, (x, y) => rippleSource(x, y, amplitude, wave));

/** A poster wrapped round a pillar of radius r (px), seen from in front: the sides are foreshortened. */
const onPillar = (p: Img, r: number) => {
  const c = p.bitmap.width / 2;
  return warp(p, (x, y) => [c + r * Math.asin(Math.max(-1, Math.min(1, (x - c) / r))), y]);
};

async function main(): Promise<void> {
  const domain = createVenueDomain({ publicUrl: 'https://quetma.example.vn', signingKey: 'poster-photo-set-signing-key-32chars!' });
  const dir = await mkdtemp(path.join(tmpdir(), 'quetma-poster-photos-'));
  const rand = rng(42);
  const manifest: { file: string; expected: string[]; set: string; category: string }[] = [];
  const variants: [string, (poster: Img) => Promise<Img> | Img, 'image/jpeg' | 'image/png', number?][] = [
    ['nominal', (p) => as(scene(2400, 1800, rand).composite(as(p.clone().resize({ w: 1000 })), 700, 200)), 'image/jpeg'],
    ['small-in-frame', (p) => as(scene(4000, 3000, rand).composite(as(p.clone().resize({ w: 520 })), 2600, 1900)), 'image/jpeg'],
    ['rotated', (p) => as(scene(2400, 2400, rand).composite(as(p.clone().resize({ w: 1100 }).rotate(23)), 500, 300)), 'image/jpeg'],
    ['dim', (p) => as(scene(2000, 1600, rand).composite(as(p.clone().resize({ w: 900 }).brightness(0.3)), 500, 100)), 'image/jpeg'],
    ['washed-out', (p) => as(scene(2000, 1600, rand).composite(as(p.clone().resize({ w: 900 }).contrast(-0.6)), 500, 100)), 'image/jpeg'],
    ['blurred', (p) => as(scene(2000, 1600, rand).composite(as(p.clone().resize({ w: 900 }).blur(4)), 500, 100)), 'image/jpeg'],
    ['glare', (p) => glare(as(scene(2000, 1600, rand).composite(as(p.clone().resize({ w: 900 })), 500, 100)), 950, 160), 'image/jpeg'],
    ['screenshot', (p) => as(p.clone().resize({ w: 720 })), 'image/png'],
    ['rippled', (p) => as(scene(2000, 1600, rand).composite(rippled(as(p.clone().resize({ w: 900 })), 9, 260), 500, 100)), 'image/jpeg'],
    ['on-pillar', (p) => as(scene(2000, 1600, rand).composite(onPillar(as(p.clone().resize({ w: 900 })), 470), 500, 100)), 'image/jpeg'],
    ['glare-spot', (p) => hotSpot(as(scene(2000, 1600, rand).composite(as(p.clone().resize({ w: 900 })), 500, 100)), 950, 700, 170), 'image/jpeg'],
    ['shadow', (p) => as(scene(2000, 1600, rand).composite(shadow(as(p.clone().resize({ w: 900 })), 470, 80, 0.75), 500, 100)), 'image/jpeg'],
    ['steep-angle', (p) => as(scene(2000, 1800, rand).composite(tilted(as(p.clone().resize({ w: 1000 })), 0.45), 500, 100)), 'image/jpeg'],
    ['blur-and-glare', (p) => glare(as(scene(2000, 1600, rand).composite(as(p.clone().resize({ w: 900 }).blur(3)), 500, 100)), 900, 120), 'image/jpeg'],
    ['low-quality-jpeg', (p) => as(scene(1600, 1200, rand).composite(as(p.clone().resize({ w: 700 })), 400, 100)), 'image/jpeg', 25],
  ];
  const posters: { poster: Img; url: string }[] = [];
  for (let n = 0; n < 4; n++) {
    const { token } = domain.issueToken();
    const url = `https://quetma.example.vn/c/${token}`;
    const poster = await Jimp.read(await domain.renderPosterPreviewPng({ venueName: `Cửa hàng số ${n + 1} chợ Thạch Trụ`, address: `Ki-ốt ${n + 10}, chợ Thạch Trụ`, communeName: 'Xã Phổ Thuận', url, manualCode: domain.newManualCode() }));
    posters.push({ poster, url });
    for (const [category, make, mime, quality] of variants) {
      const img = await make(poster);
      const file = `${category}-${n}.${mime === 'image/png' ? 'png' : 'jpg'}`;
      await writeFile(path.join(dir, file), mime === 'image/png' ? await img.getBuffer('image/png') : await img.getBuffer('image/jpeg', { quality: quality ?? 85 }));
      manifest.push({ file, expected: [url], set: 'quetma-posters', category });
    }
    // Next to a payment code: both are in the picture, ours must be among the texts.
    const pay = await Jimp.read(await QRCode.toBuffer('00020101021138570010A00000072701270006970422011312345678901230208QRIBFTTA53037045802VN6304ABCD', { width: 500 }));
    const both = as(scene(2400, 1600, rand).composite(as(poster.clone().resize({ w: 900 })), 150, 100).composite(pay, 1500, 500));
    const file = `with-payment-code-${n}.jpg`;
    await writeFile(path.join(dir, file), await both.getBuffer('image/jpeg', { quality: 85 }));
    manifest.push({ file, expected: [url, '00020101021138570010A00000072701270006970422011312345678901230208QRIBFTTA53037045802VN6304ABCD'], set: 'quetma-posters', category: 'with-payment-code' });
  }
  // A notice board: three of our posters (one under a glare band, one smaller and farther) and a
  // payment code, in a 12 MP frame. Every code must be found (the resident is asked which venue).
  const pay = await Jimp.read(await QRCode.toBuffer('00020101021138570010A00000072701270006970422011312345678901230208QRIBFTTA53037045802VN6304ABCD', { width: 420 }));
  for (let n = 0; n < 4; n++) {
    const [a, b, c] = [posters[n % 4]!, posters[(n + 1) % 4]!, posters[(n + 2) % 4]!];
    const board = scene(4000, 3000, rand)
      .composite(as(a.poster.clone().resize({ w: 900 })), 200, 300)
      .composite(glare(as(b.poster.clone().resize({ w: 900 })), 300 + 120 * n, 110), 1300, 250)
      .composite(as(c.poster.clone().resize({ w: 650 })), 2500, 700)
      .composite(pay, 3350, 1900 - 100 * n);
    const file = `notice-board-${n}.jpg`;
    await writeFile(path.join(dir, file), await as(board).getBuffer('image/jpeg', { quality: 85 }));
    manifest.push({ file, expected: [a.url, b.url, c.url, '00020101021138570010A00000072701270006970422011312345678901230208QRIBFTTA53037045802VN6304ABCD'], set: 'quetma-posters', category: 'notice-board' });
  }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  process.stdout.write(`${path.join(dir, 'manifest.json')}\n`);
}

runBench(main);
