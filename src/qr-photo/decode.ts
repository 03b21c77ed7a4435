import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { PhotoError } from '../checkin/resolver.js';
import { symbolRegions } from './finder-scan.js';
import { renderModules, resampleSymbol, type Grey, type Quad } from './grid-resample.js';
import { probeImage } from './image-probe.js';
import { Readings, type Box, type Reading } from './readings.js';
import { aroundRegion, wholeImage, type Frame, type Pixels, type Variant } from './variants.js';
import { workingCopy, type Point } from './working-copy.js';

const require = createRequire(import.meta.url);
// zxing-wasm fetches its .wasm from a CDN by default; a server without internet must hand it the local file.
prepareZXingModule({ overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });
type JsQrPoint = { x: number; y: number };
const jsQR = require('jsqr') as (
  d: Uint8ClampedArray, w: number, h: number, o?: { inversionAttempts?: string },
) => { data: string; binaryData: number[]; version: number; location: { topLeftCorner: JsQrPoint; topRightCorner: JsQrPoint; bottomRightCorner: JsQrPoint; bottomLeftCorner: JsQrPoint } } | null;

export interface DecodeLimits {
  readonly maxBytes: number;
  readonly maxPixels: number;
  /** Stop trying more variants after this moment (ms since epoch); the pool also enforces a hard timeout. */
  readonly deadline?: number;
  /**
   * The start of our own code links (`<public URL>/c/`): a text starting so is returned from one
   * reading, as the resolver checks its signature; any other text needs two agreeing readings.
   */
  readonly ownCodePrefix?: string;
}

export const DEFAULT_LIMITS: DecodeLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };

// Plain text mode: the code's exact text (the default mode rewrites control characters as "<SOH>" tags).
const ZX: ReaderOptions = { formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: true, textMode: 'Plain', maxNumberOfSymbols: 32 };

async function zxing(input: Uint8Array | Pixels, extra: ReaderOptions = {}): Promise<string[]> {
  return readable(await readBarcodes(input as Uint8Array, { ...ZX, ...extra })).map((r) => r.text);
}

type Result = Awaited<ReturnType<typeof readBarcodes>>[number];
const readable = (results: Result[]) => results.filter((r) => r.isValid && r.text !== '');

/** A symbol ZXing found but could not read (its error correction gave up), with where it lies. */
interface Located {
  readonly version: number;
  readonly quad: Quad;
}

