import { POSTER_HEADLINE } from '../venues/poster-layout.js';
import type { Dependent, VisitRecord } from './types.js';

const TZ = 'Asia/Ho_Chi_Minh';
const timeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
const dayFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit' });

/** "08:15 ngày 24/11" in Vietnam time. */
export function when(d: Date): string {
  return `${timeFmt.format(d)} ngày ${dayFmt.format(d)}`;
}

/** Every check-in sentence a resident sees. */
export const checkinTexts = {
  how:
    'Để khai báo vào một địa điểm, bạn chọn một trong ba cách:\n' +
    '1. Mở camera điện thoại quét mã QR dán ở cửa, rồi bấm vào đường dẫn hiện ra.\n' +
    '2. Chụp ảnh mã QR rồi gửi ảnh vào đây.\n' +
    '3. Nhắn mã số in ngay dưới mã QR (7 ký tự, ví dụ: K7M2QXA).',
  checkedIn: (venue: string, at: Date, names: string[]) =>
    `✅ Đã khai báo vào: ${venue}\nLúc: ${when(at)}${names.length ? `\nCho: ${names.join(', ')}` : ''}\nKhi ra về, bạn bấm "Khai báo ra" nhé.`,
  closedElsewhere: (venue: string) => `Tôi cũng đã khai báo ra khỏi "${venue}" cho bạn.`,
  repeat: (venue: string, since: Date) => `Bạn đã khai báo vào ${venue} lúc ${when(since)} rồi. Nếu bạn đang ra về, bấm "Khai báo ra" bên dưới nhé.`,
  rescanOut: (venue: string, since: Date, at: Date) => `👋 Đã khai báo ra khỏi ${venue} (vào lúc ${when(since)}, ra lúc ${when(at)}).`,
  suspended: 'Địa điểm này đang tạm ngừng nhận khai báo. Bạn vui lòng báo với chủ địa điểm hoặc cán bộ xã, phường.',
  revoked: 'Mã QR này đã được thay bằng mã mới và không còn dùng được. Bạn quét mã mới dán tại địa điểm nhé.',
  capped: 'Hôm nay bạn đã khai báo quá nhiều lần. Nếu cần hỗ trợ, bạn liên hệ cán bộ xã, phường nhé.',
  mistypedCode: (typed: string) =>
    `Mã "${typed}" không đúng, có thể bị gõ nhầm một ký tự. Mã gồm 7 chữ và số, in ngay dưới mã QR dán ở cửa (ví dụ: K7M2QXA). ` +
    'Bạn gõ lại cho đúng, hoặc gửi ảnh chụp mã QR, hoặc quét mã bằng camera điện thoại nhé.',
  invalidCode: 'Mã này không đúng hoặc không còn hiệu lực. Bạn kiểm tra lại mã in dưới mã QR (7 ký tự) hoặc gửi ảnh chụp mã nhé.',
  notOurs: {
    payment: `Đây là mã QR thanh toán/chuyển khoản ngân hàng, không phải mã khai báo ra vào. Bạn tìm áp phích có dòng chữ "${POSTER_HEADLINE}" dán ở cửa nhé.`,
    'other-url': `Mã QR này dẫn tới một trang web khác, không phải mã khai báo ra vào của địa phương. Bạn tìm áp phích có dòng chữ "${POSTER_HEADLINE}" dán ở cửa nhé.`,
    'other-text': `Mã QR này không phải mã khai báo ra vào của địa phương. Bạn tìm áp phích có dòng chữ "${POSTER_HEADLINE}" dán ở cửa nhé.`,
  } as Record<string, string>,
  pickVenue: (n: number) => `Ảnh có ${n} mã khai báo của các địa điểm khác nhau. Bạn đang ở địa điểm nào?`,
  pickExpired: 'Lựa chọn này đã hết hạn. Bạn gửi lại ảnh mã QR nhé.',
  unconfirmedCode:
    `Ảnh có mã QR nhưng đó không phải mã khai báo ra vào của địa phương, hoặc ảnh chưa đủ rõ để đọc chắc chắn. ` +
    `Bạn tìm áp phích có dòng chữ "${POSTER_HEADLINE}" dán ở cửa rồi chụp lại gần hơn, đủ sáng, hoặc nhắn mã số in dưới mã QR nhé.`,
  noCodeInPhoto: 'Tôi không tìm thấy mã QR trong ảnh. Bạn chụp lại gần hơn, đủ sáng, giữ máy thẳng, hoặc nhắn mã số in dưới mã QR nhé.',
  badImage: 'Tôi không mở được tệp này. Bạn gửi ảnh chụp (JPG hoặc PNG, dưới 10 MB) nhé.',
  downloadFailed: 'Không tải được ảnh bạn gửi. Bạn vui lòng gửi lại ảnh, hoặc nhắn mã số in dưới mã QR nhé.',
  imageTooBig: 'Ảnh quá lớn. Bạn gửi ảnh dưới 10 MB nhé.',
  decodeBusy: 'Tôi chưa kịp đọc ảnh này. Bạn gửi lại ảnh, hoặc nhắn mã số in dưới mã QR nhé.',
  checkedOut: (visits: readonly { who: string | null; venue: string }[], at: Date) => {
    const self = visits.length > 0 && visits.every((v) => v.who === null);
    if (self) return `👋 Đã khai báo ra khỏi ${[...new Set(visits.map((v) => v.venue))].join(', ')} lúc ${when(at)}.`;
    return `👋 Đã khai báo ra lúc ${when(at)}:\n${visits.map((v) => `• ${v.who ?? 'Bạn'}: ${v.venue}`).join('\n')}`;
  },
  aRelative: 'Người thân',
  autoOut: (venue: string, at: Date, self: boolean, dependents: number) => {
    const who = self ? (dependents ? `bạn và ${dependents} người thân` : 'bạn') : `${dependents} người thân của bạn`;
    return `🚪 Tôi đã tự động ghi ${who} ra khỏi ${venue} lúc ${when(at)}, vì đã quá thời gian ở lại thường lệ của nơi này.\nNếu vẫn còn ở đó, bạn quét lại mã để khai báo vào nhé.`;
  },
  nothingOpen: 'Hiện bạn không có lượt khai báo vào nào đang mở.',
  openNow: (venue: string, since: Date) => `Bạn đang ở ${venue} từ ${when(since)}.`,
  historyTitle: 'Lịch sử ra vào 14 ngày qua:',
  historyEmpty: 'Bạn chưa có lượt khai báo nào trong 14 ngày qua.',
  historyLine: (v: VisitRecord) =>
    `• ${when(v.checkedInAt)} — ${v.venueName}${v.dependentName ? ` (${v.dependentName})` : ''}${v.checkedOutAt ? `, ra ${when(v.checkedOutAt)}` : ', chưa ra'}`,
  historyPrivacy: (days: number) => `Chỉ bạn xem được lịch sử này. Dữ liệu tự xóa sau ${days} ngày.`,
  confirmDelete: 'Bạn chắc chắn muốn xóa toàn bộ lịch sử ra vào của mình (cả người thân)? Việc này không hoàn tác được.',
  deleted: (n: number) => `Đã xóa ${n} lượt khai báo.`,
  familyNone: 'Bạn chưa có người thân nào trong danh sách. Bạn thêm người thân (ông bà, con nhỏ...) để khai báo hộ nhé.',
  familyPick: 'Khai báo cho ai? Chọn từng người, hoặc "Tất cả":',
  familyList: (ds: Dependent[]) => (ds.length ? `Người thân của bạn:\n${ds.map((d, i) => `${i + 1}. ${describe(d)}`).join('\n')}` : 'Danh sách người thân đang trống.'),
  askDepName: 'Họ và tên người thân? (ví dụ: Nguyễn Văn Bảy)',
  askDepYear: 'Năm sinh của người này? (ví dụ: 1952; nhắn "bỏ qua" nếu không nhớ)',
  askDepRelation: 'Quan hệ với bạn? (ví dụ: bố, mẹ, con, bà nội...)',
  badDepName: 'Tên cần từ 2 đến 60 ký tự. Bạn nhập lại nhé.',
  badDepYear: 'Năm sinh chưa đúng. Bạn nhập 4 chữ số, ví dụ 1952, hoặc "bỏ qua".',
  depAdded: (d: Dependent) => `Đã thêm: ${describe(d)}.`,
  depRemoved: 'Đã xóa người này khỏi danh sách.',
  noVenueForFamily: 'Bạn khai báo vào một địa điểm trước, rồi chọn "Khai báo cho người thân" nhé.',
  flaggedNote: 'Lưu ý: lượt khai báo này sẽ được cán bộ kiểm tra lại vì có dấu hiệu bất thường.',
};

