import { describe, expect, it } from 'vitest';
import { Readings } from '../../src/qr-photo/readings.js';

const TRUTH = 'The 2005 USGS aerial photograph of the Washington Monument is censored.';
// The misread a blurred variant of ZXing's qrcode-2/13.png produced: one word changed, length too.
const MISREAD = 'The 2005 USGS aerial photography of the Washington Monument is censored.';
const box = { x0: 10, y0: 10, x1: 110, y1: 110 };

describe('which decoded texts a photo may return', () => {
  it('withholds a text only one reading produced, however many crops repeated it', () => {
    const r = new Readings();
    r.add([{ text: MISREAD, source: 'smooth', box }]);
    r.add([{ text: MISREAD, source: 'smooth', box: { ...box, x0: 12 } }]);
    expect(r.texts()).toEqual([]);
    expect(r.withheld()).toEqual([MISREAD]);
    // A region with only an untrusted text in it is still open: the decoder keeps looking there.
    expect(r.covered(box)).toBe(false);
  });

  it('returns a text two independent readings agree on (two variants, or the two decoders)', () => {
    const variants = new Readings();
    variants.add([{ text: TRUTH, source: 'file', box }, { text: TRUTH, source: 'region-fixed', box }]);
    expect(variants.texts()).toEqual([TRUTH]);
    expect(variants.covered(box)).toBe(true);
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
});
