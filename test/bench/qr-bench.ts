/**
 * npm run bench:qr -- [manifest.json ...]   (default: ../shared/qr-dev/manifest.json)
 *
 * Runs our photo pipeline, and in the same run jsQR alone (jimp decode + jsQR) and zxing-wasm alone
 * (reading the file bytes), over manifests of {file, expected, set, category}. Per set and category
 * it prints: decoded correctly / total (a found expected text and no unexpected one; for
 * `expected: []` nothing found; for `expected: null` anything found), wrong texts returned, and
 * p50/p95 milliseconds; then the code-free photos' p95 (how long a resident waits to hear "no
 * code found") and throughput: photos decoded per second on one core at 3, 12 and 20 MP (a
 * synthetic photo with a small code, and one without), for capacity planning. In-thread, one image
 * at a time, so the times are per-photo work. `--no-throughput` skips the synthetic photos.
 * The last line is one JSON object of the pipeline's figures.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Jimp } from 'jimp';
import { readBarcodes } from 'zxing-wasm/reader';
import { decodeQrTexts, DEFAULT_LIMITS } from '../../src/qr-photo/decode.js';
import { MANIFEST_GAPS, withGaps } from './qr-manifest-gaps.js';
import { throughput } from './qr-throughput.js';
import { runBench } from './run-bench.js';

interface Entry {
  readonly file: string;
  readonly expected: string[] | null;
  readonly set: string;
  readonly category: string;
}

const jsQR = createRequire(import.meta.url)('jsqr') as (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;

/**
 * The link prefix our own codes carry in the poster set (poster-photos.ts signs them under this
 * public URL, as the service does under its own): the pipeline trusts them from one reading, as
 * the resolver checks their signature; every other text needs two agreeing readings.
 */
const OWN_CODE_PREFIX = 'https://quetma.example.vn/c/';
const LIMITS = { ...DEFAULT_LIMITS, ownCodePrefix: OWN_CODE_PREFIX };

/** Texts the pipeline read once and withheld for want of a second agreeing reading. */
let withheld = 0;

const decoders: Record<string, (bytes: Buffer) => Promise<string[]>> = {
  // The same deadline the worker pool gives a photo (5 s timeout less 300 ms to answer).
  pipeline: async (b) => {
    const stats: { withheld?: string[] } = {};
    const texts = await decodeQrTexts(b, { ...LIMITS, deadline: Date.now() + 4700 }, stats).catch(() => []);
    withheld += stats.withheld?.length ?? 0;
    return texts;
  },
  'jsqr-only': async (b) => {
    const img = await Jimp.read(b).catch(() => null);
    const text = img ? jsQR(new Uint8ClampedArray(img.bitmap.data), img.bitmap.width, img.bitmap.height)?.data : undefined;
    return text ? [text] : [];
  },
  'zxing-only': async (b) => (await readBarcodes(b, { formats: ['QRCode'], textMode: 'Plain' }).catch(() => [])).filter((r) => r.isValid && r.text).map((r) => r.text),
};

interface Tally {
  ok: number;
  total: number;
  wrong: number;
  ms: number[];
  /** CPU time per photo (this process, all threads): under load, closer to an idle core's wall time than `ms`. */
  cpu: number[];
  /** Expected texts found, of expected texts (a photo with several codes counts each). */
  codes: number;
  codesOf: number;
}
const tally = (): Tally => ({ ok: 0, total: 0, wrong: 0, ms: [], cpu: [], codes: 0, codesOf: 0 });

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const line = (name: string, t: Tally) =>
  `${name.padEnd(44)} ${String(t.ok).padStart(4)}/${String(t.total).padEnd(4)} ${((100 * t.ok) / t.total).toFixed(1).padStart(5)} %  codes ${String(t.codes).padStart(3)}/${String(t.codesOf).padEnd(3)}  wrong ${String(t.wrong).padStart(2)}  p50 ${pct(t.ms, 50).toFixed(0).padStart(5)} ms  p95 ${pct(t.ms, 95).toFixed(0).padStart(5)} ms  (cpu p50 ${pct(t.cpu, 50).toFixed(0).padStart(4)} p95 ${pct(t.cpu, 95).toFixed(0).padStart(5)})`;

