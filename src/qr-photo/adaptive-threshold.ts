/**
 * Mean adaptive threshold with a small window (integral image, O(pixels)): each pixel is black when
 * it is darker than its neighbourhood's mean by `offset`. It separates modules under uneven light
 * and soft focus where the decoders' own binarisers give up. Input RGBA, output black/white RGBA.
 */
export function adaptiveThreshold(rgba: Uint8ClampedArray | Uint8Array, w: number, h: number, window: number, offset: number): Uint8ClampedArray {
  const stride = w + 1;
  const integral = new Float64Array(stride * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      row += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1]! + row;
    }
  }
  const out = new Uint8ClampedArray(w * h * 4);
  const r = window >> 1;
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const sum = integral[y1 * stride + x1]! - integral[y0 * stride + x1]! - integral[y1 * stride + x0]! + integral[y0 * stride + x0]!;
      const i = (y * w + x) * 4;
      const grey = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
      const v = grey < sum / ((x1 - x0) * (y1 - y0)) - offset ? 0 : 255;
      out[i] = v;
      out[i + 1] = v;
      out[i + 2] = v;
      out[i + 3] = 255;
    }
  }
  return out;
}
