import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jimp } from 'jimp';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { PhotoError } from '../checkin/resolver.js';
import { adaptiveThreshold } from './adaptive-threshold.js';
import { symbolEvidence } from './finder-scan.js';
import { renderModules, resampleSymbol, type Grey, type Quad } from './grid-resample.js';
import { probeImage } from './image-probe.js';

const require = createRequire(import.meta.url);
// zxing-wasm fetches its .wasm from a CDN by default; a server without internet must hand it the local file.
prepareZXingModule({ overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });
const jsQR = require('jsqr') as (d: Uint8ClampedArray, w: number, h: number, o?: { inversionAttempts?: string }) => { data: string } | null;

export interface DecodeLimits {
  readonly maxBytes: number;
  readonly maxPixels: number;
  /** Stop trying more variants after this moment (ms since epoch); the pool also enforces a hard timeout. */
  readonly deadline?: number;
}

export const DEFAULT_LIMITS: DecodeLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };

interface Pixels {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

// Plain text mode: the code's exact text (the default mode rewrites control characters as "<SOH>" tags).
const ZX: ReaderOptions = { formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: true, textMode: 'Plain', maxNumberOfSymbols: 8 };

async function zxing(input: Uint8Array | Pixels, extra: ReaderOptions = {}): Promise<string[]> {
  return readable(await readBarcodes(input as Uint8Array, { ...ZX, ...extra }));
}

const readable = (results: Awaited<ReturnType<typeof readBarcodes>>) => results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);

/** A symbol ZXing found but could not read (its error correction gave up), with where it lies. */
interface Located {
  readonly version: number;
  readonly quad: Quad;
}

/** ZXing's texts, and the QR symbols it located but could not read (for the grid re-fit). */
async function zxingLocating(input: Uint8Array | Pixels, extra: ReaderOptions = {}): Promise<{ texts: string[]; located: Located[] }> {
  const results = await readBarcodes(input as Uint8Array, { ...ZX, returnErrors: true, ...extra });
  const texts = readable(results);
  // Model 2 QR codes only ("1".."40"); Micro QR ("M3") and rMQR ("R7x59") have other layouts.
  const located = results.filter((r) => !r.isValid && /^\d+$/.test(r.version)).map((r) => ({ version: Number(r.version), quad: r.position }));
  return { texts, located };
}

/** At most this many located-but-unread symbols are re-fitted per photo (each costs about 0.1 s for version 4, 0.2 s for version 12). */
const MAX_REFITS = 3;
/** Larger symbols are left alone: the re-fit's cost grows with the module count. */
const MAX_REFIT_VERSION = 12;

const grey = (p: Pixels): Grey => {
  const data = new Uint8Array(p.width * p.height);
  for (let i = 0; i < data.length; i++) data[i] = (77 * p.data[4 * i]! + 150 * p.data[4 * i + 1]! + 29 * p.data[4 * i + 2]!) >> 8;
  return { data, width: p.width, height: p.height };
};

/**
 * Re-reads located symbols on a locally fitted module grid (curved paper, fabric, crumpled
 * flyers) and hands the clean matrix back to ZXing, whose error correction decides.
 */
async function refit(p: Pixels, located: readonly Located[], deadline: number | undefined): Promise<string[]> {
  const img = grey(p);
  const found: string[] = [];
  for (const { version, quad } of located) {
    const bits = resampleSymbol(img, quad, version, deadline);
    if (!bits) break;
    const clean = renderModules(bits, 17 + 4 * version);
    const rgba = new Uint8ClampedArray(clean.data.length * 4);
    for (let i = 0; i < clean.data.length; i++) rgba.fill(clean.data[i]!, 4 * i, 4 * i + 3), (rgba[4 * i + 3] = 255);
    found.push(...(await zxing({ data: rgba, width: clean.width, height: clean.height }, { isPure: true, tryRotate: false, tryInvert: false })));
  }
  return found;
}

/**
 * jsQR as the second opinion. Its time grows fast with image size and noise (about 1 s for a noisy
 * 1200 px frame, 2 s trying inverted too), so it only sees frames of at most 800 px and only
 * normal polarity (zxing already tries inverted codes).
 */
function jsqr(p: Pixels): string[] {
  if (Math.max(p.width, p.height) > 800) return [];
  // jsQR answers "" when it found a code it could not turn into text: that is no result.
  const text = jsQR(new Uint8ClampedArray(p.data.buffer, p.data.byteOffset, p.data.byteLength), p.width, p.height, { inversionAttempts: 'dontInvert' })?.data;
  return text ? [text] : [];
}

// Jimp's method chains widen the instance type; every variant below is still a plain Jimp image.
type Img = Awaited<ReturnType<typeof Jimp.read>>;
const same = (x: unknown) => x as Img;
const pixels = (img: Img): Pixels => ({ data: img.bitmap.data, width: img.bitmap.width, height: img.bitmap.height });
const scaledTo = (img: Img, longSide: number): Img => {
  const long = Math.max(img.bitmap.width, img.bitmap.height);
  return same(long > longSide ? img.clone().scale(longSide / long) : img.clone());
};

/**
 * Variants tried in order when reading the file directly finds nothing; each was kept because it
 * decoded photos the earlier steps missed on the development set (see `npm run bench:qr`):
 * downscaled (large phone photos confuse the binariser), contrast-stretched (dim or washed-out
 * photos), a global-histogram binariser (glare gradients), rescaled small images (tiny or blocky codes) and overlapping crops (a small code in a
 * busy frame); a small-window adaptive threshold (uneven light, soft focus); a light blur (halftone
 * print, moiré, JPEG speckle).
 */
