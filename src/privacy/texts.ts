/** Resident-facing sentences of erase-feature.ts (kept here so all wording is reviewed in one place). */
export const eraseTexts = {
  banMuonXoaToanBo: 'Bạn muốn xóa toàn bộ dữ liệu của bạn và người thân khai cùng: lịch sử ra vào, người thân, đăng ký tiêm, câu hỏi đã gửi, trên mọi ứng dụng đã liên kết. ',
  lienKetGiuaCacUng: 'Liên kết giữa các ứng dụng cũng bị hủy. Việc này không hoàn tác được.\nBạn chắc chắn chứ?',
  xoaHet: 'Xóa hết',
  khongXoa: 'Không xóa',
  daXoaDuLieuCua: (p0: string | number, p1: string | number, p2: string | number, p3: string | number) => `Đã xóa dữ liệu của bạn: ${p0} lượt khai báo, ${p1} người thân, ${p2} đăng ký tiêm, trên ${p3} cuộc trò chuyện. `,
  diaDiemBanDaDang: 'Địa điểm bạn đã đăng ký mã QR vẫn giữ (người khác đã khai báo ở đó) nhưng không còn gắn với bạn. Nhật ký truy cập của cán bộ không chứa dữ liệu của bạn và được giữ lại.',
  khongXoaGiDuLieu: 'Không xóa gì. Dữ liệu của bạn vẫn như cũ.',
};
