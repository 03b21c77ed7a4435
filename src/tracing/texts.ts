import { showWindow, vnDate } from './alert-template.js';
import type { Preview } from './preview-event.js';
import type { UnreachableReason } from './reach.js';

const CHANNEL_NAMES: Readonly<Record<string, string>> = { telegram: 'Telegram', 'zalo-oa': 'Zalo OA', 'zalo-bot': 'Zalo Bot', web: 'trình mô phỏng' };

/** Every sentence tracing says, to officials and residents. */
export const tracingTexts = {
  notOfficial: 'Chức năng truy vết dành cho cán bộ xã, phường được cấp quyền.',
  usage:
    'Truy vết (chỉ cán bộ):\n' +
    '• Theo địa điểm và giờ: /truyvet <mã số hoặc tên địa điểm>, <ngày/tháng> từ <giờ> đến <giờ>\n' +
    '  ví dụ: /truyvet Chợ Phổ Minh, 01/12 từ 7:00 đến 10:00\n' +
    '  Nhiều khung giờ: /truyvet Chợ Phổ Minh, 01/12 7:00-10:00 và 15:00-17:00; 02/12 7:00-9:00\n' +
    '  Nhiều địa điểm: mỗi địa điểm một dòng ngay sau /truyvet.\n' +
    '• Thêm khung giờ, địa điểm cho sự kiện đang mở: /truyvet #<số sự kiện> thêm <địa điểm>, <ngày/tháng> <giờ>-<giờ> (chỉ báo người chưa được báo)\n' +
    '• Theo người mắc (họ đồng ý): /truyvet TV-XXXX-XXXX (mã người dân nhận được khi chọn "Chia sẻ lịch sử cho cán bộ y tế")\n' +
    '• Xem theo dõi một sự kiện: /truyvet #<số sự kiện>',
  events: (lines: string[]) => (lines.length ? `Các sự kiện truy vết gần đây:\n${lines.join('\n')}` : 'Chưa có sự kiện truy vết nào.'),
  preview: (p: Preview, commune: string) => {
    const windows = p.windows.map((w) => `• ${w.venue}: ${showWindow(new Date(w.from), new Date(w.to))} ngày ${vnDate(new Date(w.from))}`);
    const channels = Object.entries(p.byChannel).map(([c, n]) => `${CHANNEL_NAMES[c] ?? c} ${n}`);
    const reasons = Object.entries(p.unreachableBy).map(([r, n]) => `${UNREACHABLE_LABELS[r as UnreachableReason]}: ${n}`);
    return [
      `🔎 Sự kiện truy vết #${p.eventId} (${commune})${p.status === 'closed' ? ' — đã đóng' : ''}`,
      windows.length ? `Khung giờ:\n${windows.join('\n')}` : 'Không có lượt khai báo nào của người này trong thời gian chia sẻ.',
      `Số người có thể đã tiếp xúc (tính cả người thân): ${p.people}; chưa được báo: ${p.newPeople}${p.familyMembers ? ` (trong đó ${p.familyMembers} người thân do người khác khai báo hộ)` : ''}.`,
      `Liên lạc được ngay: ${channels.length ? channels.join(', ') : '0'}.`,
      p.unreachable ? `Chưa liên lạc được: ${p.unreachable} (${reasons.join('; ')}).` : 'Tất cả đều liên lạc được.',
      p.needsApproval ? '⚠️ Số người vượt ngưỡng của huyện: cần quản trị viên huyện phê duyệt trước khi gửi.' : 'Chưa gửi gì. Bấm "Gửi cảnh báo" để gửi.',
    ].join('\n');
  },
  sent: (id: number, alerted: number, unreachable: number) => `Đã gửi cảnh báo của sự kiện #${id} tới ${alerted} người${unreachable ? `; ${unreachable} người chưa liên lạc được` : ''}. Người đã được báo trước đó không nhận lại.`,
  approved: (id: number, people: number) => `Đã phê duyệt sự kiện #${id} cho ${people} người. Bấm "Gửi cảnh báo" để gửi.`,
  closed: (id: number) => `Đã đóng sự kiện #${id}: không gửi thêm, không theo dõi thêm.`,
  followUp: (f: { eventId: number; people: number; sent: number; delivered: number; acknowledged: number; symptoms: number; unreachable: number; status: string }) =>
    `📊 Sự kiện #${f.eventId}${f.status === 'closed' ? ' (đã đóng)' : ''}: ${f.people} người; đã gửi ${f.sent}, đã tới máy ${f.delivered}, đã xác nhận "Đã nhận" ${f.acknowledged}, báo có triệu chứng ${f.symptoms}, chưa liên lạc được ${f.unreachable}.`,
  error: (code: string, message: string): string =>
    ({
      venue_not_found: 'Không tìm thấy địa điểm này trong xã, phường của bạn. Bạn nhập mã số in dưới mã QR, đường dẫn của mã, hoặc tên địa điểm.',
      communes_differ: 'Các địa điểm thuộc những xã, phường khác nhau: mỗi sự kiện truy vết chỉ thuộc một xã, phường. Bạn mở riêng từng sự kiện.',
      venue_ambiguous: `Có nhiều địa điểm trùng tên: ${message.split(': ').slice(1).join(': ')}. Bạn nhập mã số hoặc "#số" của địa điểm.`,
      bad_window: 'Khung giờ chưa đúng: giờ kết thúc phải sau giờ bắt đầu, dài tối đa 24 giờ, đã diễn ra và còn trong thời gian lưu khai báo.',
      share_code_unknown: 'Mã chia sẻ không đúng. Bạn kiểm tra lại mã (dạng TV-XXXX-XXXX).',
      share_code_expired: 'Mã chia sẻ đã hết hạn (24 giờ). Nhờ người dân tạo mã mới.',
      share_code_used: 'Mã chia sẻ này đã được dùng.',
      bad_share_code: 'Mã chia sẻ có dạng TV-XXXX-XXXX.',
      commune_required: 'Bạn phụ trách nhiều xã, phường: hãy dùng dòng lệnh hoặc trang quản trị để chọn xã cho sự kiện này.',
      approval_required: 'Sự kiện vượt ngưỡng số người của huyện: cần quản trị viên huyện phê duyệt trước khi gửi.',
      event_closed: 'Sự kiện này đã đóng.',
      event_not_found: 'Không có sự kiện này trong xã, phường của bạn.',
      forbidden: 'Việc này nằm ngoài phạm vi được cấp quyền của bạn.',
    })[code] ?? 'Không thực hiện được yêu cầu. Bạn thử lại sau nhé.',
  // Residents
  shareWho: 'Chia sẻ lịch sử khai báo 14 ngày gần nhất cho cán bộ y tế (chỉ khi bạn hoặc người thân có kết quả dương tính). Chia sẻ lịch sử của ai?',
  shareSelf: 'Của tôi',
  shareCode: (code: string, who: string | null, until: Date) =>
    `Mã chia sẻ${who ? ` lịch sử của ${who}` : ''}: ${code}\nĐọc mã này cho cán bộ y tế. Mã dùng được một lần, hết hạn lúc ${showWindow(until, until).split(' đến ')[0]} ngày ${vnDate(until)}.\n` +
    'Cán bộ chỉ thấy các nơi và khung giờ để báo người có thể đã tiếp xúc; những người đó không được biết bạn là ai.',
  ackThanks: 'Cảm ơn bạn đã xác nhận. Hãy theo dõi sức khỏe trong 14 ngày; nếu có sốt, ho, khó thở, bấm "Tôi có triệu chứng" hoặc gọi 1900 9095.',
  ackAgain: 'Bạn đã xác nhận tin này rồi. Cảm ơn bạn!',
  symptomsSent: (commune: string) =>
    `Đã báo cán bộ y tế ${commune}; cán bộ sẽ nhắn lại bạn tại đây. Trong lúc chờ: ở nhà, đeo khẩu trang, tránh tiếp xúc người khác. Nếu khó thở, gọi cấp cứu 115.`,
  symptomsSelf: 'Tôi',
  whoHasSymptoms: 'Ai đang có triệu chứng? Bạn chọn để cán bộ y tế liên hệ đúng người.',
  symptomsAgain: 'Bạn đã báo có triệu chứng rồi; cán bộ y tế sẽ liên hệ. Nếu khó thở, gọi cấp cứu 115.',
  eventClosedForResident: 'Đợt theo dõi này đã kết thúc. Nếu bạn có triệu chứng, hãy gọi Trạm y tế xã, phường hoặc đường dây nóng 1900 9095.',
  alertUnknown: 'Tin cảnh báo này không còn. Nếu bạn có triệu chứng, hãy gọi Trạm y tế xã, phường hoặc 1900 9095.',
  urgentQuestion: (eventId: number, who: string | null) => `[KHẨN] Người nhận cảnh báo truy vết #${eventId} báo có triệu chứng${who ? ` (người thân: ${who})` : ''}. Cần liên hệ, hướng dẫn.`,
  toOfficialUrgent: (questionId: number, commune: string, text: string) => `🚨 KHẨN — câu hỏi #${questionId} (${commune}):\n«${text}»`,
  reply: 'Trả lời',
  send: 'Gửi cảnh báo',
  approve: 'Phê duyệt (quản trị viên huyện)',
  close: 'Đóng sự kiện',
} as const;

