/**
 * Re-reading a QR code that a decoder located but could not read: a code printed on fabric, a
 * curved poster or a crumpled flyer is not a flat square, so the decoder's one perspective
 * transform samples many modules on their edges or on their neighbours and the error correction
 * gives up. Here the module grid is re-fitted: first the decoder's four corners are moved until
 * the patterns every symbol has (finders, timing, alignment, quiet zone) line up, then each
 * module's sampling point is nudged to where its neighbourhood looks crispest (module centres are
 * far from grey; edges are grey) and agrees with those patterns, the nudges are smoothed so the
 * grid stays a grid, and the modules are read against a local threshold. The result is a clean bit matrix that is handed back
 * to the decoder, so its error correction still decides: nothing here guesses a text.
 */

import { functionTemplate } from './function-template.js';

/** A greyscale image (one byte per pixel). */
export interface Grey {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** The symbol's outer corners as a decoder reports them, in the symbol's own orientation. */
export interface Quad {
  readonly topLeft: Point;
  readonly topRight: Point;
  readonly bottomRight: Point;
  readonly bottomLeft: Point;
}

/** Maps symbol coordinates (0..1 on both axes) to image pixels (Heckbert's square-to-quad). */
function squareToQuad(q: Quad): (u: number, v: number) => Point {
  const [p0, p1, p2, p3] = [q.topLeft, q.topRight, q.bottomRight, q.bottomLeft];
  const dx1 = p1.x - p2.x, dx2 = p3.x - p2.x, dx3 = p0.x - p1.x + p2.x - p3.x;
  const dy1 = p1.y - p2.y, dy2 = p3.y - p2.y, dy3 = p0.y - p1.y + p2.y - p3.y;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = den === 0 ? 0 : (dx3 * dy2 - dx2 * dy3) / den;
  const h = den === 0 ? 0 : (dx1 * dy3 - dx3 * dy1) / den;
  const a = p1.x - p0.x + g * p1.x, b = p3.x - p0.x + h * p3.x;
  const d = p1.y - p0.y + g * p1.y, e = p3.y - p0.y + h * p3.y;
  return (u, v) => {
    const w = g * u + h * v + 1;
    return { x: (a * u + b * v + p0.x) / w, y: (d * u + e * v + p0.y) / w };
  };
}

/** Bilinear sample; outside the image counts as white (a quiet zone). */
function sample(img: Grey, x: number, y: number): number {
  const { width: w, height: h, data } = img;
  if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return 255;
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
  const fx = x - x0, fy = y - y0;
  const top = data[y0 * w + x0]! * (1 - fx) + data[y0 * w + x1]! * fx;
  const bottom = data[y1 * w + x0]! * (1 - fx) + data[y1 * w + x1]! * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Sub-samples per module in the rectified image: offsets are searched in steps of 1/K module. */
const K = 6;
/** Modules of margin around the quiet-zone ring, so a shifted window never leaves the grid. */
const MARGIN = 2;

/**
 * The symbol seen through the decoder's perspective transform, K samples per module, covering
 * the symbol, its one-module ring and a margin. Working here, a shift is an integer step and a
 * module's sample a lookup.
 */
interface Rectified {
  readonly side: number;
  readonly v: Float32Array;
}

function rectify(img: Grey, q: Quad, n: number): Rectified {
  const map = squareToQuad(q);
  const side = (n + 2 + 2 * MARGIN) * K;
  const v = new Float32Array(side * side);
  const origin = 1 + MARGIN;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const p = map((x / K - origin) / n, (y / K - origin) / n);
      v[y * side + x] = sample(img, p.x, p.y);
    }
  }
  return { side, v };
}

/** Rectified sample at the centre of ring-grid module (a, b) moved by (dx, dy) sub-samples. */
const at = (r: Rectified, a: number, b: number, dx: number, dy: number): number => {
  const x = Math.min(r.side - 1, Math.max(0, (b + MARGIN) * K + (K >> 1) + dx));
  const y = Math.min(r.side - 1, Math.max(0, (a + MARGIN) * K + (K >> 1) + dy));
  return r.v[y * r.side + x]!;
};

