/** Resident-facing sentences of render.ts (kept here so all wording is reviewed in one place). */
export const broadcastRenderTexts = {
  /** A link button's label when the official gave none. */
  defaultButton: 'Xem thêm',
  nhanDungDeKhongNhan: '(Nhắn "DỪNG" để không nhận thông báo nữa.)',
  noiDungDaiKyTu: (p0: string | number, p1: string | number, p2: string | number) => `Nội dung dài ${p0} ký tự, quá giới hạn ${p1} của ${p2}.`,
};

/** Column names of a broadcast's results CSV, for officials opening it in Excel. */
export const broadcastResultTexts = {
  csvHeader: [
    'Lượt gửi', 'Thời điểm gửi', 'Mã xã, phường', 'Xã, phường', 'Số người', 'Không gửi', 'Đã gửi', 'Gửi lỗi',
    'Đã nhận', 'Đã xem', 'Có hành động', 'Bấm nút', 'Đăng ký tiêm', 'Khai báo ra vào',
  ] as const,
};
