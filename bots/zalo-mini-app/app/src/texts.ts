/** Every word the Mini App shows. Vietnamese, short lines, for small phones. */
export const texts = {
  title: 'Khai báo ra vào',
  loading: 'Đang mở…',
  checkInButton: 'Khai báo vào',
  checkOutButton: 'Khai báo ra',
  familyButton: 'Khai báo cho người thân',
  historyButton: 'Lịch sử',
  back: 'Quay lại',
  retry: 'Thử lại',
  noVenue: 'Bạn mở ứng dụng bằng cách quét mã QR "Quét mã khi ra/vào" dán ở cửa địa điểm nhé.',
  network: 'Không kết nối được máy chủ. Bạn kiểm tra mạng rồi thử lại nhé.',
  privacyTitle: 'Trước khi khai báo lần đầu',
  /** The first-use notice; `days` is the deployment's VISIT_RETENTION_DAYS (from the server). */
  privacy: (days: number) => [
    'Khi bạn bấm "Khai báo vào", ứng dụng lưu: mã định danh Zalo của bạn trong ứng dụng này (không lấy tên, ảnh đại diện hay số điện thoại), địa điểm, giờ vào và giờ ra, và người thân bạn khai báo hộ.',
    'Mục đích duy nhất: để cán bộ y tế của địa phương truy vết và báo cho người từng ở cùng nơi khi có ca bệnh.',
    `Dữ liệu tự xóa sau ${days} ngày. Chỉ bạn xem được lịch sử của mình; bạn có thể xóa bất cứ lúc nào trong mục "Lịch sử".`,
    'Việc xử lý dữ liệu này tuân theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân. Bấm "Khai báo vào" nghĩa là bạn đồng ý.',
  ],
  alertsTitle: 'Nhận cảnh báo phơi nhiễm',
  alertsOffer: 'Ứng dụng này không gửi tin nhắn được. Để được báo khi có người mắc bệnh từng ở cùng nơi với bạn, hãy quan tâm trang Zalo (OA) của xã, phường và liên kết với ứng dụng.',
  alertsFollow: 'Quan tâm và nhận cảnh báo',
  alertsDeclined: 'Bạn chưa quan tâm trang Zalo của xã, phường nên sẽ KHÔNG nhận được cảnh báo phơi nhiễm. Bạn có thể bật lại bất cứ lúc nào ở đây.',
  alertsLinkStep: (message: string) => `Trong khung chat vừa mở có sẵn tin "${message}". Bạn bấm Gửi, rồi quay lại đây và bấm "Đồng ý" để hoàn tất liên kết.`,
  linkWaiting: 'Đang chờ tin liên kết từ khung chat…',
  linkCheck: 'Tôi đã gửi, kiểm tra lại',
  linkNotYet: 'Chưa thấy tin liên kết. Bạn kiểm tra đã bấm Gửi trong khung chat chưa nhé.',
  linkYes: 'Đồng ý',
  linkNo: 'Từ chối',
  alertsNoOa: 'Địa phương chưa có trang Zalo (OA) để gửi cảnh báo, nên ứng dụng KHÔNG gửi được cảnh báo phơi nhiễm cho bạn. Khi có ca bệnh, cán bộ y tế sẽ thông báo qua kênh khác.',
  alertsOn: 'Bạn sẽ nhận được cảnh báo phơi nhiễm qua tin nhắn Zalo.',
  familyTitle: 'Người thân',
  familyEmpty: 'Bạn chưa có người thân nào trong danh sách. Thêm ông bà, con nhỏ… để khai báo hộ.',
  familyPick: 'Chọn người đi cùng bạn:',
  familyCheckIn: 'Khai báo cho người đã chọn',
  familyNoVenue: 'Bạn quét mã ở địa điểm trước, rồi khai báo cho người thân nhé.',
  addTitle: 'Thêm người thân',
  nameLabel: 'Họ và tên',
  yearLabel: 'Năm sinh (có thể bỏ trống)',
  relationLabel: 'Quan hệ (bố, mẹ, con…)',
  add: 'Thêm',
  remove: 'Xóa',
  historyTitle: 'Lịch sử ra vào 14 ngày qua',
  historyEmpty: 'Bạn chưa có lượt khai báo nào trong 14 ngày qua.',
  deleteHistory: 'Xóa lịch sử của tôi',
  confirmDelete: 'Bạn chắc chắn muốn xóa toàn bộ lịch sử ra vào của mình (cả người thân)? Việc này không hoàn tác được.',
  stillIn: 'chưa ra',
  openNow: (venue: string, since: string) => `Bạn đang ở ${venue} từ ${since}.`,
  noToken: 'Zalo chưa cho ứng dụng biết tài khoản của bạn. Bạn thử lại, hoặc đóng ứng dụng rồi mở lại nhé.',
};

const TZ = 'Asia/Ho_Chi_Minh';
const timeFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
const dayFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit' });

/** "08:15 ngày 24/11" in Vietnam time, as the chat writes it. */
export function when(iso: string): string {
  const d = new Date(iso);
  return `${timeFmt.format(d)} ngày ${dayFmt.format(d)}`;
}
