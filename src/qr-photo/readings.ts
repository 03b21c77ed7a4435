/**
 * The ledger of every text the decoders produced for one photo, and which of them may be trusted.
 *
 * A QR code's Reed–Solomon error correction can "correct" a badly seen symbol into a different,
 * valid-looking text (a miscorrection): one character changed, the length changed, and the decoder
 * still reports success. It happens when the modules it saw hold more errors than the code can
 * correct, which is exactly what image fallbacks (blur, sharpening, thresholds) can produce on a
 * hard photo. Two independent readings (different image processing, or the other decoder) that
 * agree on the text are very unlikely to share one miscorrection, so a text counts only when two
 * different sources produced it. Our own codes need one reading only: the resolver checks their
 * signature, so a garbled one can only be refused. This guard is what keeps a stranger's code
 * from coming back garbled.
 */
import type { SymbolRegion } from './finder-scan.js';

/** A box in working-copy pixels. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One decoder's reading of one symbol. */
export interface Reading {
  readonly text: string;
  /**
   * Which independent reading produced it: the file read by ZXing ("file"), a named image variant
   * read by ZXing, or by jsQR ("jsqr:<variant>"; jsQR's texts that do not render every data byte
   * are dropped before, as its text decoding faults would repeat in every variant). The same
   * processing of two crops is one source.
   */
  readonly source: string;
  /** Where, when the decoder said (working-copy pixels). */
  readonly box?: Box;
  /** Module size in working-copy pixels, when the decoder gave the version. */
  readonly module?: number;
}

const inside = (b: Box, x: number, y: number) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
/** A region is accounted for when a code found lies in it, or it lies in a code found. */
export const covers = (b: Box, r: Box) => inside(r, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2) || inside(b, (r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);

/** Sources needed before a text is returned. */
export const AGREEING_SOURCES = 2;

export class Readings {
  private readonly list: Reading[] = [];

  /**
   * @param signed Texts that are our own signed codes: one reading is enough for them, as the
   *   resolver checks the token's signature before using it (a garbled one is refused as invalid).
   */
  constructor(private readonly signed: (text: string) => boolean = () => false) {}

  add(readings: readonly Reading[]): void {
    this.list.push(...readings);
  }

  /** Any text at all, trusted or not. */
  get any(): boolean {
    return this.list.length > 0;
  }

  /** Whether enough independent readings agree on this text. */
  confirmed(text: string): boolean {
    if (this.signed(text)) return this.list.some((r) => r.text === text);
    return new Set(this.list.filter((r) => r.text === text).map((r) => r.source)).size >= AGREEING_SOURCES;
  }

  /** The trusted texts, each once, in the order first read. */
  texts(): string[] {
    return [...new Set(this.list.map((r) => r.text))].filter((t) => this.confirmed(t));
  }

  /** Texts read by one source only, each with a box to look at again (the first that has one). */
  pending(): { text: string; region: SymbolRegion }[] {
    const out: { text: string; region: SymbolRegion }[] = [];
    for (const r of this.list) {
      if (!r.box || this.confirmed(r.text) || out.some((o) => o.text === r.text)) continue;
      const module = r.module ?? Math.max(r.box.x1 - r.box.x0, r.box.y1 - r.box.y0) / 25;
      // The code's own corners, widened by its quiet zone (4 modules) as a finder region is.
      const pad = 4 * module;
      out.push({ text: r.text, region: { x0: Math.max(0, r.box.x0 - pad), y0: Math.max(0, r.box.y0 - pad), x1: r.box.x1 + pad, y1: r.box.y1 + pad, module } });
    }
    return out;
  }

  /**
   * Whether trusted codes account for this symbol region: one code covers it, or each of its
   * finders lies in a code read whose modules are of the finder's size (three finders of two
   * posters side by side line up like one symbol; a small code printed inside a big one does not
   * count as read by the big one).
   */
  covered(region: SymbolRegion): boolean {
    const sameSize = (r: Reading) => r.module === undefined || (r.module < 2 * region.module && region.module < 2 * r.module);
    const trusted = this.list.filter((r): r is Reading & { box: Box } => r.box !== undefined && this.confirmed(r.text) && sameSize(r));
    if (trusted.some((r) => covers(r.box, region))) return true;
    const within = (b: Box, p: { x: number; y: number }) => p.x >= b.x0 && p.x <= b.x1 && p.y >= b.y0 && p.y <= b.y1;
    return region.finders !== undefined && region.finders.every((f) => trusted.some((r) => within(r.box, f)));
  }

  /** Texts read by one source only and never confirmed: what the guard withheld. */
  withheld(): string[] {
    return [...new Set(this.list.map((r) => r.text))].filter((t) => !this.confirmed(t));
  }
}
