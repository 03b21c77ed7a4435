/** Every venue-flow sentence an owner sees. */
export const venueTexts = {
  start: 'Đăng ký mã QR cho địa điểm. Bạn trả lời vài câu hỏi, tôi sẽ gửi mã QR và áp phích để in. Gõ "hủy" để dừng bất cứ lúc nào.',
  askName: 'Tên địa điểm là gì? (ví dụ: Tạp hóa Cô Ba, Trường THCS Phổ Minh, Xe khách 76B-012.34)',
  askType: 'Địa điểm thuộc loại nào? Chọn một mục (hoặc gõ tên loại, ví dụ "cửa hàng"):',
  badType: 'Tôi chưa nhận ra loại địa điểm này. Bạn chọn một mục trong danh sách nhé.',
  askPlate: 'Biển số xe? (ví dụ: 76B-012.34)',
  askRoute: 'Tuyến đường xe chạy? (ví dụ: Đức Phổ - Quảng Ngãi)',
  badRoute: 'Tuyến đường cần từ 3 đến 120 ký tự.',
  askAddress: 'Địa chỉ của địa điểm? (số nhà, đường, thôn/tổ dân phố; với xe: nơi đăng ký xe)',
  askCommune: 'Địa điểm thuộc xã, phường nào? (gõ tên, có dấu hay không dấu đều được, ví dụ: pho minh)',
  pickCommune: 'Bạn chọn đúng xã, phường:',
  noCommune: (input: string) => `Tôi không tìm thấy xã, phường "${input}" trong danh sách của địa phương. Bạn gõ lại tên (ví dụ: Phổ Minh, Bình Châu) nhé.`,
  askPhone: 'Số điện thoại liên hệ của chủ địa điểm? (di động hoặc máy bàn, ví dụ: 0905 123 456 hoặc 0255 3123 456)',
  summary: (lines: string[]) => `Bạn kiểm tra lại thông tin:\n${lines.join('\n')}\n\nĐúng thì bấm "Xác nhận", cần sửa thì chọn mục cần sửa.`,
  done: (name: string, manualCode: string, url: string) =>
    `🎉 Đã tạo mã QR cho "${name}".\nMã số để nhắn: ${manualCode}\nĐường dẫn: ${url}\n\nIn áp phích (khổ A4, mã QR rộng ít nhất 15 cm) và dán ở lối ra vào. Cần thêm mã cho lối vào, quầy hoặc xe khác thì chọn "Địa điểm của tôi".`,
  qrCaption: (name: string) => `Mã QR của ${name}`,
  posterCaption: 'Áp phích để in (bản PDF ở tin nhắn tiếp theo).',
  myVenues: 'Địa điểm của bạn:',
  noVenues: 'Bạn chưa đăng ký địa điểm nào.',
  venueMenu: (name: string, status: string, codes: number) => `${name}\nTrạng thái: ${status === 'active' ? 'đang nhận khai báo' : 'tạm ngừng'}\nSố mã đang dùng: ${codes}`,
  askLabel: 'Tên cho mã mới? (ví dụ: Cổng sau, Quầy thu ngân, Xe 76B-012.34)',
  badLabel: 'Tên mã cần từ 2 đến 60 ký tự.',
  pickCodeToReissue: 'Cấp lại mã nào? Mã cũ sẽ ngừng dùng ngay; lượt khai báo cũ vẫn được giữ.',
  confirmReissue: (venue: string, code: string) =>
    `Cấp mã mới thay cho ${code} của "${venue}"?\nMã cũ và các áp phích đã in sẽ ngừng dùng được ngay; bạn cần in và dán áp phích mới. Lượt khai báo cũ vẫn được giữ.`,
  pickCodeToResend: 'Gửi lại mã và áp phích của mã nào?',
  resent: (name: string, manualCode: string) => `Mã QR và áp phích của "${name}" (mã số ${manualCode}) ở trên. Bạn in khổ A4 và dán ở lối ra vào nhé.`,
  reissued: (manualCode: string) => `Đã cấp mã mới (mã số ${manualCode}). Mã cũ không còn dùng được, bạn thay áp phích mới nhé.`,
  suspended: 'Đã tạm ngừng nhận khai báo ở địa điểm này.',
  resumed: 'Địa điểm đã nhận khai báo trở lại.',
  stats: (name: string, today: number, week: number) => `${name}\nHôm nay: ${today} lượt khai báo\n7 ngày qua: ${week} lượt khai báo\n(Chủ địa điểm chỉ xem được số lượt, không xem được ai đã đến.)`,
  notYours: 'Địa điểm này không thuộc tài khoản của bạn.',
  renderFailed: 'Xin lỗi, tôi chưa tạo được áp phích lúc này. Thông tin đã được lưu; bạn chọn "Địa điểm của tôi" để lấy lại mã sau ít phút nhé.',
} as const;

export const fieldLabels: Record<string, string> = {
  name: 'Tên',
  typeId: 'Loại',
  plate: 'Biển số',
  route: 'Tuyến',
  address: 'Địa chỉ',
  communeId: 'Xã/phường',
  phone: 'Điện thoại',
};

/** Resident-facing sentences of owner-menu.ts (kept here so all wording is reviewed in one place). */
export const ownerMenuTexts = {
  mainCode: 'Mã chính',
  dangKyDiaDiemMoi: 'Đăng ký địa điểm mới',
  soLuotKhaiBao: 'Số lượt khai báo',
  guiLaiMaVaAp: 'Gửi lại mã và áp phích',
  themMaLoiVaoQuay: 'Thêm mã (lối vào, quầy, xe)',
  capLaiMa: 'Cấp lại mã',
  tamNgungNhanKhaiBao: 'Tạm ngừng nhận khai báo',
  moLaiNhanKhaiBao: 'Mở lại nhận khai báo',
  diaDiemCuaToi: 'Địa điểm của tôi',
  quayLai: 'Quay lại',
  capMaMoiBoMa: 'Cấp mã mới, bỏ mã cũ',
  khongGiuMaCu: 'Không, giữ mã cũ',
};

