/**
 * npm run bench:poster [-- --n 50]
 *
 * Issue 4's target: generating a code and its poster under 300 ms at p95. Times, per code, the QR
 * PNG + the A4 PDF together (what the CLI writes), the chat preview PNG on its own, and the whole
 * set a chat owner receives (QR + PDF + preview), in-process on this machine, after a warm-up.
 */
import { parseArgs } from 'node:util';
import { createVenueDomain } from '../../src/venues/venue-domain.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '50' } } });
const n = Number(values.n);
const domain = createVenueDomain({ publicUrl: 'https://quetma.example.vn', signingKey: 'bench-signing-key-of-at-least-32-chars' });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function once() {
  const { token } = domain.issueToken();
  const url = `https://quetma.example.vn/c/${token}`;
  const input = { venueName: 'Cửa hàng tạp hóa Cô Ba Phổ Minh', address: '12 Nguyễn Nghiêm, tổ dân phố 1', communeName: 'Phường Phổ Minh', url, manualCode: domain.newManualCode(), label: 'Cửa chính' };
  const t0 = performance.now();
  await Promise.all([domain.renderQrPng(url), domain.renderPosterPdf(input)]);
  const t1 = performance.now();
  await domain.renderPosterPreviewPng(input);
  const t2 = performance.now();
  return { codeAndPdf: t1 - t0, preview: t2 - t1, all: t2 - t0 };
}

for (let i = 0; i < 5; i++) await once();
const runs = [];
for (let i = 0; i < n; i++) runs.push(await once());
for (const key of ['codeAndPdf', 'preview', 'all'] as const) {
  const xs = runs.map((r) => r[key]);
  process.stdout.write(`${key.padEnd(11)} n=${n}  p50 ${pct(xs, 50).toFixed(0)} ms  p95 ${pct(xs, 95).toFixed(0)} ms  max ${Math.max(...xs).toFixed(0)} ms\n`);
}
