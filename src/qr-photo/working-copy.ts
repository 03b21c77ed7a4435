import sharp from 'sharp';
import { PhotoError } from '../checkin/resolver.js';
import { rgba, type Pixels } from './variants.js';

export type Point = { readonly x: number; readonly y: number };

/** The working copy: the image decoded once, upright (EXIF applied), at most 2000 px. */
export interface Work {
  readonly pixels: Pixels;
  /** Maps a point of the file as stored (what ZXing sees reading the bytes) into the working copy. */
  readonly fromFile: (p: Point) => Point;
}

/**
 * The image decoded once and downscaled to at most 2000 px. libvips (sharp) does the decode and
 * resize: about 150 ms for a 12 MP JPEG where jimp's pure JavaScript took 3.5 s, which left a hard
 * photo almost no time for variants before the deadline. EXIF orientation is applied; a truncated
 * JPEG is still read (libvips only warns), a broken file is "not an image".
 */
export async function workingCopy(bytes: Uint8Array, format: string, maxPixels: number): Promise<Work> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
      // RGBA out of libvips whatever the file holds: converting in JavaScript cost ~50 ms at 2000 px.
      .toColourspace('srgb')
      .ensureAlpha(1)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const W = meta.width ?? info.width, H = meta.height ?? info.height;
    const turned = (meta.orientation ?? 1) >= 5;
    const s = info.width / (turned ? H : W);
    // Orientations 2, 4, 5 and 7 (mirrored) are rare; they map as their unmirrored turn, which
    // only costs a region re-read, never a code.
    const o = meta.orientation ?? 1;
    const upright = (p: Point): Point => (o === 3 || o === 4 ? { x: W - p.x, y: H - p.y } : o === 6 || o === 5 ? { x: H - p.y, y: p.x } : o === 8 || o === 7 ? { x: p.y, y: W - p.x } : p);
    return {
      // Already RGBA (see above); `rgba` only guards the channel count.
      pixels: { data: rgba(data, info.channels), width: info.width, height: info.height },
      fromFile: (p) => {
        const u = upright(p);
        return { x: u.x * s, y: u.y * s };
      },
    };
  } catch (err) {
    throw new PhotoError('not-an-image', `cannot decode ${format}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
