import type { Checked } from '../venue-ops/ports.js';
import { checkTexts } from './texts.js';

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (reason: string): Checked<never> => ({ ok: false, reason });

/** Letters, marks, digits, punctuation and spaces; no control or bidi-override characters. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function text(input: string, what: string, min: number, max: number): Checked<string> {
  const v = tidy(input);
  if (CONTROL.test(v)) return bad(checkTexts.coKyTuKhongHop(what));
  const n = [...v].length;
  if (n < min) return bad(checkTexts.quaNganItNhatKy(what, min));
  if (n > max) return bad(checkTexts.quaDaiToiDaKy(what, max));
  if (!/[\p{L}\p{N}]/u.test(v)) return bad(checkTexts.canCoChuHoacSo(what));
  return ok(v);
}

export const checkName = (input: string) => text(input, checkTexts.tenDiaDiem, 2, 120);
export const checkAddress = (input: string) => text(input, checkTexts.diaChi, 5, 200);

/**
 * Vietnamese mobile numbers: 10 digits, prefixes 03x, 05x, 07x, 08x, 09x (after the 2018 change to
 * 10-digit numbers); +84 / 84 accepted; spaces, dots and dashes ignored. Canonical form 0xxxxxxxxx.
 */
export function checkPhone(input: string): Checked<string> {
  const digits = input.replace(/[\s.\-()]/g, '').replace(/^\+?84/, '0');
  if (!/^\d+$/.test(digits)) return bad(checkTexts.soDienThoaiChiGom);
  if (digits.length !== 10) return bad(checkTexts.soDienThoaiDiDong);
  if (!/^0[35789]\d{8}$/.test(digits)) return bad(checkTexts.dayKhongPhaiSoDi);
  return ok(digits);
}

/**
 * A venue's contact number: a mobile number as above, or a landline (since 2017: 0 + two- or
 * three-digit area code starting with 2, 11 digits in all, e.g. 0255 3123 456 in Quảng Ngãi).
 * Offices and schools often only have a landline.
 */
export function checkContactPhone(input: string): Checked<string> {
  const digits = input.replace(/[\s.\-()]/g, '').replace(/^\+?84/, '0');
  if (/^02\d{9}$/.test(digits)) return ok(digits);
  if (/^\d+$/.test(digits) && digits.startsWith('02')) return bad(checkTexts.soMayBanGom11);
  const mobile = checkPhone(input);
  return mobile.ok ? mobile : bad(checkTexts.soMayBanThiGhi(mobile.reason));
}

/**
 * Licence plates: province code (2 digits), series (a letter, optionally a letter or digit), then
 * 4 or 5 digits: "76B-012.34", "76H1 123.45", "76b01234". Canonical "76B-012.34" / "76H1-1234".
 */
export function checkPlate(input: string): Checked<string> {
  const m = /^(\d{2})\s*-?\s*([A-Z][A-Z0-9]?)\s*-?\s*(\d{3})\.?(\d{2})$|^(\d{2})\s*-?\s*([A-Z][A-Z0-9]?)\s*-?\s*(\d{4})$/.exec(input.trim().toUpperCase());
  if (!m) return bad(checkTexts.bienSoChuaDungDang);
  return ok(m[1] ? `${m[1]}${m[2]}-${m[3]}.${m[4]}` : `${m[5]}${m[6]}-${m[7]}`);
}
