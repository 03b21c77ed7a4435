/**
 * Throughput figures for `npm run bench:qr`: synthetic phone-size photos (3, 12 and 20 MP) with a
 * small venue code on a noisy background, and the same background without a code, each decoded
 * several times on this thread. Photos per second per core is 1000 / mean ms: the pool runs one
 * photo per worker thread, so a deployment with N decoding cores handles about N times that.
 */
import QRCode from 'qrcode';
import sharp from 'sharp';

export interface ThroughputRow {
  readonly mp: number;
  readonly kind: 'code' | 'no-code';
  readonly runs: number;
  readonly read: number;
  readonly meanMs: number;
  readonly p95Ms: number;
  readonly perSecond: number;
  /**
   * CPU time of this process (libvips' helper threads included) per photo: on a machine shared
   * with other work the wall time measures the queue for the CPU too, this does not.
   */
  readonly cpuMeanMs: number;
  readonly cpuP95Ms: number;
  /** 1000 / mean CPU ms: what one otherwise idle core would sustain. */
  readonly perSecondByCpu: number;
}

const SIZES = [
  { mp: 3, w: 2000, h: 1500 },
  { mp: 12, w: 4000, h: 3000 },
  { mp: 20, w: 5164, h: 3873 },
] as const;
const URL = 'https://quetma.example.vn/c/throughput-bench-0001';

/** A smooth, slightly noisy background (like a wall in a phone photo), optionally with a code. */
async function photo(w: number, h: number, withCode: boolean): Promise<Buffer> {
  const px = new Uint8Array(w * h * 3);
  let s = 12345;
  for (let i = 0; i < px.length; i += 3) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const x = (i / 3) % w, y = Math.floor(i / 3 / w);
    const v = 120 + 40 * Math.sin(x / 300) * Math.cos(y / 400) + ((s >>> 24) % 13) - 6;
    px[i] = v, (px[i + 1] = v - 4), (px[i + 2] = v - 10);
  }
  const layers = withCode ? [{ input: await QRCode.toBuffer(URL, { width: Math.round(w / 6), margin: 3 }), left: Math.round(w * 0.55), top: Math.round(h * 0.4) }] : [];
  return sharp(px, { raw: { width: w, height: h, channels: 3 } }).composite(layers).jpeg({ quality: 88 }).toBuffer();
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

export async function throughput(decode: (b: Buffer) => Promise<string[]>, runs = 4): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const { mp, w, h } of SIZES) {
    for (const kind of ['code', 'no-code'] as const) {
      const bytes = await photo(w, h, kind === 'code');
      const ms: number[] = [];
      const cpu: number[] = [];
      let read = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now(), c0 = process.cpuUsage();
        const found = await decode(bytes);
        ms.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
        if (kind === 'code' ? found.includes(URL) : found.length === 0) read++;
      }
      const meanMs = ms.reduce((a, b) => a + b, 0) / ms.length;
      const cpuMeanMs = cpu.reduce((a, b) => a + b, 0) / cpu.length;
      rows.push({ mp, kind, runs, read, meanMs, p95Ms: pct(ms, 95), perSecond: 1000 / meanMs, cpuMeanMs, cpuP95Ms: pct(cpu, 95), perSecondByCpu: 1000 / cpuMeanMs });
    }
  }
  return rows;
}
