import { createRequire } from 'node:module';
import { Jimp } from 'jimp';

// jsQR is CommonJS with a default export; under NodeNext its ESM default import is the module object.
const jsQR = createRequire(import.meta.url)('jsqr') as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** Reads one QR code from PNG/JPEG bytes with jsQR, a standard decoder independent of ours. */
export async function readQr(bytes: Buffer): Promise<string | undefined> {
  const img = await Jimp.read(bytes);
  return jsQR(new Uint8ClampedArray(img.bitmap.data), img.bitmap.width, img.bitmap.height)?.data || undefined;
}
