/** Resident-facing sentences of checks.ts (kept here so all wording is reviewed in one place). */
export const checkTexts = {
  coKyTuKhongHop: (p0: string | number) => `${p0} có ký tự không hợp lệ, bạn gõ lại nhé.`,
  quaNganItNhatKy: (p0: string | number, p1: string | number) => `${p0} quá ngắn (ít nhất ${p1} ký tự).`,
  quaDaiToiDaKy: (p0: string | number, p1: string | number) => `${p0} quá dài (tối đa ${p1} ký tự), bạn viết gọn lại nhé.`,
  canCoChuHoacSo: (p0: string | number) => `${p0} cần có chữ hoặc số.`,
  tenDiaDiem: 'Tên địa điểm',
  diaChi: 'Địa chỉ',
  soDienThoaiChiGom: 'Số điện thoại chỉ gồm chữ số (ví dụ: 0905 123 456).',
  soDienThoaiDiDong: 'Số điện thoại di động cần đủ 10 chữ số (ví dụ: 0905 123 456).',
  dayKhongPhaiSoDi: 'Đây không phải số di động Việt Nam (đầu số 03, 05, 07, 08, 09).',
  soMayBanGom11: 'Số máy bàn gồm 11 chữ số, bắt đầu bằng mã vùng (ví dụ: 0255 3123 456).',
  soMayBanThiGhi: (p0: string | number) => `${p0} Số máy bàn thì ghi cả mã vùng (ví dụ: 0255 3123 456).`,
  bienSoChuaDungDang: 'Biển số chưa đúng dạng, ví dụ: 76B-012.34.',
};

/** Resident-facing sentences of venue-types.ts (kept here so all wording is reviewed in one place). */
export const venueTypeTexts = {
  coQuanDonVi: 'Cơ quan, đơn vị',
  truongHoc: 'Trường học',
  coSoDaoTao: 'Cơ sở đào tạo',
  doanhNghiepNhaXuong: 'Doanh nghiệp, nhà xưởng',
  cuaHang: 'Cửa hàng',
  nhaHangQuanAn: 'Nhà hàng, quán ăn',
  quanCaPheGiaiKhat: 'Quán cà phê, giải khát',
  sieuThi: 'Siêu thị',
  nhaSach: 'Nhà sách',
  cho: 'Chợ',
  nhaGa: 'Nhà ga',
  benTauBenDoBen: 'Bến tàu, bến đò, bến phà',
  benXe: 'Bến xe',
  phuongTienGiaoThongCong: 'Phương tiện giao thông công cộng',
  khuVuiChoiGiaiTri: 'Khu vui chơi, giải trí',
  coSoYTePhong: 'Cơ sở y tế, phòng khám',
  coSoTonGiaoChua: 'Cơ sở tôn giáo (chùa, nhà thờ)',
  khac: 'Khác',
};

/** Resident-facing sentences of poster-layout.ts (kept here so all wording is reviewed in one place). */
export const posterTexts = {
  quetMaQrDeKhai: 'QUÉT MÃ QR ĐỂ KHAI BÁO ĐẾN, ĐI',
  bienSo: (p0: string | number) => `Biển số ${p0}`,
  tuyen: (p0: string | number) => `Tuyến ${p0}`,
  maSo: (p0: string | number, p1: string | number) => `Mã số: ${p0} ${p1}`,
  t1MoCameraDienThoai: '1. Mở camera điện thoại, quét mã QR rồi bấm vào đường dẫn hiện ra.',
  t2HoacGuiAnhChup: '2. Hoặc gửi ảnh chụp mã này cho trợ lý "Quét mã" trên Zalo hoặc Telegram.',
  t3HoacNhanMaSo: (p0: string | number) => `3. Hoặc nhắn mã số ${p0} cho trợ lý trên Zalo hoặc Telegram.`,
};

/** Resident-facing sentences of poster-render.ts (kept here so all wording is reviewed in one place). */
export const posterRenderTexts = {
  maQrKhaiBao: (p0: string | number) => `Mã QR khai báo: ${p0}`,
};
