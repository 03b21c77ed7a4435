import { PhotoError } from '../checkin/resolver.js';

export interface ImageInfo {
  readonly format: 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';
  readonly width: number;
  readonly height: number;
}

/**
 * Reads the format and pixel size from the file header without decoding it, so a decompression
 * bomb (a small file that claims 20000 x 20000 pixels) is refused before any pixel is allocated.
 */
export function probeImage(b: Uint8Array): ImageInfo {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const has = (n: number) => b.length >= n;
  if (has(24) && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { format: 'png', width: v.getUint32(16), height: v.getUint32(20) };
  if (has(10) && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { format: 'gif', width: v.getUint16(6, true), height: v.getUint16(8, true) };
  if (has(26) && b[0] === 0x42 && b[1] === 0x4d) return { format: 'bmp', width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
  if (has(30) && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return webp(b, v);
  if (has(4) && b[0] === 0xff && b[1] === 0xd8) return jpeg(b, v);
  throw new PhotoError('not-an-image', 'not a PNG, JPEG, GIF, BMP or WebP image');
}

function jpeg(b: Uint8Array, v: DataView): ImageInfo {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = b[i + 1]!;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { format: 'jpeg', height: v.getUint16(i + 5), width: v.getUint16(i + 7) };
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    i += 2 + v.getUint16(i + 2);
  }
  throw new PhotoError('not-an-image', 'JPEG without a frame header');
}

function webp(b: Uint8Array, v: DataView): ImageInfo {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X') return { format: 'webp', width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) };
  if (chunk === 'VP8L') {
    const bits = v.getUint32(21, true);
    return { format: 'webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return { format: 'webp', width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
}
