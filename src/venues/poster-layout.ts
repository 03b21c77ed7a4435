import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PosterInput } from '../venue-ops/ports.js';
import { posterTexts } from './texts.js';

/**
 * One layout of the A4 poster, drawn twice: into the PDF (pdf-lib) and into the PNG preview (SVG
 * rendered by resvg), so what the owner sees in chat is what prints. Units are PDF points from the
 * top-left corner. The font is Be Vietnam Pro (from npm, SIL OFL), designed for Vietnamese, so every
 * stacked diacritic (ệ, ữ, ở, ỹ) renders correctly.
 */
const require = createRequire(import.meta.url);
const fontDir = (weight: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/BeVietnamPro_${weight}.ttf`);
export const FONT_FILES = { regular: fontDir('400Regular'), bold: fontDir('700Bold') } as const;
export const FONT_BYTES = { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) } as const;
const metrics = { regular: fontkit.create(FONT_BYTES.regular), bold: fontkit.create(FONT_BYTES.bold) };

export const A4 = { width: 595.28, height: 841.89 } as const;
const MM = 72 / 25.4;
/** The code itself (without its quiet zone) is 155 mm wide: the national rule asked for 15 x 15 cm at least. */
export const QR_SIZE_MM = 155;
const MARGIN = 14 * MM;
export const BLUE = '#0b4f9c';

export interface PosterText {
  readonly text: string;
  readonly x: number;
  /** Baseline, from the top. */
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
  readonly color: string;
}

export interface PosterLayout {
  readonly texts: readonly PosterText[];
  readonly qr: { readonly x: number; readonly y: number; readonly size: number };
  readonly band: { readonly height: number };
}

export function textWidth(text: string, size: number, bold: boolean): number {
  const font = bold ? metrics.bold : metrics.regular;
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

/** Greedy word wrap to `width`; a word longer than a line is cut. At most `maxLines`, the last one ends in "…". */
export function wrap(text: string, size: number, bold: boolean, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size, bold) <= width) line = next;
    else {
      if (line) lines.push(line);
      line = word;
      while (textWidth(line, size, bold) > width) {
        let cut = line.length - 1;
        while (cut > 1 && textWidth(line.slice(0, cut), size, bold) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (textWidth(last, size, bold) > width && last.length > 2) last = `${last.slice(0, -2)}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** The poster's headline; texts that send residents to look for the poster quote it exactly. */
export const POSTER_HEADLINE = posterTexts.quetMaQrDeKhai;

export function posterLayout(p: PosterInput): PosterLayout {
  const width = A4.width - 2 * MARGIN;
  const texts: PosterText[] = [];
  const centred = (text: string, y: number, size: number, bold: boolean, color = '#111111') => texts.push({ text, x: (A4.width - textWidth(text, size, bold)) / 2, y, size, bold, color });
  const band = 24 * MM;
  centred(POSTER_HEADLINE, 15.5 * MM, 22, true, '#ffffff');
  let y = band + 12 * MM;
  const nameSize = [...p.venueName].length > 60 ? 20 : 26;
  for (const line of wrap(p.venueName, nameSize, true, width, 2)) {
    centred(line, y, nameSize, true, BLUE);
    y += nameSize * 1.25;
  }
  if (p.label) {
    for (const line of wrap(p.label, 15, true, width, 1)) centred(line, y, 15, true);
    y += 15 * 1.4;
  }
  const vehicle = [p.plate ? posterTexts.bienSo(p.plate) : null, p.route ? posterTexts.tuyen(p.route) : null].filter(Boolean).join(' · ');
  if (vehicle) {
    for (const line of wrap(vehicle, 15, true, width, 2)) {
      centred(line, y, 15, true);
      y += 15 * 1.4;
    }
  }
  for (const line of wrap(`${p.address}, ${p.communeName}`, 12, false, width, 2)) {
    centred(line, y, 12, false, '#333333');
    y += 12 * 1.35;
  }
  const qrSize = QR_SIZE_MM * MM;
  const qr = { x: (A4.width - qrSize) / 2, y: y + 4 * MM, size: qrSize };
  y = qr.y + qrSize + 13 * MM;
  centred(posterTexts.maSo(p.manualCode.slice(0, 3), p.manualCode.slice(3)), y, 28, true, BLUE);
  y += 10 * MM;
  const steps = [
    posterTexts.t1MoCameraDienThoai,
    posterTexts.t2HoacGuiAnhChup,
    posterTexts.t3HoacNhanMaSo(p.manualCode),
  ];
  for (const s of steps) {
    for (const line of wrap(s, 12, false, width, 2)) {
      texts.push({ text: line, x: MARGIN, y, size: 12, bold: false, color: '#111111' });
      y += 12 * 1.35;
    }
  }
  centred(p.url, A4.height - 8 * MM, 8, false, '#666666');
  return { texts, qr, band: { height: band } };
}