/** Resident-facing sentences of officials-feature.ts (kept here so all wording is reviewed in one place). */
export const venueOfficialTexts = {
  venueLine: (name: string, type: string, commune: string, active: boolean) => `• ${name} — ${type}, ${commune}${active ? '' : ' (tạm ngừng)'}`,
  venueList: (type: string | null, suspended: boolean, lines: readonly string[]) =>
    `Địa điểm${type ? ` loại "${type}"` : ''}${suspended ? ' đang tạm ngừng' : ''} (tối đa 40):\n${lines.join('\n')}`,
  lenhDanhChoCanBo: 'Lệnh dành cho cán bộ xã, phường:\n',
  baocaoTinhHinhTrienKhai: '• /baocao — tình hình triển khai mã QR từng xã, phường\n',
  dsdiadiemLoaiTamNgungDanh: '• /dsdiadiem [loại] [tạm ngừng] — danh sách địa điểm, ví dụ: /dsdiadiem chợ\n',
  cauhoiCauHoiNguoiDan: '• /cauhoi — câu hỏi người dân gửi cán bộ, và trả lời\n',
  batthuongLuotKhaiBaoBat: '• /batthuong — lượt khai báo bất thường 7 ngày qua cần kiểm tra',
  nNlenhDanhChoQuan: '\n\nLệnh dành cho quản trị viên:\n',
  moicanboTenXaPhuongTao: '• /moicanbo <tên xã, phường> — tạo mã mời cán bộ (dùng một lần, trong 48 giờ)\n',
  moicanboQuanTriTaoMa: '• /moicanbo quản trị — tạo mã mời quản trị viên',
  chucNangNayDanhCho: 'Chức năng này dành cho cán bộ xã, phường. Nếu bạn là cán bộ, đề nghị quản trị viên gửi mã mời cho bạn rồi nhắn mã đó vào đây.',
  khongCoXaPhuongNao: (p0: string | number) => `Không có xã, phường nào khớp "${p0}" trong phạm vi của bạn.`,
  khongCoDiaDiemNao: 'Không có địa điểm nào khớp.',
  baoCao: 'báo cáo',
};

/** Resident-facing sentences of flags.ts (kept here so all wording is reviewed in one place). */
export const flagTexts = {
  deletedVisit: '(lượt đã xóa)',
  khongCoLuotKhaiBao: (p0: string | number) => `Không có lượt khai báo bất thường nào trong ${p0} ngày qua.`,
  nguoi: (p0: string | number, p1: string | number, p2: string | number, p3: string | number, p4: string | number) => `• ${p0} — ${p1}, ${p2}: ${p3} — người #${p4}`,
  khaiBaoBatThuongNgay: (p0: string | number, p1: string | number) => `Khai báo bất thường ${p0} ngày qua (mới nhất trước, tối đa ${p1}). Các lượt này vẫn được ghi nhận; `,
  deNghiKiemTraTruoc: (p0: string | number) => `đề nghị kiểm tra trước khi dùng để truy vết:\n${p0}`,
};

/** Resident-facing sentences of reports.ts (kept here so all wording is reviewed in one place). */
export const reportTexts = {
  ma: 'Mã',
  xaPhuong: 'Xã, phường',
  trucThuoc: 'Trực thuộc',
  diaDiemDaDangKy: 'Địa điểm đã đăng ký',
  dangHoatDong: 'Đang hoạt động',
  maQrDaCap: 'Mã QR đã cấp',
  diaDiemCoKhaiBao: 'Địa điểm có khai báo 7 ngày qua',
  diaDiemHoatDongMa: (p0: string | number, p1: string | number, p2: string | number, p3: string | number, p4: string | number) => `• ${p0}: ${p1} địa điểm (${p2} hoạt động), ${p3} mã, ${p4} có khai báo 7 ngày qua`,
  ntongXaPhuongDiaDiem: (p0: string | number, p1: string | number, p2: string | number, p3: string | number, p4: string | number) => `\nTổng ${p0} xã, phường: ${p1} địa điểm (${p2} hoạt động), ${p3} mã, ${p4} có khai báo 7 ngày qua`,
  tinhHinhTrienKhaiMa: (p0: string | number, p1: string | number) => `Tình hình triển khai mã QR:\n${p0}${p1}`,
};

/** Resident-facing sentences of venue-input.ts (kept here so all wording is reviewed in one place). */
export const venueInputTexts = {
  typeKhongCoLoaiDia: (p0: string | number) => `type: không có loại địa điểm "${p0}"`,
  communeKhongTimThay: (p0: string | number) => `commune: không tìm thấy "${p0}"`,
  communeKhopNhieuNoi: (p0: string | number, p1: string | number) => `commune: "${p0}" khớp nhiều nơi: ${p1}`,
  routeBatBuocVoiPhuong: 'route: bắt buộc với phương tiện',
};

/** Resident-facing sentences of venue-flow.ts (kept here so all wording is reviewed in one place). */
export const venueFlowTexts = {
  huy: 'Hủy',
  xacNhan: 'Xác nhận',
  sua: (p0: string | number) => `Sửa ${p0}`,
  diaDiemCuaToi: 'Địa điểm của tôi',
};
