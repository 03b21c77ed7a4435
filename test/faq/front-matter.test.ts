import { describe, expect, it } from 'vitest';
import { FrontMatterError, parseFrontMatter } from '../../src/faq/front-matter.js';

describe('parseFrontMatter', () => {
  it('reads scalars, block lists, inline lists and the body', () => {
    const doc = parseFrontMatter(
      ['---', 'id: a-b', 'title: "Tiêu đề: có dấu"', 'examples:', '  - một', "  - 'hai'", 'keywords: [x, "y, z"]', '---', '', 'Nội dung.', ''].join('\n'),
    );
    expect(doc.header).toEqual({ id: 'a-b', title: 'Tiêu đề: có dấu', examples: ['một', 'hai'], keywords: ['x', 'y, z'] });
    expect(doc.body).toBe('Nội dung.');
  });

  it('accepts Windows line endings and a BOM', () => {
    const doc = parseFrontMatter('\uFEFF---\r\nid: x\r\n---\r\nBody\r\n');
    expect(doc.header['id']).toBe('x');
    expect(doc.body).toBe('Body');
  });

  it('reports the line of a malformed header line', () => {
    const err = (() => {
      try {
        parseFrontMatter('---\nid: x\nthis is not a key\n---\nbody');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(FrontMatterError);
    expect((err as FrontMatterError).line).toBe(3);
  });

  it('rejects a missing or unclosed header', () => {
    expect(() => parseFrontMatter('id: x\n')).toThrow(/must start/);
    expect(() => parseFrontMatter('---\nid: x\n')).toThrow(/not closed/);
    expect(() => parseFrontMatter('---\n  - item\n---\n')).toThrow(/list item/);
  });
});
