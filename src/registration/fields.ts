import { isNo } from '../language/answers.js';
import { standardText } from '../language/standardize.js';
import { fold } from '../domain/fold.js';
import type { Checked } from '../venue-ops/ports.js';
import { checkPhone } from '../venues/checks.js';
import { fieldTexts } from './texts.js';

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (reason: string): Checked<never> => ({ ok: false, reason });

export { checkPhone };

export function checkFullName(input: string): Checked<string> {
  const v = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!/^[\p{L}][\p{L}\p{M} .'-]*$/u.test(v)) return bad(fieldTexts.hoTenChiChuCai);
  if (v.split(' ').length < 2 || [...v].length > 80) return bad(fieldTexts.banGhiDuHoVa);
  return ok(v.split(' ').map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)).join(' '));
}

const DATE_SHAPE = /^(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{4})$/;

/** A date in the right shape that is not in the calendar ("31/02/1985"): a different mistake from a wrong format. */
const notInCalendar = (input: string) => DATE_SHAPE.test(input.trim()) && parseDate(input) === null;

/** dd/mm/yyyy with any of / - . or spaces, day and month with or without a leading zero. Returns yyyy-mm-dd. */
export function parseDate(input: string): string | null {
  const m = DATE_SHAPE.exec(input.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today in Vietnam (UTC+7, no daylight saving) as yyyy-mm-dd. */
export const vnToday = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
export const showDate = (iso: string) => iso.split('-').reverse().join('/');

export function checkBirthDate(input: string, now: Date): Checked<string> {
  const iso = parseDate(input);
  if (notInCalendar(input)) return bad(fieldTexts.khongCoNgayTrongLich(input.trim()));
  if (!iso) return bad(fieldTexts.ngaySinhChuaDungBan);
  if (iso > vnToday(now)) return bad(fieldTexts.ngaySinhKhongDuocSau);
  if (iso < '1900-01-01') return bad(fieldTexts.ngaySinhChuaDungBan2);
  return ok(iso);
}

export function checkPreferredDate(input: string, now: Date): Checked<string> {
  const iso = parseDate(input);
  const today = vnToday(now);
  // The example is a date the bot itself accepts: a week from today.
  const example = showDate(new Date(new Date(today).getTime() + 7 * 24 * 3600_000).toISOString().slice(0, 10));
  if (notInCalendar(input)) return bad(fieldTexts.khongCoNgayTrongLich2(input.trim(), example));
  if (!iso) return bad(fieldTexts.ngayChuaDungBanGhi(example));
  if (iso < today) return bad(fieldTexts.ngayNayDaQuaBan(example));
  if (new Date(iso).getTime() - new Date(today).getTime() > 90 * 24 * 3600_000) return bad(fieldTexts.banChonMotNgayTrong);
  return ok(iso);
}

export const GENDERS = ['Nam', fieldTexts.nu, fieldTexts.khac] as const;
export function checkGender(input: string): Checked<string> {
  const f = fold(input);
  const found = f === '1' || f === 'nam' ? 'Nam' : f === '2' || f === 'nu' ? fieldTexts.nu : f === '3' || f === 'khac' ? fieldTexts.khac : null;
  return found ? ok(found) : bad(fieldTexts.banChonNamNuHoac);
}

/**
 * Identity documents the national portal accepts: CCCD (12 digits), old CMND (9 digits) or a
 * passport number (a letter and 7-8 digits for Vietnamese passports; foreign ones vary, 6-9
 * letters and digits).
 */
export function checkIdNumber(input: string): Checked<{ kind: 'cccd' | 'cmnd' | 'passport'; number: string }> {
  const v = input.replace(/[\s.-]/g, '').toUpperCase();
  if (/^\d{12}$/.test(v)) return ok({ kind: 'cccd', number: v });
  if (/^\d{9}$/.test(v)) return ok({ kind: 'cmnd', number: v });
  if (/^[A-Z][A-Z0-9]{5,8}$/.test(v) && /\d/.test(v)) return ok({ kind: 'passport', number: v });
  return bad(fieldTexts.soGiayToChuaDung);
}

/** BHYT: the 10-digit social-insurance code, or the 15-character card number (2 letters + 13 digits). */
export function checkInsurance(input: string): Checked<string | null> {
  const f = fold(input);
  if (['bo qua', 'skip', 'khong nho', 'chua co', 'khong co the'].includes(standardText(input)) || isNo(input) || f === 'skip') return ok(null);
  const v = input.replace(/[\s.-]/g, '').toUpperCase();
  if (/^\d{10}$/.test(v) || /^[A-Z]{2}\d{13}$/.test(v)) return ok(v);
  return bad(fieldTexts.soTheBhytGom10);
}

export function checkShortText(input: string, what: string, min = 2, max = 100): Checked<string> {
  const v = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if ([...v].length < min || [...v].length > max || !/[\p{L}\p{N}]/u.test(v)) return bad(fieldTexts.canTuDenKyTu(what, min, max));
  return ok(v);
}

/**
 * Priority groups of Nghị quyết 21/NQ-CP (26/02/2021) on buying and using COVID-19 vaccines, as
 * the registration form listed them in 2021 (summarised); 0 = none of them.
 */
export const PRIORITY_GROUPS: readonly string[] = [
  fieldTexts.khongThuocNhomUuTien,
  fieldTexts.lucLuongTuyenDauPhong,
  fieldTexts.ngoaiGiaoHaiQuanXuat,
  fieldTexts.dichVuThietYeuHang,
  fieldTexts.giaoVienNguoiLamO,
  fieldTexts.nguoiMacBenhManTinh,
  fieldTexts.nguoiSongOVungCo,
  fieldTexts.nguoiNgheoDoiTuongChinh,
  fieldTexts.nguoiDuocCuDiCong,
  fieldTexts.doiTuongKhacTheoQuyet,
  fieldTexts.chucSacChucViecCac,
  fieldTexts.nguoiLaoDongTuDo,
];

export function checkPriorityGroup(input: string): Checked<number> {
  // "11", "số 11", "nhóm 11", "so 11.", "nhom thu 11"
  const m = /^(?:(?:so|nhom|muc)\s+)?(?:thu\s+)?(\d{1,2})$/.exec(standardText(input.replace(/^pg:/, '')));
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 0 && n < PRIORITY_GROUPS.length ? ok(n) : bad(fieldTexts.banGoMotSoTu(PRIORITY_GROUPS.length - 1, PRIORITY_GROUPS.length - 1));
}

/**
 * Screening questions, shortened from the adult pre-vaccination screening form of Quyết định
 * 2995/QĐ-BYT (18/06/2021). The answers only prepare the screening doctor; they decide nothing.
 */
export const SCREENING: readonly { id: string; short: string; text: string }[] = [
  { id: 'anaphylaxis', short: fieldTexts.phanVe, text: fieldTexts.banTungBiPhanVe },
  { id: 'acute', short: fieldTexts.sotBenhCap, text: fieldTexts.hienBanCoDangSot },
  { id: 'pregnant', short: 'mang thai', text: fieldTexts.banCoDangMangThai },
  { id: 'covid6m', short: fieldTexts.macCovid6Thang, text: fieldTexts.banCoMacCovid19 },
  { id: 'immune', short: fieldTexts.suyGiamMienDich, text: fieldTexts.banCoSuyGiamMien },
  { id: 'chronic', short: fieldTexts.benhManChuaOnDinh, text: fieldTexts.banCoBenhManTinh },
  { id: 'anticoag', short: fieldTexts.dongMauChongDong, text: fieldTexts.banCoRoiLoanDong },
];

export const ANSWERS = { yes: fieldTexts.co, no: fieldTexts.khong, unsure: fieldTexts.khongRo } as const;
export function checkAnswer(input: string): Checked<keyof typeof ANSWERS> {
  const f = fold(input.replace(/^sc:/, ''));
  if (['yes', 'co', 'c', '1', 'da co', 'roi'].includes(f)) return ok('yes');
  if (['no', 'khong', 'ko', 'k', '2', 'chua'].includes(f)) return ok('no');
  if (['unsure', 'khong ro', 'khong biet', 'ko biet', 'kb', '3', 'chua ro'].includes(f)) return ok('unsure');
  return bad(fieldTexts.banTraLoiCoKhong);
}
