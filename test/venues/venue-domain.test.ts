import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { newManualCode } from '../../src/venues/codes.js';
import { createVenueDomain } from '../../src/venues/venue-domain.js';
import { readQr } from '../harness/read-qr.js';

const PUBLIC = 'https://quetma.example.vn';
const domain = createVenueDomain({ publicUrl: PUBLIC, signingKey: 'a-test-signing-key-of-at-least-32-chars' });
const other = createVenueDomain({ publicUrl: PUBLIC, signingKey: 'another-signing-key-of-at-least-32-chars' });

describe('venue types and communes', () => {
  it.each([['shop', 'shop'], ['cửa hàng', 'shop'], ['CUA HANG', 'shop'], ['5', 'shop'], ['xe buýt', 'vehicle'], ['chợ', 'market'], ['khong ton tai', undefined]])('finds type %s', (input, id) => {
    expect(domain.findType(input)?.id).toBe(id);
  });

  it.each([['pho minh', 'Phường Phổ Minh'], ['Phường Phổ Minh', 'Phường Phổ Minh'], ['xa pho an', 'Xã Phổ An'], ['chau o', 'Thị trấn Châu Ổ'], ['pho mimh', 'Phường Phổ Minh'], ['Bình Thạnh', 'Xã Bình Thạnh']])('finds commune "%s"', (input, name) => {
    expect(domain.searchCommunes(input).map((c) => c.name)).toEqual([name]);
  });

  // Through the shared speech reader (src/language): unit words as typed, a name inside a sentence,
  // teencode and dialect fillers, repeated letters.
  it.each([
    ['P. Phổ Minh', 'Phường Phổ Minh'],
    ['x.binh chau', 'Xã Bình Châu'],
    ['TT Châu Ổ', 'Thị trấn Châu Ổ'],
    ['phuog pho minh', 'Phường Phổ Minh'],
    ['tui ở xã Bình Châu á', 'Xã Bình Châu'],
    ['xã tui là Phổ Minh nha', 'Phường Phổ Minh'],
    ['e o xa pho an', 'Xã Phổ An'],
    ['thuộc phường Phổ Minh', 'Phường Phổ Minh'],
    ['phổ miiinh', 'Phường Phổ Minh'],
  ])('reads commune "%s" the way residents write it', (input, name) => {
    expect(domain.searchCommunes(input).map((c) => c.name)).toEqual([name]);
  });

  it('offers both when a folded name is ambiguous, and nothing for unknown places', () => {
    expect(domain.searchCommunes('binh thanh').map((c) => c.name).sort()).toEqual(['Xã Bình Thanh', 'Xã Bình Thạnh']);
    expect(domain.searchCommunes('atlantis')).toEqual([]);
  });

  it('ships the 2021 lists of Đức Phổ and Bình Sơn with stable ids', () => {
    expect(domain.communes.filter((c) => c.district === 'Thị xã Đức Phổ')).toHaveLength(15);
    expect(domain.communes.filter((c) => c.district === 'Huyện Bình Sơn')).toHaveLength(22);
    expect(new Set(domain.communes.map((c) => c.id)).size).toBe(domain.communes.length);
  });
});

describe('input checks', () => {
  it.each([['0905 123 456', '0905123456'], ['+84 905.123.456', '0905123456'], ['84-388-123-456', '0388123456']])('accepts phone %s', (input, value) => {
    expect(domain.checkPhone(input)).toEqual({ ok: true, value });
  });
  it.each(['0123456789', '090512345', 'abc', '0905 123 4567'])('refuses phone %s in Vietnamese', (input) => {
    const r = domain.checkPhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/số|Số/);
  });
  it.each([['76B-012.34', '76B-012.34'], ['76b01234', '76B-012.34'], ['76H1 123.45', '76H1-123.45'], ['76B 1234', '76B-1234']])('normalises plate %s', (input, value) => {
    expect(domain.checkPlate(input)).toEqual({ ok: true, value });
  });
  it('refuses names that are too long, emoji only or carry bidi overrides', () => {
    expect(domain.checkName('x'.repeat(250)).ok).toBe(false);
    expect(domain.checkName('🍜🍜🍜').ok).toBe(false);
    expect(domain.checkName('Quán \u202Eabc').ok).toBe(false);
    expect(domain.checkName("Quán '); DROP TABLE venues; --")).toEqual({ ok: true, value: "Quán '); DROP TABLE venues; --" });
  });
});

