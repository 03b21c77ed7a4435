import type { Checked } from '../venue-ops/ports.js';

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (reason: string): Checked<never> => ({ ok: false, reason });

/** Letters, marks, digits, punctuation and spaces; no control or bidi-override characters. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function text(input: string, what: string, min: number, max: number): Checked<string> {
  const v = tidy(input);
  if (CONTROL.test(v)) return bad(`${what} có ký tự không hợp lệ, bạn gõ lại nhé.`);
  const n = [...v].length;
  if (n < min) return bad(`${what} quá ngắn (ít nhất ${min} ký tự).`);
  if (n > max) return bad(`${what} quá dài (tối đa ${max} ký tự), bạn viết gọn lại nhé.`);
  if (!/[\p{L}\p{N}]/u.test(v)) return bad(`${what} cần có chữ hoặc số.`);
  return ok(v);
}

export const checkName = (input: string) => text(input, 'Tên địa điểm', 2, 120);
export const checkAddress = (input: string) => text(input, 'Địa chỉ', 5, 200);

/**
 * Vietnamese mobile numbers: 10 digits, prefixes 03x, 05x, 07x, 08x, 09x (after the 2018 change to
 * 10-digit numbers); +84 / 84 accepted; spaces, dots and dashes ignored. Canonical form 0xxxxxxxxx.
 */
export function checkPhone(input: string): Checked<string> {
  const digits = input.replace(/[\s.\-()]/g, '').replace(/^\+?84/, '0');
  if (!/^\d+$/.test(digits)) return bad('Số điện thoại chỉ gồm chữ số (ví dụ: 0905 123 456).');
  if (digits.length !== 10) return bad('Số điện thoại di động cần đủ 10 chữ số (ví dụ: 0905 123 456).');
  if (!/^0[35789]\d{8}$/.test(digits)) return bad('Đây không phải số di động Việt Nam (đầu số 03, 05, 07, 08, 09).');
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
  if (/^\d+$/.test(digits) && digits.startsWith('02')) return bad('Số máy bàn gồm 11 chữ số, bắt đầu bằng mã vùng (ví dụ: 0255 3123 456).');
  const mobile = checkPhone(input);
  return mobile.ok ? mobile : bad(`${mobile.reason} Số máy bàn thì ghi cả mã vùng (ví dụ: 0255 3123 456).`);
}

/**
 * Licence plates: province code (2 digits), series (a letter, optionally a letter or digit), then
 * 4 or 5 digits: "76B-012.34", "76H1 123.45", "76b01234". Canonical "76B-012.34" / "76H1-1234".
 */
export function checkPlate(input: string): Checked<string> {
  const m = /^(\d{2})\s*-?\s*([A-Z][A-Z0-9]?)\s*-?\s*(\d{3})\.?(\d{2})$|^(\d{2})\s*-?\s*([A-Z][A-Z0-9]?)\s*-?\s*(\d{4})$/.exec(input.trim().toUpperCase());
  if (!m) return bad('Biển số chưa đúng dạng, ví dụ: 76B-012.34.');
  return ok(m[1] ? `${m[1]}${m[2]}-${m[3]}.${m[4]}` : `${m[5]}${m[6]}-${m[7]}`);
}