function describe(d: Dependent): string {
  return [d.name, d.birthYear ? `sinh ${d.birthYear}` : null, d.relation].filter(Boolean).join(', ');
}

/** Resident-facing sentences of dependents-flow.ts (kept here so all wording is reviewed in one place). */
export const dependentsTexts = {
  huy: 'Hủy',
  themNguoiThan: 'Thêm người thân',
  xoa: (p0: string | number) => `Xóa ${p0}`,
  tatCa: 'Tất cả',
  nguoiThan: 'Người thân',
  khaiBaoCho: (p0: string | number) => `Khai báo cho ${p0}`,
  themNguoiNua: 'Thêm người nữa',
};

/** Resident-facing sentences of checkin-feature.ts (kept here so all wording is reviewed in one place). */
export const checkinFeatureTexts = {
  khaiBaoRa: 'Khai báo ra',
  khaiBaoChoNguoiThan: 'Khai báo cho người thân',
  lichSuRaVao: 'Lịch sử ra vào',
};

/** Resident-facing sentences of history.ts (kept here so all wording is reviewed in one place). */
export const historyTexts = {
  xoaLichSuCuaToi: 'Xóa lịch sử của tôi',
  xoaHet: 'Xóa hết',
  khongXoa: 'Không xóa',
};

/** Resident-facing sentences of checkin-service.ts (kept here so all wording is reviewed in one place). */
export const checkinServiceTexts = {
  diaDiemKhacNhauTrong: (p0: string | number, p1: string | number) => `${p0} địa điểm khác nhau trong ${p1} phút`,
  khaiBaoOHuyenThi: (p0: string | number) => `khai báo ở huyện/thị xã khác chỉ sau ${p0} phút`,
};
