/**
 * npm run bench:qr -- [manifest.json ...]   (default: ../shared/qr-dev/manifest.json)
 *
 * Runs our photo pipeline, and in the same run jsQR alone (jimp decode + jsQR) and zxing-wasm alone
 * (reading the file bytes), over manifests of {file, expected, set, category}. Per set and category
 * it prints: decoded correctly / total (a found expected text and no unexpected one; for
 * `expected: []` nothing found; for `expected: null` anything found), wrong texts returned, and
 * p50/p95 milliseconds. In-thread, one image at a time, so the times are per-photo work.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Jimp } from 'jimp';
import { readBarcodes } from 'zxing-wasm/reader';
import { decodeQrTexts } from '../../src/qr-photo/decode.js';

interface Entry {
  readonly file: string;
  readonly expected: string[] | null;
  readonly set: string;
  readonly category: string;
}

const jsQR = createRequire(import.meta.url)('jsqr') as (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;

const decoders: Record<string, (bytes: Buffer) => Promise<string[]>> = {
  pipeline: (b) => decodeQrTexts(b).catch(() => []),
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
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const line = (name: string, t: Tally) =>
  `${name.padEnd(44)} ${String(t.ok).padStart(4)}/${String(t.total).padEnd(4)} ${((100 * t.ok) / t.total).toFixed(1).padStart(5)} %  wrong ${String(t.wrong).padStart(2)}  p50 ${pct(t.ms, 50).toFixed(0).padStart(5)} ms  p95 ${pct(t.ms, 95).toFixed(0).padStart(5)} ms`;

function judge(e: Entry, found: string[]): { ok: boolean; wrong: number } {
  if (e.expected === null) return { ok: found.length > 0, wrong: 0 };
  const wrong = found.filter((f) => !e.expected!.includes(f)).length;
  if (e.expected.length === 0) return { ok: found.length === 0, wrong };
  return { ok: wrong === 0 && found.some((f) => e.expected!.includes(f)), wrong };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  // `--only pipeline` (or jsqr-only, zxing-only) runs one decoder: the single-decoder runs are slow on big photos.
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
  const manifests = args;
  if (manifests.length === 0) manifests.push(path.resolve('../shared/qr-dev/manifest.json'));
  const entries: (Entry & { path: string })[] = [];
  for (const m of manifests) {
    const list = JSON.parse(await readFile(m, 'utf8')) as Entry[];
    entries.push(...list.map((e) => ({ ...e, path: path.resolve(path.dirname(m), e.file) })));
  }
  for (const [name, decode] of Object.entries(decoders)) {
    if (only && name !== only) continue;
    const groups = new Map<string, Tally>();
    const total: Tally = { ok: 0, total: 0, wrong: 0, ms: [] };
    const misses: string[] = [];
    for (const e of entries) {
      const bytes = await readFile(e.path);
      const t0 = performance.now();
      const found = await decode(bytes);
      const ms = performance.now() - t0;
      const j = judge(e, found);
      for (const key of [`${e.set}/${e.category}`]) {
        const g = groups.get(key) ?? { ok: 0, total: 0, wrong: 0, ms: [] };
        g.total++, (g.ok += j.ok ? 1 : 0), (g.wrong += j.wrong), g.ms.push(ms);
        groups.set(key, g);
      }
      total.total++, (total.ok += j.ok ? 1 : 0), (total.wrong += j.wrong), total.ms.push(ms);
      if (!j.ok && name === 'pipeline') misses.push(`  miss ${e.file} expected ${JSON.stringify(e.expected)?.slice(0, 60)} got ${JSON.stringify(found).slice(0, 60)}`);
    }
    process.stdout.write(`\n== ${name}\n`);
    for (const [key, t] of [...groups].sort()) process.stdout.write(`${line(key, t)}\n`);
    process.stdout.write(`${line('TOTAL', total)}\n`);
    if (process.env.QR_BENCH_MISSES) process.stdout.write(`${misses.join('\n')}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
    process.exit(1);
  },
);
