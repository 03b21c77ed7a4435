/** Every sentence the Mini App API sends back for the app to show (check-in wording itself comes from src/checkin/texts.ts). */
export const miniAppTexts = {
  badRequest: 'Yêu cầu không hợp lệ. Bạn đóng ứng dụng rồi quét lại mã nhé.',
  unauthorized: 'Không xác minh được tài khoản Zalo của bạn. Bạn đóng ứng dụng rồi mở lại nhé.',
  graphDown: 'Zalo đang bận nên chưa xác minh được tài khoản của bạn. Bạn thử lại sau ít phút nhé.',
  invalidVenue: 'Mã QR này không phải mã khai báo ra vào của địa phương, hoặc đã bị sửa. Bạn quét lại mã dán tại địa điểm nhé.',
  noVenueInLink: 'Bạn mở ứng dụng bằng cách quét mã QR dán ở cửa địa điểm nhé.',
  badDependentName: 'Tên cần từ 2 đến 60 ký tự. Bạn nhập lại nhé.',
  badDependentYear: 'Năm sinh chưa đúng. Bạn nhập 4 chữ số, ví dụ 1952, hoặc để trống.',
  linkBusy: 'Chưa tạo được mã liên kết, bạn thử lại nhé.',
  /** What the resident types in the other chat app; the chat reads it back in src/account-link. */
  linkMessage: (code: string) => `LIÊN KẾT ${code}`,
  notFound: 'Không tìm thấy người thân này trong danh sách của bạn.',
};
