/** Resident-facing sentences of render.ts (kept here so all wording is reviewed in one place). */
export const broadcastRenderTexts = {
  /** A link button's label when the official gave none. */
  defaultButton: 'Xem thêm',
  nhanDungDeKhongNhan: '(Nhắn "DỪNG" để không nhận thông báo nữa.)',
  noiDungDaiKyTu: (p0: string | number, p1: string | number, p2: string | number) => `Nội dung dài ${p0} ký tự, quá giới hạn ${p1} của ${p2}.`,
};
