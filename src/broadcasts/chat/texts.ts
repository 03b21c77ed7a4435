/** What officials read in the /thongbao chat flow. */
export const bcTexts = {
  notOfficial: 'Chức năng này dành cho cán bộ xã, phường được cấp quyền.',
  askText: 'Soạn thông báo gửi bà con (tối đa 1.800 ký tự). Nhắn nội dung:',
  askCommunes: 'Gửi cho xã, phường nào? Chọn một, hoặc nhắn tên (nhiều xã cách nhau bằng dấu phẩy).',
  allMine: 'Tất cả xã, phường của tôi',
  askAudience: 'Gửi cho ai?',
  audiences: { residents: 'Người dân đã đăng ký nhận tin', owners: 'Chủ địa điểm', 'pending-registrations': 'Người đăng ký tiêm chưa có lịch' } as Record<string, string>,
  askTime: 'Gửi lúc nào? Chọn "Gửi ngay" hoặc nhắn ngày giờ, ví dụ "15/09/2021 08:00". (Lặp lại hằng ngày/tuần: dùng trang quản trị hoặc dòng lệnh.)',
  now: 'Gửi ngay',
  badTime: 'Chưa hiểu thời gian. Nhắn theo dạng "15/09/2021 08:00", hoặc chọn "Gửi ngay".',
  send: 'Gửi',
  cancel: 'Hủy',
  reasons: {
    'no-consent': 'chưa đồng ý nhận tin',
    'opted-out': 'đã từ chối nhận tin',
    unreachable: 'không liên lạc được',
    'frequency-cap': 'đã nhận đủ 2 tin hôm nay',
    'outside-zalo-window': 'quá 7 ngày không nhắn Zalo OA',
    'channel-off': 'kênh đang tắt',
  } as Record<string, string>,
  created: (id: number, waiting: boolean, when: string) => (waiting ? `Đã tạo thông báo #${id}; đang chờ lãnh đạo phê duyệt vì gửi cho nhiều người.` : `Đã tạo thông báo #${id}; bắt đầu gửi ${when}.`),
  status: (id: number, status: string, counts: string) => `Thông báo #${id}: ${status}. ${counts}`,
  statusNames: { 'awaiting-approval': 'chờ phê duyệt', scheduled: 'đang gửi/đã lên lịch', paused: 'tạm dừng', cancelled: 'đã hủy', done: 'đã xong' } as Record<string, string>,
  none: 'Chưa có thông báo nào.',
};

/** Resident-facing sentences of broadcast-feature.ts (kept here so all wording is reviewed in one place). */
export const broadcastFeatureTexts = {
  canLanhDaoPheDuyet: 'Cần lãnh đạo phê duyệt trước khi gửi.',
  khongThucHienDuoc: (p0: string | number) => `Không thực hiện được: ${p0}`,
  tiepTuc: 'Tiếp tục',
  tamDung: 'Tạm dừng',
  huyThongBao: 'Hủy thông báo',
  tienDo: 'Tiến độ',
  previewHead: (recipients: number, startsAt: string | null, minutes: number) =>
    `Xem trước: ${recipients} người nhận${startsAt ? `, bắt đầu ${startsAt}` : ''}, khoảng ${minutes} phút.`,
  previewCommune: (commune: string, recipients: number, byChannel: readonly string[]) =>
    `• ${commune}: ${recipients} người (${byChannel.join(', ') || 'không ai'})`,
  previewExcluded: (reasons: readonly string[]) => `Không gửi: ${reasons.join('; ')}.`,
};
