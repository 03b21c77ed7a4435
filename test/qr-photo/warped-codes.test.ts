import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { decodeQrTexts } from '../../src/qr-photo/decode.js';
import { functionTemplate } from '../../src/qr-photo/function-template.js';
import { resampleSymbol } from '../../src/qr-photo/grid-resample.js';
import { rippledCode } from '../harness/rippled-code.js';

const URL_A = 'https://quetma.example.vn/c/p4EV5IfCFLcUpLt7sl9Ors';

describe('codes on curved or rippled surfaces', () => {
  it('knows the fixed modules of every version it re-fits, as a real encoder draws them', () => {
    for (let version = 1; version <= 12; version++) {
      const q = QRCode.create('x', { version, errorCorrectionLevel: 'L' });
      const n = q.modules.size, m = n + 2, t = functionTemplate(version);
      let checked = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const known = t[(i + 1) * m + j + 1]!;
          if (known === 0) continue;
          checked++;
          expect(known === 1, `version ${version} module (${i}, ${j})`).toBe(Boolean(q.modules.get(i, j)));
        }
      }
      // finders, separators, timing, alignment and the dark module: never a handful
      expect(checked).toBeGreaterThan(200);
    }
  });

  it('reads a rippled code that ZXing locates but cannot read, by re-fitting its module grid', async () => {
    const bytes = await rippledCode(URL_A, { px: 6, amplitude: 0.5, wave: 25 });
    const zx = await readBarcodes(bytes, { formats: ['QRCode'], tryHarder: true, returnErrors: true });
    expect(zx.filter((r) => r.isValid)).toEqual([]);
    expect(zx.some((r) => r.error.startsWith('ChecksumError'))).toBe(true);
    const stats: { step?: string } = {};
    expect(await decodeQrTexts(bytes, undefined, stats)).toEqual([URL_A]);
    expect(stats.step).toMatch(/\+refit$/);
  });

  it('gives up a re-fit when the photo\'s time is up, so the 5 s limit holds', () => {
    const img = { data: new Uint8Array(400 * 400).fill(200), width: 400, height: 400 };
    const quad = { topLeft: { x: 50, y: 50 }, topRight: { x: 350, y: 50 }, bottomRight: { x: 350, y: 350 }, bottomLeft: { x: 50, y: 350 } };
    expect(resampleSymbol(img, quad, 12, Date.now() - 1)).toBeUndefined();
    expect(resampleSymbol(img, quad, 2)).toHaveLength(25 * 25);
  });

  it('returns no text, rather than a guess, for a rippled code damaged beyond repair', async () => {
    const bytes = await rippledCode(URL_A, { px: 6, amplitude: 0.5, wave: 25, scratched: 0.3 });
    expect(await decodeQrTexts(bytes)).toEqual([]);
  });
});