/** ZXing's texts, and the QR symbols it located but could not read (for the grid re-fit). */
async function zxingLocating(input: Uint8Array | Pixels, extra: ReaderOptions = {}): Promise<{ texts: Result[]; located: Located[] }> {
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
async function refit(p: Pixels, located: readonly Located[], deadline: number | undefined): Promise<{ text: string; quad: Quad }[]> {
  const img = grey(p);
  const found: { text: string; quad: Quad }[] = [];
  for (const { version, quad } of located) {
    const bits = resampleSymbol(img, quad, version, deadline);
    if (!bits) break;
    const clean = renderModules(bits, 17 + 4 * version);
    const rgba = new Uint8ClampedArray(clean.data.length * 4);
    for (let i = 0; i < clean.data.length; i++) rgba.fill(clean.data[i]!, 4 * i, 4 * i + 3), (rgba[4 * i + 3] = 255);
    for (const text of await zxing({ data: rgba, width: clean.width, height: clean.height }, { isPure: true, tryRotate: false, tryInvert: false })) found.push({ text, quad });
  }
  return found;
}

const sameBytes = (a: Uint8Array, b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * jsQR as the second opinion. Its time grows fast with image size and noise (about 1 s for a noisy
 * 1200 px frame, 2 s trying inverted too), so it only sees frames of at most 800 px and only
 * normal polarity (zxing already tries inverted codes).
 */
function jsqr(p: Pixels): { text: string; quad: Quad; version: number }[] {
  if (Math.max(p.width, p.height) > 800) return [];
  const r = jsQR(new Uint8ClampedArray(p.data.buffer, p.data.byteOffset, p.data.byteLength), p.width, p.height, { inversionAttempts: 'dontInvert' });
  // jsQR answers "" when it found a code it could not turn into text: that is no result. It also
  // cuts text short where it cannot render the bytes (Shift-JIS, Kanji mode): a text that is not
  // exactly its data bytes as UTF-8 lost part of the code, and is no result either.
  if (!r?.data || !sameBytes(new TextEncoder().encode(r.data), r.binaryData)) return [];
  const l = r.location;
  return [{ text: r.data, version: r.version, quad: { topLeft: l.topLeftCorner, topRight: l.topRightCorner, bottomRight: l.bottomRightCorner, bottomLeft: l.bottomLeftCorner } }];
}

const boxOf = (q: Quad, map: (p: Point) => Point): Box => {
  const ps = [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft].map(map);
  const xs = ps.map((p) => p.x), ys = ps.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
};
/** At most this many symbol regions are cropped and re-read per photo. */
const MAX_REGIONS = 6;

/** At most this many texts read once are looked at again per photo (a wall of strangers' codes). */
const MAX_CONFIRMS = 8;

/** Module size from a symbol's box and version (ZXing and jsQR both say the version). */
const moduleOf = (b: Box, version: number) => (Number.isFinite(version) && version > 0 ? Math.max(b.x1 - b.x0, b.y1 - b.y0) / (17 + 4 * version) : undefined);

/**
 * Every QR text in the image (a check-in then picks ours among them, and asks which venue when
 * several are ours). Throws PhotoError for files that are not images, too big, or claim too many
 * pixels. Only texts the decoders produced are ever returned, and only those two independent
 * readings agree on (see `Readings`): a text read once is looked at again around where it lies,
 * and withheld when no second reading confirms it.
 *
 * Order: the file read directly; then the finder scan, which says where symbols may lie. No
 * symbol anywhere: "no code" at once. Otherwise the steps go on while some symbol region holds
 * no code found yet (a notice board with several posters), within the deadline: the file read
 * again trying rotated and inverted codes, whole-image variants while nothing is found, and
 * crops around each region still unaccounted for.
 */
export async function decodeQrTexts(bytes: Uint8Array, limits: DecodeLimits = DEFAULT_LIMITS, stats?: { step?: string; withheld?: string[] }): Promise<string[]> {
  if (bytes.byteLength > limits.maxBytes) throw new PhotoError('too-large', `file of ${bytes.byteLength} bytes`);
  const info = probeImage(bytes);
  if (info.width * info.height > limits.maxPixels) throw new PhotoError('too-large', `${info.width}x${info.height} pixels`);
  if (info.width === 0 || info.height === 0) throw new PhotoError('not-an-image', 'empty image');
  const late = () => limits.deadline !== undefined && Date.now() > limits.deadline;
  const own = limits.ownCodePrefix?.toLowerCase();
  const readings = new Readings((text) => own !== undefined && text.toLowerCase().startsWith(own));
  const steps: string[] = [];
  const add = (step: string, results: readonly Reading[]) => {
    if (results.length === 0) return;
    readings.add(results);
    steps.push(step);
  };
  // Upright, dark-on-light codes first (most photos): about 40 % faster on a 12 MP photo than
  // also trying rotated and inverted readings, which a later pass adds.
  const direct = async (extra: ReaderOptions) => (info.format === 'webp' ? [] : readable(await readBarcodes(bytes, { ...ZX, ...extra }).catch(() => [])));
  // libvips decodes the working copy on its own threads while ZXing reads the file on this one:
  // on a 12 MP photo the two decodes are most of the cost, and they overlap instead of adding up.
  const [fast, work] = await Promise.all([direct({ tryRotate: false, tryInvert: false }), workingCopy(bytes, info.format, limits.maxPixels)]);
  // The two readings of the file are one source: the same pixels, the same decoder.
  const fromFile = (rs: Result[]): Reading[] =>
    rs.map((r) => {
      const box = boxOf(r.position, work.fromFile);
      const module = moduleOf(box, Number(r.version));
      return { text: r.text, source: 'file', box, ...(module ? { module } : {}) };
    });
  add('direct-fast', fromFile(fast));

  let refits = MAX_REFITS;
  /** Symbols ZXing located in the last variant read, readable or not. */
  let lastLocated = 0;
  /** Reads one variant; true when it found something. */
  const attempt = async (v: Variant): Promise<boolean> => {
    const p: Frame = await v.frame();
    const { texts, located } = await zxingLocating(p, v.zx);
    lastLocated = texts.length + located.length;
    const toWork = (q: Point): Point => ({ x: p.ox + q.x / p.scale, y: p.oy + q.y / p.scale });
    const reading = (text: string, source: string, quad: Quad, version: number): Reading => {
      const box = boxOf(quad, toWork);
      const module = moduleOf(box, version);
      return { text, source, box, ...(module ? { module } : {}) };
    };
    const results: Reading[] = texts.map((r) => reading(r.text, v.name, r.position, Number(r.version)));
    for (const r of jsqr(p)) results.push(reading(r.text, `jsqr:${v.name}`, r.quad, r.version));
    let step = v.name;
    const refitable = located.filter((l) => l.version <= MAX_REFIT_VERSION).slice(0, refits);
    if (results.length === 0 && refitable.length > 0) {
      refits -= refitable.length;
      for (const { text, quad } of await refit(p, refitable, limits.deadline)) results.push({ text, source: `refit:${v.name}`, box: boxOf(quad, toWork) });
      step = `${v.name}+refit`;
    }
    add(step, results);
    return results.length > 0;
  };
  /**
   * Looks again at each text read once, around where it lies (the region variants), until a
   * second source agrees; a text never confirmed is withheld.
   */
  const lookedAgain = new Set<string>();
  const confirm = async () => {
    for (const { text, region } of readings.pending()) {
      if (lookedAgain.has(text) || lookedAgain.size >= MAX_CONFIRMS) continue;
      lookedAgain.add(text);
      for (const v of aroundRegion(work.pixels, region, true)) {
        if (late() || readings.confirmed(text)) break;
        await attempt(v);
      }
    }
  };
  const done = async () => {
    await confirm();
    if (stats) (stats.step = steps.join(',')), (stats.withheld = readings.withheld());
    return readings.texts();
  };

  const regions = symbolRegions(grey(work.pixels));
  if (regions.length === 0) {
    if (readings.any) return done();
    // No three finder-like patterns at any scale: no code a decoder could read, so the resident
    // hears "no code" now instead of after every fallback. One ZXing pass with its global
    // binariser stays, as it sees strongly blurred finders that the local threshold breaks up.
    const whole = wholeImage(work.pixels).next().value!;
    await attempt({ name: 'no-finders+global-hist', frame: whole.frame, zx: { binarizer: 'GlobalHistogram' } });
    if (!readings.any) steps.push('no-finders');
    return done();
  }
  const open = () => regions.filter((r) => !readings.covered(r));
  // Texts read once are confirmed before deciding that every region is accounted for.
  if (readings.any) await confirm();
  if (readings.texts().length > 0 && open().length === 0) return done();

  // The whole file again, rotated and inverted too, only while nothing is found: on a 12 MP photo
  // it costs more than cropping the few regions still open.
  if (!readings.any) {
    add('direct', fromFile(await direct({})));
    if (readings.any) await confirm();
  }
  if (readings.texts().length > 0 && open().length === 0) return done();

  if (readings.texts().length === 0) {
    for (const v of wholeImage(work.pixels)) {
      if (late()) break;
      if ((await attempt(v)) && (await confirm(), readings.texts().length > 0)) break;
    }
  }
  // Finder-pattern triangulation: crop around each symbol region no code accounts for yet. Once a
  // code is read, looking for more is a search for a second poster: a region where ZXing locates
  // no symbol at all in the plain crop is finder-like texture (a wall, a shadow's edge, print),
  // and its processed variants (about 0.3 s each) are skipped.
  for (const r of open().slice(0, MAX_REGIONS)) {
    for (const v of aroundRegion(work.pixels, r)) {
      if (late()) return done();
      await attempt(v);
      if (readings.covered(r)) break;
      if (v.name === 'region' && lastLocated === 0 && readings.texts().length > 0) break;
    }
  }
  return done();
}
