/**
 * The image variants the decoder tries when reading the file directly finds nothing (or finds
 * fewer codes than the finder scan suggests). Each is kept because it decoded photos the earlier
 * steps missed, judged by category on the development sets (`npm run bench:qr`,
 * `npm run bench:qr:posters`). A variant knows how its pixels map back to the working copy, so a
 * code found in it can be matched against the symbol regions of the finder scan.
 */
import sharp from 'sharp';
import type { ReaderOptions } from 'zxing-wasm/reader';
import { adaptiveThreshold } from './adaptive-threshold.js';
import type { SymbolRegion } from './finder-scan.js';

/** RGBA pixels, as both decoders take them. */
export interface Pixels {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A variant's pixels and how they map to the working copy: work = offset + pixel / scale. */
export interface Frame extends Pixels {
  readonly scale: number;
  readonly ox: number;
  readonly oy: number;
}

export interface Variant {
  readonly name: string;
  frame(): Promise<Frame>;
  readonly zx?: ReaderOptions;
}

type Sharp = ReturnType<typeof sharp>;

const raw = (p: Pixels) => sharp(p.data, { raw: { width: p.width, height: p.height, channels: 4 } });

/** Runs a sharp pipeline on RGBA pixels and returns RGBA pixels. */
async function viaSharp(p: Pixels, f: (s: Sharp) => Sharp): Promise<Pixels> {
  const { data, info } = await f(raw(p)).raw().toBuffer({ resolveWithObject: true });
  return { data: rgba(data, info.channels), width: info.width, height: info.height };
}

/** RGBA from sharp's raw output, whose channel count follows the pipeline (greyscale gives 1). */
export function rgba(data: Uint8Array, channels: number): Uint8Array {
  if (channels === 4) return data;
  const n = data.length / channels, out = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) {
    const g = data[i * channels]!;
    out[4 * i] = g;
    out[4 * i + 1] = channels >= 3 ? data[i * channels + 1]! : g;
    out[4 * i + 2] = channels >= 3 ? data[i * channels + 2]! : g;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** A region of the working copy (crop), resized by `scale`. */
async function cut(work: Pixels, scale: number, box = { x: 0, y: 0, w: work.width, h: work.height }, f: (s: Sharp) => Sharp = (s) => s): Promise<Frame> {
  const w = Math.max(1, Math.round(box.w * scale)), h = Math.max(1, Math.round(box.h * scale));
  const p = await viaSharp(work, (s) => f(s.extract({ left: box.x, top: box.y, width: box.w, height: box.h }).resize(w, h, { fit: 'fill', kernel: scale > 1 ? 'cubic' : 'lanczos3' })));
  return { ...p, scale: p.width / box.w, ox: box.x, oy: box.y };
}

const fit = (work: Pixels, longSide: number) => Math.min(1, longSide / Math.max(work.width, work.height));

/**
 * Local contrast (CLAHE, tiles of about 1/8 of the image): a glare veil, a bright spot or a shadow
 * lifts or lowers the light over part of the code; equalising each tile's histogram separately
 * restores the dark/light difference there, with a slope limit so flat paper does not turn into noise.
 */
const clahe = (size: number) => (s: Sharp) => s.greyscale().clahe({ width: Math.max(8, Math.round(size / 8)), height: Math.max(8, Math.round(size / 8)), maxSlope: 4 });

/**
 * Unsharp masking (Gaussian sigma ~1.5 px at the working scale): a soft-focus or shaken photo
 * spreads each module's edge over a few pixels; subtracting the blur restores the edge contrast the
 * binariser needs, without inventing structure (a true deconvolution needs the blur kernel,
 * which a phone photo does not tell us).
 */
const sharpen = (s: Sharp) => s.sharpen({ sigma: 1.5, m1: 1.5, m2: 3 });

/** Whole-image variants, in the order tried. */
export function* wholeImage(work: Pixels): Generator<Variant> {
  const at = (name: string, long: number, f?: (s: Sharp) => Sharp, zx?: ReaderOptions): Variant => ({ name, frame: () => cut(work, fit(work, long), undefined, f), ...(zx ? { zx } : {}) });
  yield at('down-1200', 1200);
  yield at('down-800', 800);
  yield at('normalize', 1200, (s) => s.greyscale().normalise());
  yield at('global-hist', 1200, undefined, { binarizer: 'GlobalHistogram' });
  yield at('clahe', 1200, clahe(1200));
  yield {
    name: 'adaptive',
    frame: async () => {
      const p = await cut(work, fit(work, 1000));
      return { ...p, data: adaptiveThreshold(p.data, p.width, p.height, 15, 3) };
    },
    zx: { binarizer: 'BoolCast' },
  };
  yield at('sharpen', 1000, sharpen);
  if (Math.max(work.width, work.height) < 900) {
    yield { name: 'up-2x', frame: () => cut(work, 2) };
    yield { name: 'half', frame: () => cut(work, 0.5) };
  }
  const { width: w, height: h } = work;
  for (const [x, y] of [[0, 0], [0.4, 0], [0, 0.4], [0.4, 0.4], [0.2, 0.2]] as const) {
    const box = { x: Math.round(w * x), y: Math.round(h * y), w: Math.round(w * 0.6), h: Math.round(h * 0.6) };
    yield { name: `crop-${x}-${y}`, frame: () => cut(work, Math.min(1, 1200 / Math.max(box.w, box.h)), box) };
  }
  // Last, as it is rarely needed: a light blur melts halftone dots, moiré and JPEG speckle that break the finder patterns.
  yield at('smooth', 1000, (s) => s.blur(1), { binarizer: 'GlobalHistogram' });
}

/**
 * Variants of one symbol region found by the finder scan (finder-pattern triangulation), or of a
 * code read once that needs a second reading (`confirming`): the code cropped with a margin and
 * scaled to about 4 px per module, so a small or damaged code in a busy photo fills the decoder's
 * frame; when confirming, the crop at its own scale with two global binarisations; then with
 * local contrast, sharpened, and thresholded locally.
 */
export function* aroundRegion(work: Pixels, r: SymbolRegion, confirming = false): Generator<Variant> {
  const mx = (r.x1 - r.x0) * 0.12, my = (r.y1 - r.y0) * 0.12;
  const x = Math.max(0, Math.floor(r.x0 - mx)), y = Math.max(0, Math.floor(r.y0 - my));
  const box = { x, y, w: Math.min(work.width, Math.ceil(r.x1 + mx)) - x, h: Math.min(work.height, Math.ceil(r.y1 + my)) - y };
  if (box.w < 8 || box.h < 8) return;
  const scale = Math.min(3, 4 / r.module, 1000 / Math.max(box.w, box.h));
  yield { name: 'region', frame: () => cut(work, scale, box) };
  // When confirming a text read once: the crop not shrunk below the working copy, binarised at a
  // fixed mid-grey, then by ZXing's global histogram: strong perspective (modules far smaller on one side than on the other) does
  // not survive a shrink to 4 px per module, and a different binarisation of the same pixels makes
  // different module errors, so it can confirm (or fail to confirm) a text read once.
  const native = Math.min(3, Math.max(1, 4 / r.module), 1000 / Math.max(box.w, box.h));
  if (confirming) {
    yield { name: 'region-fixed', frame: () => cut(work, native, box), zx: { binarizer: 'FixedThreshold' } };
    yield { name: 'region-global', frame: () => cut(work, native, box), zx: { binarizer: 'GlobalHistogram' } };
  }
  yield { name: 'region-clahe', frame: () => cut(work, scale, box, clahe(Math.max(box.w, box.h) * scale)) };
  yield { name: 'region-sharpen', frame: () => cut(work, scale, box, sharpen) };
  yield {
    name: 'region-adaptive',
    frame: async () => {
      const p = await cut(work, scale, box);
      return { ...p, data: adaptiveThreshold(p.data, p.width, p.height, 15, 3) };
    },
    zx: { binarizer: 'BoolCast' },
  };
}
