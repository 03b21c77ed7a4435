import { readFile } from 'node:fs/promises';
import { decodeQrTexts, DEFAULT_LIMITS } from '../../qr-photo/decode.js';
import type { CliCommand } from '../command.js';

/**
 * `decode <image...>`: every QR text found in each image, one JSON line per image (the photo
 * pipeline, in-process, with the deployment's own code prefix as check-in uses it). `withheld`
 * lists texts read once and never confirmed, which check-in would not trust.
 */
export const decodeCommand: CliCommand = {
  name: 'decode',
  usage: 'decode <image...>',
  summary: 'print the QR texts found in each image: {"file","texts","withheld","ms"}',
  async run(args, ctx) {
    if (args.length === 0) {
      ctx.io.err('usage: decode <image...>');
      return 2;
    }
    let failed = 0;
    const limits = { ...DEFAULT_LIMITS, ownCodePrefix: `${ctx.config.publicUrl}/c/` };
    for (const file of args) {
      const t0 = performance.now();
      try {
        const stats: { withheld?: string[] } = {};
        const texts = await decodeQrTexts(await readFile(file), limits, stats);
        ctx.io.out(JSON.stringify({ file, texts, withheld: stats.withheld ?? [], ms: Math.round(performance.now() - t0) }));
      } catch (err) {
        failed += 1;
        ctx.io.out(JSON.stringify({ file, error: err instanceof Error ? err.message : String(err), ms: Math.round(performance.now() - t0) }));
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
