import QRCode from 'qrcode';
import sharp from 'sharp';

/**
 * Where a rippled surface shows the flat point that appears at (x, y): two crossed sine waves of
 * `amplitude` and wavelength `wave` (both in pixels). Shared by the decoder tests and the poster
 * photo set so both bend the same way.
 */
export function rippleSource(x: number, y: number, amplitude: number, wave: number): [number, number] {
  return [x + amplitude * Math.sin((2 * Math.PI * y) / wave), y + amplitude * Math.sin((2 * Math.PI * x) / (wave * 1.3) + 1)];
}

/**
 * A QR code "printed" on a rippled surface (a poster on a curved pole, a sticker on fabric): every
 * point is displaced by two crossed sine waves, so no single perspective transform fits the
 * module grid. `amplitude` is in modules, `wave` the ripple's length in modules. `scratched`
 * flips that share of the modules (a deterministic pattern): beyond what error correction can
 * repair, no reader may return any text at all.
 */
export async function rippledCode(text: string, o: { px: number; amplitude: number; wave: number; scratched?: number }): Promise<Buffer> {
  const q = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let seed = 7;
  const flipped = Array.from({ length: q.modules.size ** 2 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) < (o.scratched ?? 0));
  const n = q.modules.size, side = (n + 16) * o.px, size = n * o.px, origin = (side - size) / 2;
  const data = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [sx, sy] = rippleSource(x, y, o.amplitude * o.px, o.wave * o.px);
      const i = Math.floor((sy - origin) / o.px), j = Math.floor((sx - origin) / o.px);
      const paper = Math.abs(sx - side / 2) < size / 2 + 4 * o.px && Math.abs(sy - side / 2) < size / 2 + 4 * o.px;
      data[y * side + x] = i >= 0 && j >= 0 && i < n && j < n && Boolean(q.modules.get(i, j)) !== flipped[i * n + j] ? 35 : paper ? 220 : 60;
    }
  }
  return sharp(Buffer.from(data), { raw: { width: side, height: side, channels: 1 } }).blur(0.8).jpeg({ quality: 85 }).toBuffer();
}