/** Resident-facing sentences of send-alerts.ts (kept here so all wording is reviewed in one place). */
export const sendAlertTexts = {
  daNhan: 'Đã nhận',
  toiCoTrieuChung: 'Tôi có triệu chứng',
  thongBaoTuCanBo: (p0: string | number, p1: string | number, p2: string | number) => `📢 Thông báo từ cán bộ y tế ${p0}: địa điểm "${p1}" của bạn có trong thông báo truy vết (${p2}).`,
  viecCanLam: 'Việc cần làm:',
  veSinhKhuKhuanNoi: '• Vệ sinh, khử khuẩn nơi làm việc, kinh doanh: tay nắm cửa, quầy, bàn ghế, nhà vệ sinh.',
  nhacKhachDeoKhauTrang: '• Nhắc khách đeo khẩu trang và quét mã QR khi vào, ra; mở cửa cho thoáng khí.',
  theoDoiSucKhoeCua: '• Theo dõi sức khỏe của bạn và nhân viên trong 14 ngày; nếu có triệu chứng, báo Trạm y tế ',
  nhungNguoiCoMatTrong: 'Những người có mặt trong khung giờ này đã được cán bộ y tế báo riêng.',
};

/** Resident-facing sentences of alert-template.ts (kept here so all wording is reviewed in one place). */
export const alertTemplateTexts = {
  thongBaoTuCanBo: '⚠️ THÔNG BÁO TỪ CÁN BỘ Y TẾ {xa}',
  nguoiCoTheDaTiep: '{nguoi} có thể đã tiếp xúc với người mắc COVID-19 tại {dia_diem} ngày {ngay}, khoảng {khung_gio}.',
  viecCanLam: 'Việc cần làm:',
  tuTheoDoiSucKhoe: '• Tự theo dõi sức khỏe trong 14 ngày: sốt, ho, đau họng, khó thở, mất vị giác hoặc khứu giác.',
  deoKhauTrangRuaTay: '• Đeo khẩu trang, rửa tay thường xuyên, hạn chế tiếp xúc và tránh nơi đông người.',
  neuCoTrieuChungBam: '• Nếu có triệu chứng: bấm "Tôi có triệu chứng" để cán bộ y tế {xa} liên hệ, hoặc gọi Trạm y tế {xa}; đường dây nóng Bộ Y tế 1900 9095.',
  bamDaNhanDeCan: 'Bấm "Đã nhận" để cán bộ y tế biết bạn đã đọc tin này.',
  den: (p0: string | number, p1: string | number) => `${p0} đến ${p1}`,
  ngayDenNgay: (p0: string | number, p1: string | number, p2: string | number, p3: string | number) => `${p0} ngày ${p1} đến ${p2} ngày ${p3}`,
  nguoiThanCuaBan: (p0: string | number) => `Người thân của bạn (${p0})`,
  ban: 'Bạn',
};

