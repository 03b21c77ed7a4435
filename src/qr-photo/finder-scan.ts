/**
 * Cheap evidence that a photo may hold a QR code: candidates for the finder pattern (the three
 * nested squares in a symbol's corners, whose cross-section is dark-light-dark-light-dark in the
 * ratio 1:1:3:1:1 along any line through the centre). A photo whose rows show no such pattern,
 * confirmed down the column through its centre, at any of a few scales and in either polarity,
 * holds no code a decoder could read, so the expensive fallback steps can be skipped and the
 * resident hears "no code found" at once.
 *
 * The scan is deliberately permissive (wide ratio tolerances, a local threshold, several
 * scales): a false candidate only costs the fallback steps, a missed one would cost a code.
 */

import type { Grey } from './grid-resample.js';

/** A finder-pattern candidate: centre and module size, in the coordinates of the scanned image. */
export interface FinderCandidate {
  readonly x: number;
  readonly y: number;
  readonly module: number;
  /** Scan rows it was seen on: a real finder's 3-module core crosses several. */
  readonly rows: number;
}

/** Halves an image (2×2 box average). */
export function halve(img: Grey): Grey {
  const width = img.width >> 1, height = img.height >> 1, src = img.data, w = img.width;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const r0 = 2 * y * w, r1 = r0 + w;
    for (let x = 0; x < width; x++) data[y * width + x] = (src[r0 + 2 * x]! + src[r0 + 2 * x + 1]! + src[r1 + 2 * x]! + src[r1 + 2 * x + 1]! + 2) >> 2;
  }
  return { data, width, height };
}

/**
 * Black/white by a local mean over a (2r+1)² window (integral image), with a small margin so
 * flat areas (sky, walls) come out as noise-free white rather than speckle.
 */
function binarise(img: Grey, r: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const stride = w + 1;
  const integral = new Uint32Array(stride * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]!;
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1]! + row;
    }
  }
  // The window's columns per x, computed once: this loop visits every pixel of a 12 MP photo's
  // working copy, where clamping per pixel was a third of the finder scan's time.
  const lo = new Int32Array(w), hi = new Int32Array(w);
  for (let x = 0; x < w; x++) (lo[x] = Math.max(0, x - r)), (hi[x] = Math.min(w, x + r + 1));
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
    const top = y0 * stride, bottom = y1 * stride, rows = y1 - y0, at = y * w;
    for (let x = 0; x < w; x++) {
      const x0 = lo[x]!, x1 = hi[x]!;
      const area = (x1 - x0) * rows;
      const sum = integral[bottom + x1]! - integral[top + x1]! - integral[bottom + x0]! + integral[top + x0]!;
      out[at + x] = data[at + x]! * area < sum - 4 * area ? 1 : 0;
    }
  }
  return out;
}

/**
 * Finders narrower than this many pixels are ignored: a module under 1.3 px is below what a
 * decoder can sample, and sensor noise makes 1:1:3:1:1 runs of single pixels.
 */
const MIN_TOTAL = 9;

/** Whether five run lengths look like 1:1:3:1:1 (tolerant: blur, perspective and print spread). */
function ratioOk(r: readonly number[], minTotal = MIN_TOTAL): boolean {
  const total = r[0]! + r[1]! + r[2]! + r[3]! + r[4]!;
  if (total < minTotal) return false;
  const m = total / 7, tol = m * 0.6;
  return Math.abs(r[0]! - m) < tol && Math.abs(r[1]! - m) < tol && Math.abs(r[3]! - m) < tol && Math.abs(r[4]! - m) < tol && r[2]! > 1.8 * m && r[2]! < 4.6 * m;
}

/**
 * The cross-section through (x0, y0) along (dx, dy) in the binarised image: the total length of
 * five runs centred on the dark run that contains the point, or undefined when that line does
 * not look like a finder there.
 */
function crossCheck(bits: Uint8Array, w: number, h: number, x0: number, y0: number, dx: number, dy: number, dark: number, maxRun: number): number | undefined {
  const at = (k: number) => {
    const x = x0 + k * dx, y = y0 + k * dy;
    return x >= 0 && y >= 0 && x < w && y < h ? bits[y * w + x] === dark : undefined;
  };
  if (!at(0)) return undefined;
  const runs = [0, 0, 0, 0, 0];
  for (const sign of [-1, 1]) {
    let k = sign === -1 ? 0 : 1;
    while (at(k * sign) === true) (runs[2]! += 1), k++;
    for (const [slot, want] of (sign === -1 ? [[1, false], [0, true]] : [[3, false], [4, true]]) as [number, boolean][]) {
      while (at(k * sign) === want && runs[slot]! <= maxRun) (runs[slot]! += 1), k++;
      if (runs[slot] === 0 || runs[slot]! > maxRun) return undefined;
    }
  }
  // A diagonal step is √2 pixels long.
  return ratioOk(runs, dx !== 0 && dy !== 0 ? MIN_TOTAL / Math.SQRT2 : MIN_TOTAL) ? runs.reduce((a, b) => a + b, 0) : undefined;
}

