import { isNo } from '../language/answers.js';
import { standardText } from '../language/standardize.js';
import { fold } from '../domain/fold.js';
import type { Checked } from '../venue-ops/ports.js';
import { checkPhone } from '../venues/checks.js';

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (reason: string): Checked<never> => ({ ok: false, reason });

export { checkPhone };

export function checkFullName(input: string): Checked<string> {
  const v = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!/^[\p{L}][\p{L}\p{M} .'-]*$/u.test(v)) return bad('Họ tên chỉ gồm chữ cái (ví dụ: Nguyễn Thị Hoa).');
  if (v.split(' ').length < 2 || [...v].length > 80) return bad('Bạn ghi đủ họ và tên (ví dụ: Nguyễn Thị Hoa).');
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
  if (notInCalendar(input)) return bad(`Không có ngày ${input.trim()} trong lịch. Bạn kiểm tra lại ngày và tháng sinh nhé.`);
  if (!iso) return bad('Ngày sinh chưa đúng, bạn ghi theo dạng ngày/tháng/năm (ví dụ: 05/03/1960).');
  if (iso > vnToday(now)) return bad('Ngày sinh không được sau ngày hôm nay. Bạn kiểm tra lại năm sinh nhé.');
  if (iso < '1900-01-01') return bad('Ngày sinh chưa đúng, bạn kiểm tra lại năm sinh.');
  return ok(iso);
}

export function checkPreferredDate(input: string, now: Date): Checked<string> {
  const iso = parseDate(input);
  const today = vnToday(now);
  // The example is a date the bot itself accepts: a week from today.
  const example = showDate(new Date(new Date(today).getTime() + 7 * 24 * 3600_000).toISOString().slice(0, 10));
  if (notInCalendar(input)) return bad(`Không có ngày ${input.trim()} trong lịch. Bạn ghi lại ngày mong muốn (ví dụ: ${example}) nhé.`);
  if (!iso) return bad(`Ngày chưa đúng, bạn ghi theo dạng ngày/tháng/năm (ví dụ: ${example}).`);
  if (iso < today) return bad(`Ngày này đã qua. Bạn chọn một ngày từ hôm nay trở đi (ví dụ: ${example}).`);
  if (new Date(iso).getTime() - new Date(today).getTime() > 90 * 24 * 3600_000) return bad('Bạn chọn một ngày trong vòng 90 ngày tới nhé.');
  return ok(iso);
}

export const GENDERS = ['Nam', 'Nữ', 'Khác'] as const;
export function checkGender(input: string): Checked<string> {
  const f = fold(input);
  const found = f === '1' || f === 'nam' ? 'Nam' : f === '2' || f === 'nu' ? 'Nữ' : f === '3' || f === 'khac' ? 'Khác' : null;
  return found ? ok(found) : bad('Bạn chọn Nam, Nữ hoặc Khác.');
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
  return bad('Số giấy tờ chưa đúng: CCCD có 12 chữ số, CMND cũ có 9 chữ số, hộ chiếu gồm chữ và số (ví dụ: C1234567).');
}

/** BHYT: the 10-digit social-insurance code, or the 15-character card number (2 letters + 13 digits). */
export function checkInsurance(input: string): Checked<string | null> {
  const f = fold(input);
  if (['bo qua', 'skip', 'khong nho', 'chua co', 'khong co the'].includes(standardText(input)) || isNo(input) || f === 'skip') return ok(null);
  const v = input.replace(/[\s.-]/g, '').toUpperCase();
  if (/^\d{10}$/.test(v) || /^[A-Z]{2}\d{13}$/.test(v)) return ok(v);
  return bad('Số thẻ BHYT gồm 10 chữ số (mã số BHXH) hoặc 15 ký tự in trên thẻ. Không có thì gõ "bỏ qua".');
}

export function checkShortText(input: string, what: string, min = 2, max = 100): Checked<string> {
  const v = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if ([...v].length < min || [...v].length > max || !/[\p{L}\p{N}]/u.test(v)) return bad(`${what} cần từ ${min} đến ${max} ký tự.`);
  return ok(v);
}

/**
 * Priority groups of Nghị quyết 21/NQ-CP (26/02/2021) on buying and using COVID-19 vaccines, as
 * the registration form listed them in 2021 (summarised); 0 = none of them.
 */
export const PRIORITY_GROUPS: readonly string[] = [
  'Không thuộc nhóm ưu tiên',
  'Lực lượng tuyến đầu phòng, chống dịch (y tế, chống dịch, công an, quân đội...)',
  'Ngoại giao, hải quan, xuất nhập cảnh',
  'Dịch vụ thiết yếu: hàng không, vận tải, du lịch, điện, nước...',
  'Giáo viên, người làm ở cơ sở giáo dục, cơ quan hành chính thường tiếp xúc dân',
  'Người mắc bệnh mạn tính, người trên 65 tuổi',
  'Người sống ở vùng có dịch',
  'Người nghèo, đối tượng chính sách xã hội',
  'Người được cử đi công tác, học tập, lao động ở nước ngoài',
  'Đối tượng khác theo quyết định của Bộ Y tế',
  'Chức sắc, chức việc các tôn giáo',
  'Người lao động tự do',
];

export function checkPriorityGroup(input: string): Checked<number> {
  // "11", "số 11", "nhóm 11", "so 11.", "nhom thu 11"
  const m = /^(?:(?:so|nhom|muc)\s+)?(?:thu\s+)?(\d{1,2})$/.exec(standardText(input.replace(/^pg:/, '')));
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 0 && n < PRIORITY_GROUPS.length ? ok(n) : bad(`Bạn gõ một số từ 0 đến ${PRIORITY_GROUPS.length - 1} (số đầu dòng của nhóm trong danh sách ở trên, ví dụ: ${PRIORITY_GROUPS.length - 1}).`);
}

/**
 * Screening questions, shortened from the adult pre-vaccination screening form of Quyết định
 * 2995/QĐ-BYT (18/06/2021). The answers only prepare the screening doctor; they decide nothing.
 */
export const SCREENING: readonly { id: string; short: string; text: string }[] = [
  { id: 'anaphylaxis', short: 'phản vệ', text: 'Bạn từng bị phản vệ (dị ứng nặng) với vắc xin hoặc thuốc chưa?' },
  { id: 'acute', short: 'sốt/bệnh cấp', text: 'Hiện bạn có đang sốt hoặc mắc bệnh cấp tính không?' },
  { id: 'pregnant', short: 'mang thai', text: 'Bạn có đang mang thai không?' },
  { id: 'covid6m', short: 'mắc COVID 6 tháng', text: 'Bạn có mắc COVID-19 trong 6 tháng qua không?' },
  { id: 'immune', short: 'suy giảm miễn dịch', text: 'Bạn có suy giảm miễn dịch, đang hóa trị hoặc xạ trị không?' },
  { id: 'chronic', short: 'bệnh mạn chưa ổn định', text: 'Bạn có bệnh mạn tính đang tiến triển, chưa ổn định không?' },
  { id: 'anticoag', short: 'đông máu/chống đông', text: 'Bạn có rối loạn đông máu hoặc đang dùng thuốc chống đông không?' },
];

export const ANSWERS = { yes: 'Có', no: 'Không', unsure: 'Không rõ' } as const;
export function checkAnswer(input: string): Checked<keyof typeof ANSWERS> {
  const f = fold(input.replace(/^sc:/, ''));
  if (['yes', 'co', 'c', '1', 'da co', 'roi'].includes(f)) return ok('yes');
  if (['no', 'khong', 'ko', 'k', '2', 'chua'].includes(f)) return ok('no');
  if (['unsure', 'khong ro', 'khong biet', 'ko biet', 'kb', '3', 'chua ro'].includes(f)) return ok('unsure');
  return bad('Bạn trả lời Có, Không hoặc Không rõ.');
}
