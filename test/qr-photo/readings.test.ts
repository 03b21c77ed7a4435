import { describe, expect, it } from 'vitest';
import { Readings } from '../../src/qr-photo/readings.js';

const TRUTH = 'The 2005 USGS aerial photograph of the Washington Monument is censored.';
// The misread a blurred variant of ZXing's qrcode-2/13.png produced: one word changed, length too.
const MISREAD = 'The 2005 USGS aerial photography of the Washington Monument is censored.';
const box = { x0: 10, y0: 10, x1: 110, y1: 110 };
const region = { ...box, module: 4 };

describe('which decoded texts a photo may return', () => {
  it('withholds a text only one reading produced, however many crops repeated it', () => {
    const r = new Readings();
    r.add([{ text: MISREAD, source: 'smooth', box }]);
    r.add([{ text: MISREAD, source: 'smooth', box: { ...box, x0: 12 } }]);
    expect(r.texts()).toEqual([]);
    expect(r.withheld()).toEqual([MISREAD]);
    // A region with only an untrusted text in it is still open: the decoder keeps looking there.
    expect(r.covered(region)).toBe(false);
  });

  it('returns a text two independent readings agree on (two variants, or the two decoders)', () => {
    const variants = new Readings();
    variants.add([{ text: TRUTH, source: 'file', box }, { text: TRUTH, source: 'region-fixed', box }]);
    expect(variants.texts()).toEqual([TRUTH]);
    expect(variants.covered(region)).toBe(true);
    const decoders = new Readings();
    decoders.add([{ text: TRUTH, source: 'down-800', box }, { text: TRUTH, source: 'jsqr:down-800', box }]);
    expect(decoders.texts()).toEqual([TRUTH]);
  });

  it('does not let a confirmed text vouch for a different one read at the same place', () => {
    const r = new Readings();
    r.add([{ text: TRUTH, source: 'file', box }, { text: TRUTH, source: 'region', box }, { text: MISREAD, source: 'smooth', box }]);
    expect(r.texts()).toEqual([TRUTH]);
    expect(r.withheld()).toEqual([MISREAD]);
  });

  it('looks again around a text read once, with its quiet zone, at the module size its version gives', () => {
    const r = new Readings();
    r.add([{ text: MISREAD, source: 'smooth', box, module: 2.5 }, { text: TRUTH, source: 'file', box }, { text: TRUTH, source: 'region', box }]);
    expect(r.pending()).toEqual([{ text: MISREAD, region: { x0: 0, y0: 0, x1: 120, y1: 120, module: 2.5 } }]);
  });

  it('trusts our own code link from one reading (the resolver checks its signature), no other text', () => {
    const ours = 'https://quetma.example.vn/c/p4EV5IfCFLcUpLt7sl9Ors';
    const r = new Readings((text) => text.startsWith('https://quetma.example.vn/c/'));
    r.add([{ text: ours, source: 'region-adaptive+refit', box }, { text: MISREAD, source: 'smooth', box }]);
    expect(r.texts()).toEqual([ours]);
    expect(r.withheld()).toEqual([MISREAD]);
  });

  it('takes finders of two codes read side by side for what they are, but not a small code inside a big one', () => {
    const left = { x0: 0, y0: 0, x1: 100, y1: 100 }, right = { x0: 140, y0: 0, x1: 240, y1: 100 };
    const r = new Readings();
    for (const [text, b] of [['A', left], ['B', right]] as const) r.add([{ text, source: 'file', box: b, module: 4 }, { text, source: 'region', box: b, module: 4 }]);
    // Two finders of the left code and one of the right one line up like a symbol between them.
    const between = { x0: 60, y0: 0, x1: 180, y1: 100, module: 4, finders: [{ x: 80, y: 10 }, { x: 80, y: 90 }, { x: 160, y: 10 }] };
    expect(r.covered(between)).toBe(true);
    // A symbol with a finder outside every code read is still open.
    expect(r.covered({ ...between, finders: [{ x: 80, y: 10 }, { x: 80, y: 90 }, { x: 120, y: 10 }] })).toBe(false);
    // Finders of a code with modules a quarter of the size, inside the left code: another code.
    const inner = { x0: 40, y0: 40, x1: 60, y1: 60, module: 1, finders: [{ x: 42, y: 42 }, { x: 58, y: 42 }, { x: 42, y: 58 }] };
    expect(r.covered({ ...inner, x0: 30, x1: 38 })).toBe(false);
  });
});