function judge(e: Entry, found: string[]): { ok: boolean; wrong: number; codes: number } {
  if (e.expected === null) return { ok: found.length > 0, wrong: 0, codes: 0 };
  const wrong = found.filter((f) => !e.expected!.includes(f)).length;
  const codes = e.expected.filter((x) => found.includes(x)).length;
  if (e.expected.length === 0) return { ok: found.length === 0, wrong, codes };
  return { ok: wrong === 0 && codes > 0, wrong, codes };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  // `--only pipeline` (or jsqr-only, zxing-only) runs one decoder: the single-decoder runs are slow on big photos.
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
  // `--match <text>` keeps the photos whose file or category contains it (subsets while iterating).
  const matchAt = args.indexOf('--match');
  const match = matchAt >= 0 ? args.splice(matchAt, 2)[1] : undefined;
  const noThroughput = args.includes('--no-throughput');
  const manifests = args.filter((a) => a !== '--no-throughput');
  const figures: Record<string, unknown> = {};
  // Codes a photo truly holds that its manifest leaves out (checked by eye; see qr-manifest-gaps.ts).
  for (const g of MANIFEST_GAPS) process.stdout.write(`manifest gap: ${g.file} also holds ${JSON.stringify(g.extra.slice(0, 24))}... (${g.why})\n`);
  if (manifests.length === 0) manifests.push(path.resolve('../shared/qr-dev/manifest.json'));
  const entries: (Entry & { path: string })[] = [];
  for (const m of manifests) {
    const list = JSON.parse(await readFile(m, 'utf8')) as Entry[];
    entries.push(...list.filter((e) => !match || `${e.set}/${e.category}/${e.file}`.includes(match)).map((e) => ({ ...e, expected: withGaps(e.file, e.expected), path: path.resolve(path.dirname(m), e.file) })));
  }
  for (const [name, decode] of Object.entries(decoders)) {
    if (only && name !== only) continue;
    const groups = new Map<string, Tally>();
    const total = tally();
    const codeFree: number[] = [];
    const codeFreeCpu: number[] = [];
    const misses: string[] = [];
    for (const e of entries) {
      const bytes = await readFile(e.path);
      const t0 = performance.now(), c0 = process.cpuUsage();
      const found = await decode(bytes);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const cpuMs = (c.user + c.system) / 1000;
      const j = judge(e, found);
      for (const key of [`${e.set}/${e.category}`]) {
        const g = groups.get(key) ?? tally();
        for (const t of [g, total]) t.total++, (t.ok += j.ok ? 1 : 0), (t.wrong += j.wrong), t.ms.push(ms), t.cpu.push(cpuMs), (t.codes += j.codes), (t.codesOf += e.expected?.length ?? 0);
        groups.set(key, g);
      }
      if (e.expected?.length === 0) codeFree.push(ms), codeFreeCpu.push(cpuMs);
      if (!j.ok && name === 'pipeline') misses.push(`  miss ${e.file} expected ${JSON.stringify(e.expected)?.slice(0, 60)} got ${JSON.stringify(found).slice(0, 60)}`);
    }
    process.stdout.write(`\n== ${name}\n`);
    for (const [key, t] of [...groups].sort()) process.stdout.write(`${line(key, t)}\n`);
    process.stdout.write(`${line('TOTAL', total)}\n`);
    if (codeFree.length > 0) process.stdout.write(`code-free photos: ${codeFree.length}, p50 ${pct(codeFree, 50).toFixed(0)} ms, p95 ${pct(codeFree, 95).toFixed(0)} ms (cpu p95 ${pct(codeFreeCpu, 95).toFixed(0)} ms)\n`);
    if (name === 'pipeline') {
      process.stdout.write(`texts read once and withheld (no second reading agreed): ${withheld}\n`);
      Object.assign(figures, {
        withheldTexts: withheld,
        photos: total.total,
        photosRead: total.ok,
        photosReadPct: Number(((100 * total.ok) / total.total).toFixed(1)),
        codesFound: total.codes,
        codesExpected: total.codesOf,
        wrongTexts: total.wrong,
        p50Ms: Math.round(pct(total.ms, 50)),
        p95Ms: Math.round(pct(total.ms, 95)),
        codeFreeP95Ms: codeFree.length ? Math.round(pct(codeFree, 95)) : null,
        codeFreeCpuP95Ms: codeFree.length ? Math.round(pct(codeFreeCpu, 95)) : null,
        cpuP50Ms: Math.round(pct(total.cpu, 50)),
        cpuP95Ms: Math.round(pct(total.cpu, 95)),
        byCategory: Object.fromEntries([...groups].sort().map(([k, t]) => [k, { read: t.ok, of: t.total, codes: t.codes, codesOf: t.codesOf, wrong: t.wrong, p50Ms: Math.round(pct(t.ms, 50)), p95Ms: Math.round(pct(t.ms, 95)), cpuP95Ms: Math.round(pct(t.cpu, 95)) }])),
      });
    }
    if (process.env.QR_BENCH_MISSES) process.stdout.write(`${misses.join('\n')}\n`);
  }
  if (!noThroughput && (!only || only === 'pipeline')) {
    const tp = await throughput((b) => decodeQrTexts(b, LIMITS).catch(() => []));
    process.stdout.write('\n== throughput (pipeline, one thread; photos per second per core = 1000 / mean ms)\n');
    for (const r of tp) process.stdout.write(`${`${r.mp} MP ${r.kind}`.padEnd(24)} read ${r.read}/${r.runs}  mean ${r.meanMs.toFixed(0).padStart(5)} ms  p95 ${r.p95Ms.toFixed(0).padStart(5)} ms  ${r.perSecond.toFixed(2)} photos/s/core  (cpu mean ${r.cpuMeanMs.toFixed(0)} ms p95 ${r.cpuP95Ms.toFixed(0)} ms: ${r.perSecondByCpu.toFixed(2)} photos/s/core)\n`);
    figures.throughput = Object.fromEntries(
      tp.map((r) => [`${r.mp}mp-${r.kind}`, { photosPerSecPerCore: Number(r.perSecond.toFixed(2)), photosPerSecPerCoreByCpu: Number(r.perSecondByCpu.toFixed(2)), meanMs: Math.round(r.meanMs), p95Ms: Math.round(r.p95Ms), cpuMeanMs: Math.round(r.cpuMeanMs), cpuP95Ms: Math.round(r.cpuP95Ms), read: r.read, runs: r.runs }]),
    );
    figures.mp12P95Ms = Math.round(Math.max(...tp.filter((r) => r.mp === 12).map((r) => r.p95Ms)));
    figures.mp12CpuP95Ms = Math.round(Math.max(...tp.filter((r) => r.mp === 12).map((r) => r.cpuP95Ms)));
    figures.synthetic = 'throughput photos are synthetic (a small code on a noisy wall, and the wall alone)';
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

runBench(main);