describe('code tokens and manual codes', () => {
  it('takes a generated code with its check character wrong for a code, but for a licence plate or a syllable and a number', () => {
    const missed: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const code = newManualCode();
      const c = code[6]!;
      const wrong = code.slice(0, 6) + (/\d/.test(c) ? (c === '2' ? '3' : '2') : c === 'A' ? 'B' : 'A');
      if (!domain.looksLikeManualCode(wrong)) missed.push(wrong);
    }
    // About 0.07 % of codes are shaped like a plate ("53Q6712") or a syllable and a number ("XYEN122").
    expect(missed.length).toBeLessThan(60);
    for (const m of missed) expect(m).toMatch(/^\d{2}[A-Z]\d{4}$|^[A-Z]+\d{1,3}$|^\d{1,3}[A-Z]+$/);
    for (const typed of ['3JHWNEA', '12ABCDE', 'XKCDWM7', '6C75WEX']) expect(domain.looksLikeManualCode(typed), typed).toBe(true);
    for (const typed of ['covid19', '12thang', 'pfizer2', 'mui3', '2muitiem', '76C12345', '3 mui tiem', '0905333444']) {
      expect(domain.looksLikeManualCode(typed), typed).toBe(false);
    }
  });

  it('round-trips a token and refuses altered, foreign and malformed ones', () => {
    const { codeId, token } = domain.issueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(domain.verifyToken(token)).toBe(codeId);
    expect(domain.tokenFor(codeId)).toBe(token);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(domain.verifyToken(flipped)).toBeNull();
    expect(other.verifyToken(token)).toBeNull();
    expect(domain.verifyToken('short')).toBeNull();
    expect(domain.tokenFromPayload(domain.payloadFor(token))).toBe(token);
    expect(domain.payloadFor(token)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('forgives case, spaces and look-alikes in manual codes, and catches typos with the check character', () => {
    for (let i = 0; i < 50; i++) {
      const code = domain.newManualCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{7}$/);
      expect(domain.normaliseManualCode(` ${code.slice(0, 3).toLowerCase()} - ${code.slice(3)} `)).toBe(code);
      const typo = code.slice(0, 2) + (code[2] === 'X' ? 'Y' : 'X') + code.slice(3);
      expect(domain.normaliseManualCode(typo)).toBeNull();
    }
    const looksAlike = (c: string) => c.replace(/0/g, 'O').replace(/1/g, 'I');
    const made = Array.from({ length: 400 }, () => domain.newManualCode()).find((c) => /[01]/.test(c));
    if (made) expect(domain.normaliseManualCode(looksAlike(made))).toBe(made);
    expect(domain.normaliseManualCode('xinchao')).toBeNull();
  });

  it('keeps a manual code that itself begins with "MA", with or without a "mã:" before it', () => {
    // MAQQQX0 is a valid code (check character 0); about one code in a thousand begins with MA.
    for (const typed of ['MAQQQX0', 'maq qqx0', 'mã: MAQQQX0', 'ma MAQQQX0', 'Mã MAQQ-QX0']) {
      expect(domain.normaliseManualCode(typed), typed).toBe('MAQQQX0');
    }
    const other = domain.newManualCode();
    expect(domain.normaliseManualCode(`mã: ${other}`)).toBe(other);
  });

  it('finds our URL inside any text and names other codes for what they are', () => {
    const { token } = domain.issueToken();
    expect(domain.classify(`em quét được ${PUBLIC}/c/${token}.`)).toEqual({ tokens: [token], kind: 'ours' });
    expect(domain.classify(`quetma.example.vn/c/${token}`).tokens).toEqual([token]);
    expect(domain.classify('00020101021238570010A000000727012700069704220113')).toMatchObject({ kind: 'payment' });
    expect(domain.classify('https://tokhaiyte.vn/qr/123')).toMatchObject({ kind: 'other-url' });
    expect(domain.classify(`https://evil.example.com/c/${token}`)).toMatchObject({ kind: 'other-url' });
    expect(domain.classify('chào bạn')).toMatchObject({ kind: 'other-text' });
  });
});

describe('the QR image and the A4 poster', () => {
  const { token } = domain.issueToken();
  const url = `${PUBLIC}/c/${token}`;
  const poster = { venueName: 'Nhà sách Phổ Minh — chi nhánh Nguyễn Nghiêm, cửa hàng sách giáo khoa và văn phòng phẩm', address: '12 Nguyễn Nghiêm', communeName: 'Phường Phổ Minh', url, manualCode: domain.newManualCode(), label: 'Cửa chính' };

  it('draws a QR code that a standard decoder reads back to the URL', async () => {
    expect(await readQr(await domain.renderQrPng(url))).toBe(url);
  });

  it('makes an A4 PDF with the Vietnamese font embedded and the code at least 15 cm wide', async () => {
    const pdf = await domain.renderPosterPdf(poster);
    const doc = await PDFDocument.load(pdf);
    const [page] = doc.getPages();
    expect(page!.getWidth()).toBeCloseTo(595.28, 1);
    expect(page!.getHeight()).toBeCloseTo(841.89, 1);
    const fonts = doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFDict && o.get(PDFName.of('BaseFont')) ? [String(o.get(PDFName.of('BaseFont')))] : []));
    expect(fonts.join(' ')).toMatch(/BeVietnamPro-Regular/);
    expect(fonts.join(' ')).toMatch(/BeVietnamPro-Bold/);
    const { posterLayout } = await import('../../src/venues/poster-layout.js');
    expect((posterLayout(poster).qr.size / 72) * 25.4).toBeGreaterThanOrEqual(150);
  });

  it('makes a PNG preview of the same poster whose code scans back to the URL', async () => {
    const png = await domain.renderPosterPreviewPng(poster);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await readQr(png)).toBe(url);
  });
});