/**
 * How well the modules within `w` of (i, j), all moved by (dx, dy), look like a grid of modules:
 * each data module adds its distance from the window's mean grey (centres are far from grey,
 * edges are not); each module of known colour adds that distance signed by whether it has the
 * right colour, which pins the grid to the finder, timing and alignment patterns and stops it
 * slipping by a whole module.
 */
function windowFit(r: Rectified, t: Int8Array, m: number, i: number, j: number, w: number, dx: number, dy: number, scratch: Float32Array): number {
  const a0 = Math.max(0, i - w), a1 = Math.min(m - 1, i + w), b0 = Math.max(0, j - w), b1 = Math.min(m - 1, j + w);
  // One pass: the known modules' signed sum is mean·Σt − Σt·v; data modules wait in `scratch` for the mean.
  let sum = 0, known = 0, knownV = 0, data = 0;
  for (let a = a0; a <= a1; a++) {
    for (let b = b0; b <= b1; b++) {
      const v = at(r, a, b, dx, dy), k = t[a * m + b]!;
      sum += v;
      if (k === 0) scratch[data++] = v;
      else (known += k), (knownV += k * v);
    }
  }
  const mean = sum / ((a1 - a0 + 1) * (b1 - b0 + 1));
  let score = mean * known - knownV;
  for (let q = 0; q < data; q++) score += Math.abs(mean - scratch[q]!);
  return score;
}

/** Mean of the offsets of (i, j) and its eight neighbours, rounded: keeps the refined grid smooth. */
function smoothed(off: Int16Array, m: number, i: number, j: number): number {
  let s = 0, k = 0;
  for (let a = Math.max(0, i - 1); a <= Math.min(m - 1, i + 1); a++) {
    for (let b = Math.max(0, j - 1); b <= Math.min(m - 1, j + 1); b++) s += off[a * m + b]!, k++;
  }
  return Math.round(s / k);
}

/**
 * Window half-widths per round, coarse to fine: wide windows first find the large-scale bend
 * (they see more known modules), narrow ones then follow local ripples.
 */
const ROUNDS = [4, 3, 2, 1];

/**
 * Per-module offsets (in 1/K module) on the ring grid: each round moves every module by the shift
 * within a third of a module of its smoothed neighbourhood that fits its window best. The shifts
 * are bounded by MARGIN modules in total.
 */
function refine(r: Rectified, t: Int8Array, m: number, deadline: number): { ox: Int16Array; oy: Int16Array } | undefined {
  let ox = new Int16Array(m * m), oy = new Int16Array(m * m);
  const reach = K / 3, limit = MARGIN * K;
  const scratch = new Float32Array((2 * Math.max(...ROUNDS) + 1) ** 2);
  for (const w of ROUNDS) {
    const nx = new Int16Array(m * m), ny = new Int16Array(m * m);
    for (let i = 0; i < m; i++) {
      if (Date.now() > deadline) return undefined;
      for (let j = 0; j < m; j++) {
        const cx = smoothed(ox, m, i, j), cy = smoothed(oy, m, i, j);
        let best = -Infinity, bx = cx, by = cy;
        for (let sy = -reach; sy <= reach; sy++) {
          for (let sx = -reach; sx <= reach; sx++) {
            const dx = Math.max(-limit, Math.min(limit, cx + sx)), dy = Math.max(-limit, Math.min(limit, cy + sy));
            // A shift must earn its move: ties (a uniform patch looks as crisp anywhere) keep the grid still.
            const f = windowFit(r, t, m, i, j, w, dx, dy, scratch);
            const c = f - 0.01 * (sx * sx + sy * sy) * Math.abs(f);
            if (c > best) (best = c), (bx = dx), (by = dy);
          }
        }
        nx[i * m + j] = bx;
        ny[i * m + j] = by;
      }
    }
    (ox = nx), (oy = ny);
  }
  const sx = new Int16Array(m * m), sy = new Int16Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) (sx[i * m + j] = smoothed(ox, m, i, j)), (sy[i * m + j] = smoothed(oy, m, i, j));
  return { ox: sx, oy: sy };
}