/** A candidate while scanning, with the number of rows it was seen on. */
type Seen = { -readonly [K in keyof FinderCandidate]: FinderCandidate[K] };

/** Finder candidates of one polarity in a binarised image; duplicates along a column are merged. */
function scanBits(bits: Uint8Array, w: number, h: number, dark: number, out: Seen[], limit: number, rowStep = 1): void {
  const runs = [0, 0, 0, 0, 0];
  for (let y = 0; y < h && out.length < limit; y += rowStep) {
    // The last five runs, oldest first, kept in locals (this loop visits every pixel).
    let r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0;
    let n = 0, colour = -1, len = 0;
    const row = y * w;
    for (let x = 0; x <= w; x++) {
      const v = x < w ? (bits[row + x] === dark ? 1 : 0) : -1;
      if (v === colour) {
        len++;
        continue;
      }
      if (colour !== -1) {
        (r0 = r1), (r1 = r2), (r2 = r3), (r3 = r4), (r4 = len), n++;
        runs[0] = r0, (runs[1] = r1), (runs[2] = r2), (runs[3] = r3), (runs[4] = r4);
        // The last run closed is dark and five runs are known: B W B W B ends here.
        if (colour === 1 && n >= 5 && r0 + r1 + r2 + r3 + r4 >= MIN_TOTAL && ratioOk(runs)) {
          const total = runs.reduce((a, b) => a + b, 0);
          const cx = Math.round(x - runs[4]! - runs[3]! - runs[2]! / 2);
          const vert = crossCheck(bits, w, h, cx, y, 0, 1, dark, Math.ceil(total));
          // A finder seen through perspective is still a finder along both diagonals.
          const diag = vert !== undefined && vert < 3 * total && total < 3 * vert ? crossCheck(bits, w, h, cx, y, 1, 1, dark, Math.ceil(total)) : undefined;
          const anti = diag !== undefined ? crossCheck(bits, w, h, cx, y, 1, -1, dark, Math.ceil(total)) : undefined;
          if (vert !== undefined && diag !== undefined && anti !== undefined) {
            const module = (total + vert) / 14;
            const same = out.find((c) => Math.abs(c.x - cx) <= module * 2 && Math.abs(c.y - y) <= module * 4);
            if (same) same.rows++;
            else out.push({ x: cx, y, module, rows: 1 });
          }
        }
      }
      colour = v, len = 1;
    }
  }
}

/** Finder candidates in both polarities (light-on-dark codes too) at one scale. */
export function finderCandidates(img: Grey, limit = 64, rowStep = 1): FinderCandidate[] {
  // A small window keeps the finders of small codes (modules of 2 to 3 px) intact; larger finders
  // are found at the coarser scales of the pyramid.
  const bits = binarise(img, Math.max(8, Math.round(Math.max(img.width, img.height) / 80)));
  const seen: Seen[] = [];
  scanBits(bits, img.width, img.height, 1, seen, 4 * limit, rowStep);
  if (seen.length < 4 * limit) scanBits(bits, img.width, img.height, 0, seen, 4 * limit, rowStep);
  return seen.slice(0, limit);
}

/**
 * Whether the image shows three finder candidates laid out like one symbol, at any scale of a
 * pyramid from the image down to about 50 px (each halving brings larger finders within the
 * binariser's window). Stops at the first scale that shows one. In a large working copy (a
 * downscaled phone photo) finders with modules under 1.8 px are not counted: the full-size photo
 * was already read directly at twice that size or more, and JPEG-compressed sensor noise at this
 * size draws many such tiny patterns.
 */
export function symbolEvidence(img: Grey): boolean {
  const minModule = Math.max(img.width, img.height) > 1000 ? 1.8 : 0;
  for (let s = img; Math.min(s.width, s.height) >= 48; s = halve(s)) if (hasSymbolLayout(finderCandidates(s), minModule)) return true;
  return false;
}

/**
 * Whether three candidates could be one symbol's finders: module sizes within a factor of two,
 * two sides of similar length meeting at roughly a right angle (perspective bends both), and a
 * side between 10 and 200 modules (versions 1 to 40 have their finders 14 to 170 modules apart).
 */
export function formsSymbol(a: FinderCandidate, b: FinderCandidate, c: FinderCandidate, minModule = 0): boolean {
  const mods = [a.module, b.module, c.module];
  if (Math.max(...mods) > 2 * Math.min(...mods) || Math.min(...mods) < minModule) return false;
  const d = [Math.hypot(a.x - b.x, a.y - b.y), Math.hypot(b.x - c.x, b.y - c.y), Math.hypot(a.x - c.x, a.y - c.y)].sort((p, q) => p - q);
  const module = (a.module + b.module + c.module) / 3;
  if (d[0]! / module < 10 || d[1]! / module > 200 || d[0]! < 0.5 * d[1]!) return false;
  const right = Math.hypot(d[0]!, d[1]!);
  return d[2]! > 0.8 * right && d[2]! < 1.25 * right;
}