function* variants(img: Img): Generator<{ name: string; pixels: () => Pixels; zx?: ReaderOptions }> {
  yield { name: 'down-1200', pixels: () => pixels(scaledTo(img, 1200)) };
  yield { name: 'down-800', pixels: () => pixels(scaledTo(img, 800)) };
  yield { name: 'normalize', pixels: () => pixels(same(scaledTo(img, 1200).greyscale().normalize())) };
  yield { name: 'global-hist', pixels: () => pixels(scaledTo(img, 1200)), zx: { binarizer: 'GlobalHistogram' } };
  yield {
    name: 'adaptive',
    pixels: () => {
      const p = pixels(scaledTo(img, 1000));
      return { ...p, data: adaptiveThreshold(p.data, p.width, p.height, 15, 3) };
    },
    zx: { binarizer: 'BoolCast' },
  };
  const { width: w, height: h } = img.bitmap;
  if (Math.max(w, h) < 900) {
    yield { name: 'up-2x', pixels: () => pixels(same(img.clone().scale(2))) };
    yield { name: 'half', pixels: () => pixels(same(img.clone().scale(0.5))) };
  }
  for (const [x, y] of [[0, 0], [0.4, 0], [0, 0.4], [0.4, 0.4], [0.2, 0.2]] as const) {
    yield { name: `crop-${x}-${y}`, pixels: () => pixels(scaledTo(same(img.clone().crop({ x: Math.round(w * x), y: Math.round(h * y), w: Math.round(w * 0.6), h: Math.round(h * 0.6) })), 1200)) };
  }
  // Last, as it is rarely needed: a light blur melts halftone dots, moiré and JPEG speckle that break the finder patterns.
  yield { name: 'smooth', pixels: () => pixels(same(scaledTo(img, 1000).blur(1))), zx: { binarizer: 'GlobalHistogram' } };
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

/**
 * The image decoded once and downscaled to at most 2000 px, as a Jimp image for the variants.
 * libvips (sharp) does the decode and resize: about 150 ms for a 12 MP JPEG where jimp's pure
 * JavaScript took 3.5 s, which left a hard photo almost no time for variants before the deadline.
 * EXIF orientation is applied; a truncated JPEG is still read (libvips only warns), a broken file is
 * "not an image".
 */
async function workingCopy(bytes: Uint8Array, format: string, maxPixels: number): Promise<Img> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return new Jimp({ data, width: info.width, height: info.height }) as Img;
  } catch (err) {
    throw new PhotoError('not-an-image', `cannot decode ${format}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Every QR text in the image (a check-in then picks ours among them). Throws PhotoError for files
 * that are not images, too big, or claim too many pixels. Only texts the decoders produced are ever
 * returned: nothing is guessed.
 */
export async function decodeQrTexts(bytes: Uint8Array, limits: DecodeLimits = DEFAULT_LIMITS, stats?: { step?: string }): Promise<string[]> {
  if (bytes.byteLength > limits.maxBytes) throw new PhotoError('too-large', `file of ${bytes.byteLength} bytes`);
  const info = probeImage(bytes);
  if (info.width * info.height > limits.maxPixels) throw new PhotoError('too-large', `${info.width}x${info.height} pixels`);
  if (info.width === 0 || info.height === 0) throw new PhotoError('not-an-image', 'empty image');
  const direct = async (step: string, extra: ReaderOptions): Promise<string[] | undefined> => {
    if (info.format === 'webp') return undefined;
    const found = await zxing(bytes, extra).catch(() => []);
    if (found.length === 0) return undefined;
    if (stats) stats.step = step;
    return unique(found);
  };
  // Upright, dark-on-light codes first (most photos): about 40 % faster on a 12 MP photo than
  // also trying rotated and inverted readings, which the second pass adds.
  const fast = await direct('direct-fast', { tryRotate: false, tryInvert: false });
  if (fast) return fast;
  const work = await workingCopy(bytes, info.format, limits.maxPixels);
  if (!symbolEvidence(grey(pixels(work)))) {
    // No three finder-like patterns at any scale: no code a decoder could read, so the resident
    // hears "no code" now instead of after every fallback. One ZXing pass with its global
    // binariser stays, as it sees strongly blurred finders that the local threshold breaks up.
    const p = pixels(scaledTo(work, 1200));
    const found = unique(await zxing(p, { binarizer: 'GlobalHistogram' }));
    if (stats) stats.step = found.length > 0 ? 'no-finders+global-hist' : 'no-finders';
    return found;
  }
  const slow = await direct('direct', {});
  if (slow) return slow;
  let refits = MAX_REFITS;
  for (const v of variants(work)) {
    if (limits.deadline && Date.now() > limits.deadline) break;
    const p = v.pixels();
    const { texts, located } = await zxingLocating(p, v.zx);
    let found = unique([...texts, ...jsqr(p)]);
    let step = v.name;
    const refitable = located.filter((l) => l.version <= MAX_REFIT_VERSION).slice(0, refits);
    if (found.length === 0 && refitable.length > 0) {
      refits -= refitable.length;
      found = unique(await refit(p, refitable, limits.deadline));
      step = `${v.name}+refit`;
    }
    if (found.length > 0) {
      if (stats) stats.step = step;
      return found;
    }
  }
  return [];
}
