/**
 * Every sentence the dashboard's routes, use-cases and the chat login say to officials, kept in one
 * place for review. The HTML pages (src/dashboard/pages, layout.ts) are views and hold their own
 * labels; what a route decides to say (flash messages, refusals, import errors) lives here.
 */
export const dashboardTexts = {
  menu: 'Về danh mục',
  login: {
    notOfficial: 'Chức năng đăng nhập bảng điều khiển dành cho cán bộ xã, phường đã được cấp quyền. Nếu bạn là cán bộ, đề nghị quản trị viên cấp quyền cho bạn.',
    link: (url: string, minutes: number) =>
      `Đường dẫn đăng nhập bảng điều khiển cán bộ (dùng một lần, hết hạn sau ${minutes} phút):\n${url}\n\nKhông chuyển đường dẫn này cho người khác.`,
    limited: 'Bạn đã xin quá nhiều đường dẫn đăng nhập trong 15 phút qua. Vui lòng thử lại sau.',
  },
  errors: {
    byStatus: {
      403: 'Bạn không có quyền xem mục này: nó thuộc xã, phường khác với phạm vi được giao.',
      404: 'Không tìm thấy mục này.',
      413: 'Tệp quá lớn (tối đa 2 MB).',
      429: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
    } as Record<number, string>,
    csrf: 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi thử lại.',
    server: 'Có lỗi ở máy chủ, vui lòng thử lại sau.',
    badRequest: 'Yêu cầu không hợp lệ.',
    forbiddenTitle: 'Không có quyền',
    failedTitle: 'Không thực hiện được',
    backToOverview: '« Về tổng quan',
  },
  broadcasts: {
    flash: {
      created: 'Đã lưu thông báo; hệ thống gửi theo lịch, tránh giờ yên lặng 21:00–07:00.',
      waiting: 'Đã lưu thông báo; đang chờ quản trị viên phê duyệt.',
      duyet: 'Đã phê duyệt.',
      tamdung: 'Đã tạm dừng.',
      tieptuc: 'Đã tiếp tục gửi.',
      huy: 'Đã hủy thông báo.',
    } as Record<string, string>,
    badText: 'Nội dung trống hoặc quá dài (tối đa 1.800 ký tự).',
    noCommune: 'Hãy chọn ít nhất một xã, phường.',
    past: 'Thời gian gửi đã qua.',
    badSchedule: 'Lịch gửi chưa đúng: hãy chọn ngày, giờ (và ngày kết thúc, các thứ trong tuần khi lặp lại).',
    badButton: 'Nút liên kết cần cả tên nút và địa chỉ bắt đầu bằng https://.',
    notCreated: (reason: string) => `Không tạo được thông báo: ${reason}`,
    badForm: 'Biểu mẫu không hợp lệ, hãy soạn lại.',
  },
  pages: {
    flash: {
      answered: 'Đã gửi câu trả lời đến người hỏi.',
      already: 'Câu hỏi này đã được trả lời trước đó.',
      short: 'Câu trả lời quá ngắn.',
      suspended: 'Đã tạm ngừng địa điểm: mọi mã của địa điểm không nhận khai báo.',
      active: 'Địa điểm đã hoạt động lại.',
      reissued: 'Đã cấp mã mới; mã cũ ngừng hoạt động ngay.',
      appointed: 'Đã xếp lịch tiêm; người dân sẽ nhận lời nhắc.',
      badtime: 'Ngày giờ chưa đúng (ví dụ: 15/09/2021 08:30) hoặc đã qua.',
    } as Record<string, string>,
    venuesTitle: 'Địa điểm',
    silentVenuesTitle: 'Địa điểm không có khai báo 7 ngày (cần kiểm tra)',
  },
  system: {
    flash: { revoked: 'Đã thu hồi quyền của cán bộ. Phiên đăng nhập và khóa API của họ ngừng ngay.' } as Record<string, string>,
    errors: {
      self: 'Bạn không thể tự thu hồi quyền của mình; hãy nhờ một quản trị khác.',
      gone: 'Cán bộ này đã bị thu hồi quyền hoặc không tồn tại.',
      nocommune: 'Cán bộ xã, phường cần ít nhất một xã, phường.',
    } as Record<string, string>,
  },
  tracing: {
    /** Keyed by the tracing use-cases' stable error codes (their messages are English). */
    problems: {
      venue_not_found: 'Không tìm thấy địa điểm này trong xã, phường của bạn. Hãy nhập tên khác, mã nhập tay hoặc #số địa điểm.',
      venue_ambiguous: 'Có nhiều địa điểm khớp với tên này. Hãy nhập mã nhập tay hoặc #số của đúng địa điểm (xem mục Địa điểm).',
      bad_window: 'Khung giờ chưa đúng: phải đã qua, dài tối đa 24 giờ và còn trong thời gian lưu khai báo.',
      approval_required: 'Số người vượt ngưỡng của địa bàn: cần quản trị viên phê duyệt trước khi gửi.',
      event_closed: 'Sự kiện đã đóng.',
      bad_share_code: 'Mã chia sẻ có dạng TV-XXXX-XXXX.',
      share_code_unknown: 'Không có mã chia sẻ này.',
      share_code_expired: 'Mã chia sẻ đã quá 24 giờ; hãy nhờ người dân tạo mã mới.',
      share_code_used: 'Mã chia sẻ này đã được dùng.',
      commune_required: 'Hãy chọn xã, phường của sự kiện (trong phạm vi của bạn).',
      bad_days: 'Số ngày phải là số nguyên từ 1.',
    } as Record<string, string>,
    flash: { sent: 'Đã gửi cảnh báo.', approved: 'Đã phê duyệt; bây giờ có thể gửi.', closed: 'Đã đóng sự kiện.', extended: 'Đã thêm khung giờ.' } as Record<string, string>,
    willReceive: (n: string) => ` ${n} người sẽ nhận trong ít phút.`,
  },
  appointmentImport: {
    notCsv: (reason: string) => `Tệp không đọc được như CSV: ${reason}`,
    header: 'Dòng tiêu đề cần các cột: Số, Ngày, Giờ, Địa điểm (hoặc Số, Lịch tiêm, Địa điểm).',
    badId: (raw: string) => `Số đăng ký "${raw}" không hợp lệ.`,
    badWhen: (raw: string) => `Ngày giờ "${raw}" không đúng dạng ngày/tháng/năm giờ:phút.`,
    past: 'Giờ hẹn tiêm đã qua.',
    noPlace: 'Thiếu địa điểm tiêm.',
    notInScope: (id: number) => `Không có đăng ký số ${id} ở xã, phường bạn phụ trách.`,
    cancelled: (id: number) => `Đăng ký số ${id} đã hủy.`,
    repeated: (id: number) => `Số ${id} lặp lại trong tệp.`,
  },
  exports: {
    overview: {
      code: 'Mã',
      commune: 'Xã, phường',
      venues: 'Địa điểm có mã QR',
      activeVenues: 'Địa điểm hoạt động (7 ngày)',
      activeShare: 'Tỉ lệ hoạt động (%)',
      codes: 'Mã QR đã cấp',
      checkIns30d: 'Lượt khai báo (30 ngày)',
      residents: 'Người dân đã khai báo (30 ngày)',
      registrations: 'Đăng ký tiêm',
      scheduled: 'Đã xếp lịch',
      questionsWaiting: 'Câu hỏi chờ trả lời',
    },
    /** The national portal's import template's column names, as far as it is publicly known. */
    portal: {
      fullName: 'Họ và tên',
      birthDate: 'Ngày sinh',
      gender: 'Giới tính',
      priority: 'Nhóm ưu tiên',
      occupation: 'Nghề nghiệp',
      phone: 'Số điện thoại',
      idNumber: 'Số CMND/CCCD/Hộ chiếu',
      insurance: 'Số thẻ BHYT',
      commune: 'Xã/phường',
      address: 'Địa chỉ chi tiết',
      preferredDate: 'Ngày tiêm mong muốn',
      quetmaId: 'Mã đăng ký quetma',
    },
  },
  overview: { total: 'Toàn địa bàn', sheet: 'Tổng quan' },
  /** Said in place of a commune's name when a question came without one. */
  someCommune: 'xã, phường',
  age: { minutes: (n: number) => `${n} phút`, hours: (n: number) => `${n} giờ`, days: (n: number) => `${n} ngày` },
};