/** Reads the n×n symbol's modules dark (true) or light against the mean of the modules within `w`. */
function readModules(r: Rectified, m: number, off: { ox: Int16Array; oy: Int16Array }, w: number): boolean[] {
  const n = m - 2;
  const v = Array.from({ length: m * m }, (_, k) => at(r, Math.floor(k / m), k % m, off.ox[k]!, off.oy[k]!));
  const out: boolean[] = [];
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= n; j++) {
      let s = 0, c = 0;
      for (let a = Math.max(1, i - w); a <= Math.min(n, i + w); a++) {
        for (let b = Math.max(1, j - w); b <= Math.min(n, j + w); b++) s += v[a * m + b]!, c++;
      }
      out.push(v[i * m + j]! < s / c);
    }
  }
  return out;
}

/**
 * The bit matrix (row-major, true = dark) of a located symbol of the given version, read on a
 * locally refined grid against a local threshold; undefined when `deadline` (ms since epoch)
 * passes first (the re-fit takes about 0.1 s for version 4 and 0.2 s for version 12 here).
 */
export function resampleSymbol(img: Grey, quad: Quad, version: number, deadline = Infinity): boolean[] | undefined {
  const n = 17 + 4 * version, m = n + 2;
  const t = functionTemplate(version);
  const r = rectify(img, fitQuad(img, quad, t, n), n);
  const offsets = refine(r, t, m, deadline);
  return offsets && readModules(r, m, offsets, 4);
}

/** How well the known modules agree with their colours when the symbol is mapped through `q`. */
function quadScore(img: Grey, q: Quad, t: Int8Array, n: number): number {
  const map = squareToQuad(q), m = n + 2;
  const vs: number[] = [];
  let sum = 0;
  for (let k = 0; k < m * m; k++) {
    if (t[k] === 0) continue;
    const p = map(((k % m) - 0.5) / n, (Math.floor(k / m) - 0.5) / n);
    const v = sample(img, p.x, p.y);
    vs.push(v, t[k]!), (sum += v);
  }
  const mean = sum / (vs.length / 2);
  let score = 0;
  for (let k = 0; k < vs.length; k += 2) score += vs[k + 1]! * (mean - vs[k]!);
  return score;
}

/**
 * The decoder's corners of a symbol it failed to read are often a module or so off. Before the
 * local refinement, each corner is moved (coordinate descent, steps from one module down to an
 * eighth) while that improves how well the finder, timing and alignment patterns and the quiet
 * zone line up.
 */
function fitQuad(img: Grey, quad: Quad, t: Int8Array, n: number): Quad {
  let q = quad, best = quadScore(img, q, t, n);
  const pitch = Math.hypot(quad.topRight.x - quad.topLeft.x, quad.topRight.y - quad.topLeft.y) / n;
  const corners = ['topLeft', 'topRight', 'bottomRight', 'bottomLeft'] as const;
  for (const step of [1, 0.5, 0.25, 0.125].map((s) => s * pitch)) {
    for (let improved = true, guard = 0; improved && guard < 20; guard++) {
      improved = false;
      for (const c of corners) {
        for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
          const moved = { ...q, [c]: { x: q[c].x + dx * step, y: q[c].y + dy * step } };
          const s = quadScore(img, moved, t, n);
          if (s > best) (best = s), (q = moved), (improved = true);
        }
      }
    }
  }
  return q;
}

/**
 * Draws a bit matrix as a clean black-on-white image with a four-module quiet zone, `scale`
 * pixels per module, for the decoder to read as a pure symbol.
 */
export function renderModules(bits: readonly boolean[], n: number, scale = 4): Grey {
  const side = (n + 8) * scale;
  const data = new Uint8Array(side * side).fill(255);
  for (let k = 0; k < n * n; k++) {
    if (!bits[k]) continue;
    const top = (Math.floor(k / n) + 4) * scale, left = ((k % n) + 4) * scale;
    for (let y = top; y < top + scale; y++) data.fill(0, y * side + left, y * side + left + scale);
  }
  return { data, width: side, height: side };
}