/**
 * Whether any three of the candidates could be one symbol's finders, one of them at least seen
 * on two scan rows (a chance 1:1:3:1:1 in noise or texture rarely repeats on the next row, a
 * finder's 3-module core crosses several; asking it of all three loses small blurred codes).
 */
export function hasSymbolLayout(cands: readonly FinderCandidate[], minModule = 0): boolean {
  const n = Math.min(cands.length, 64);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        const [a, b, c] = [cands[i]!, cands[j]!, cands[k]!];
        if ((a.rows >= 2 || b.rows >= 2 || c.rows >= 2) && formsSymbol(a, b, c, minModule)) return true;
      }
    }
  }
  return false;
}

/** Where a symbol may lie: the bounding box of three finders laid out as one, in image pixels. */
export interface SymbolRegion {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Module size in pixels, from the finders. */
  readonly module: number;
  /**
   * The three finder centres, in image pixels: when each lies in a code already read, the region
   * is those codes' finders lined up by chance (posters side by side), not another code.
   */
  readonly finders?: readonly { readonly x: number; readonly y: number }[];
}

const area = (r: SymbolRegion) => (r.x1 - r.x0) * (r.y1 - r.y0);
/** Intersection over union of two boxes. */
const iou = (a: SymbolRegion, b: SymbolRegion) => {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? (w * h) / (area(a) + area(b) - w * h) : 0;
};

/**
 * Every place where three finder candidates are laid out like one symbol, at every scale of the
 * pyramid (unlike `symbolEvidence`, which stops at the first): the decoder uses them to look for
 * each code of a photo holding several (a notice board), and to crop around a code it located
 * but could not read. The box is the finders' triangle completed to a square and widened by the
 * five modules between a finder's centre and the quiet zone's outer edge. Best supported first
 * (finders crossed by the most scan rows); a box that mostly overlaps one already listed (the same
 * code seen at another scale) is dropped. At most `limit` regions.
 */
export function symbolRegions(img: Grey, limit = 12): SymbolRegion[] {
  // The same rule at every scale as `symbolEvidence`, so a photo without regions is one without evidence.
  const minModule = Math.max(img.width, img.height) > 1000 ? 1.8 : 0;
  const found: (SymbolRegion & { support: number })[] = [];
  let factor = 1;
  for (let s = img; Math.min(s.width, s.height) >= 48; s = halve(s), factor *= 2) {
    // In a large image, every other row: a finder's 3-module core still crosses two of them
    // (modules of at least 1.8 px), and the scan of the full-size level is most of the cost.
    const cands = finderCandidates(s, 64, factor === 1 && minModule > 0 ? 2 : 1);
    const n = cands.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        for (let k = j + 1; k < n; k++) {
          const [a, b, c] = [cands[i]!, cands[j]!, cands[k]!];
          if (!(a.rows >= 2 || b.rows >= 2 || c.rows >= 2) || !formsSymbol(a, b, c, minModule)) continue;
          const module = ((a.module + b.module + c.module) / 3) * factor;
          const xs = [a.x, b.x, c.x], ys = [a.y, b.y, c.y];
          // The fourth corner completes the parallelogram opposite the finder at the right angle.
          const corner = [[a, b, c], [b, a, c], [c, a, b]].map(([p, q, r]) => ({ p: p!, far: { x: q!.x + r!.x - p!.x, y: q!.y + r!.y - p!.y }, d: Math.hypot(q!.x - r!.x, q!.y - r!.y) })).sort((u, v) => v.d - u.d)[0]!;
          xs.push(corner.far.x), ys.push(corner.far.y);
          const pad = 5 * module;
          found.push({
            x0: Math.max(0, Math.min(...xs) * factor - pad),
            y0: Math.max(0, Math.min(...ys) * factor - pad),
            x1: Math.min(img.width, Math.max(...xs) * factor + pad),
            y1: Math.min(img.height, Math.max(...ys) * factor + pad),
            module,
            finders: [a, b, c].map((f) => ({ x: f.x * factor, y: f.y * factor })),
            support: (a.rows + b.rows + c.rows) * factor,
          });
        }
      }
    }
  }
  const kept: SymbolRegion[] = [];
  for (const { support: _, ...r } of found.sort((p, q) => q.support - p.support)) {
    if (kept.length >= limit) break;
    if (!kept.some((k) => iou(k, r) > 0.3)) kept.push(r);
  }
  return kept;
}