/** Resident-facing sentences of tracing-feature.ts (kept here so all wording is reviewed in one place). */
export const tracingFeatureTexts = {
  eventLine: (id: number, place: boolean, commune: string, open: boolean) =>
    `#${id} ${place ? 'địa điểm' : 'người mắc'}, ${commune}, ${open ? 'đang mở' : 'đã đóng'}`,
  suKien: (p0: string | number) => `Sự kiện #${p0}`,
  xemTruocGuiThem: 'Xem trước / gửi thêm',
  theoDoi: 'Theo dõi',
};

/** Resident-facing sentences of reach.ts (kept here so all wording is reviewed in one place). */
export const reachTexts = {
  daChanHoacRoiKhoi: 'đã chặn hoặc rời khỏi kênh',
  kenhCuaHoDangTat: 'kênh của họ đang tắt',
  zaloOaQua7Ngay: 'Zalo OA: quá 7 ngày chưa nhắn cho OA (Zalo không cho gửi)',
  khongConCuocTroChuyen: 'không còn cuộc trò chuyện nào',
};

/** Resident-facing sentences of follow-up.ts (kept here so all wording is reviewed in one place). */
export const followUpTexts = {
  maCanhBao: 'Mã cảnh báo',
  hoTen: 'Họ tên',
  laNguoiThanCua: 'Là người thân của',
  namSinh: 'Năm sinh',
  soDienThoai: 'Số điện thoại',
  soCccdCmnd: 'Số CCCD/CMND',
  diaDiem: 'Địa điểm',
  khungGioTu: 'Khung giờ từ',
  khungGioDen: 'Khung giờ đến',
  kenh: 'Kênh',
  trangThai: 'Trạng thái',
  daNhanLuc: 'Đã nhận lúc',
  baoTrieuChungLuc: 'Báo triệu chứng lúc',
  nguoiKhaiBao: '(người khai báo)',
  daGui: 'đã gửi',
  khongGuiDuoc: (p0: string | number) => `không gửi được (${p0})`,
};

/** Why a person cannot be reached, as officials read it. */
export const UNREACHABLE_LABELS: Readonly<Record<UnreachableReason, string>> = {
  blocked: reachTexts.daChanHoacRoiKhoi,
  'channel-off': reachTexts.kenhCuaHoDangTat,
  'zalo-oa-window': reachTexts.zaloOaQua7Ngay,
  'no-chat': reachTexts.khongConCuocTroChuyen,
};

/** The alert sent to people who may have been exposed (admins may replace it). */
export const DEFAULT_TEMPLATE = [
  alertTemplateTexts.thongBaoTuCanBo,
  alertTemplateTexts.nguoiCoTheDaTiep,
  '',
  alertTemplateTexts.viecCanLam,
  alertTemplateTexts.tuTheoDoiSucKhoe,
  alertTemplateTexts.deoKhauTrangRuaTay,
  alertTemplateTexts.neuCoTrieuChungBam,
  '',
  alertTemplateTexts.bamDaNhanDeCan,
].join('\n');
