import fontkit from '@pdf-lib/fontkit';
import { Resvg } from '@resvg/resvg-js';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { PosterInput } from '../venue-ops/ports.js';
import { A4, BLUE, FONT_BYTES, FONT_FILES, posterLayout } from './poster-layout.js';
import { posterRenderTexts } from './texts.js';

/**
 * The QR image chat platforms show: error correction M (survives some glare and dirt), a 4-module
 * quiet zone, whole pixels per module (sharp edges), about 600 px: plenty for a screen, and PNG
 * encoding time grows with the pixel count.
 */
export function renderQrPng(url: string): Promise<Buffer> {
  const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size + 8;
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: Math.max(4, Math.floor(600 / modules)) });
}

/** Dark modules as horizontal runs [row, firstColumn, length], for vector drawing in PDF and SVG. */
function qrRuns(url: string): { size: number; runs: [number, number, number][] } {
  const m = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const runs: [number, number, number][] = [];
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; ) {
      if (!m.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.get(r, c)) c++;
      runs.push([r, start, c - start]);
    }
  }
  return { size: m.size, runs };
}

const hex = (c: string) => rgb(parseInt(c.slice(1, 3), 16) / 255, parseInt(c.slice(3, 5), 16) / 255, parseInt(c.slice(5, 7), 16) / 255);

/** The printable A4 poster as a PDF with the font embedded (subset to the glyphs used). */
export async function renderPosterPdf(input: PosterInput): Promise<Buffer> {
  const layout = posterLayout(input);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(posterRenderTexts.maQrKhaiBao(input.venueName));
  doc.setLanguage('vi-VN');
  const [regular, bold] = await Promise.all([doc.embedFont(FONT_BYTES.regular, { subset: true }), doc.embedFont(FONT_BYTES.bold, { subset: true })]);
  const page = doc.addPage([A4.width, A4.height]);
  page.drawRectangle({ x: 0, y: A4.height - layout.band.height, width: A4.width, height: layout.band.height, color: hex(BLUE) });
  for (const t of layout.texts) page.drawText(t.text, { x: t.x, y: A4.height - t.y, size: t.size, font: t.bold ? bold : regular, color: hex(t.color) });
  // The code as vector squares: sharp at any printer resolution, and cheaper than a big PNG.
  const { size, runs } = qrRuns(input.url);
  const cell = layout.qr.size / size;
  const black = rgb(0, 0, 0);
  for (const [r, c, n] of runs) {
    page.drawRectangle({ x: layout.qr.x + c * cell, y: A4.height - layout.qr.y - (r + 1) * cell, width: n * cell + 0.01, height: cell + 0.01, color: black });
  }
  return Buffer.from(await doc.save());
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A PNG preview of the same layout for the chat (about 150 dpi), drawn from SVG by resvg with the same font files. */
export async function renderPosterPreviewPng(input: PosterInput): Promise<Buffer> {
  const layout = posterLayout(input);
  const { size, runs } = qrRuns(input.url);
  const cell = layout.qr.size / size;
  const path = runs.map(([r, c, n]) => `M${(layout.qr.x + c * cell).toFixed(2)} ${(layout.qr.y + r * cell).toFixed(2)}h${(n * cell).toFixed(2)}v${cell.toFixed(2)}h${(-n * cell).toFixed(2)}z`).join('');
  const texts = layout.texts.map((t) => `<text x="${t.x.toFixed(2)}" y="${t.y.toFixed(2)}" font-size="${t.size}" font-weight="${t.bold ? 700 : 400}" fill="${t.color}">${esc(t.text)}</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${A4.width}" height="${A4.height}" viewBox="0 0 ${A4.width} ${A4.height}" font-family="Be Vietnam Pro">
<rect width="100%" height="100%" fill="#ffffff"/><rect width="100%" height="${layout.band.height}" fill="${BLUE}"/>
<path d="${path}" fill="#000000" shape-rendering="crispEdges"/>
${texts.join('\n')}</svg>`;
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1240 }, font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: 'Be Vietnam Pro' } }).render().asPng();
  return Buffer.from(png);
}
