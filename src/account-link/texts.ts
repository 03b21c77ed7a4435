/** Names of the chat apps as residents know them. */
export const channelNames: Readonly<Record<string, string>> = {
  telegram: 'Telegram',
  'zalo-oa': 'Zalo (trang của xã, phường)',
  'zalo-bot': 'Zalo Bot',
  web: 'trang thử nghiệm trên web',
  'zalo-mini-app': 'ứng dụng Khai báo trên Zalo (Mini App)',
};

const chatList = (names: readonly string[]) => names.join(', ');

/** Every word account linking says to residents. */
export const linkTexts = {
  code: (spaced: string, plain: string, minutes: number, linked: readonly string[]) =>
    `Mã liên kết của bạn: ${spaced}\n\n` +
    `Mở trợ lý "Quét mã" trên ứng dụng còn lại (Zalo hoặc Telegram) và nhắn: LIÊN KẾT ${plain}\n` +
    `Mã dùng được một lần, trong ${minutes} phút. Sau khi liên kết, lịch sử ra vào, người thân, đăng ký tiêm và địa điểm của bạn dùng chung trên các ứng dụng đó.\n` +
    'Không đưa mã này cho người khác.' +
    (linked.length > 1 ? `\n\nHiện đang liên kết: ${chatList(linked)}.` : ''),
  linked: (linked: readonly string[]) =>
    `Đã liên kết. Từ nay lịch sử ra vào, người thân, đăng ký tiêm và địa điểm của bạn dùng chung trên: ${chatList(linked)}.\n` +
    'Muốn bỏ liên kết, nhắn: HỦY LIÊN KẾT.',
  linkedNotice: (other: string) =>
    `🔗 Tài khoản này vừa được liên kết với ${other}: hai nơi giờ dùng chung lịch sử ra vào, người thân và đăng ký tiêm.\n` +
    'Nếu không phải bạn làm, hãy nhắn HỦY LIÊN KẾT ngay.',
  already: 'Hai tài khoản này đã liên kết với nhau rồi, bạn không cần làm gì thêm.',
  ownCode: 'Đây là mã do chính tài khoản này tạo ra. Bạn hãy nhắn mã này từ ứng dụng còn lại (Zalo hoặc Telegram) nhé.',
  unknown: (minutes: number) =>
    `Mã liên kết không đúng hoặc đã hết hạn (mỗi mã chỉ dùng được một lần, trong ${minutes} phút). ` +
    'Bạn nhắn LIÊN KẾT trên ứng dụng kia để lấy mã mới nhé.',
  tooMany: (minutes: number) => `Bạn đã nhập sai mã liên kết quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  unlinkedThis: 'Đã hủy liên kết. Tài khoản này bắt đầu lại riêng; lịch sử và đăng ký đã có vẫn nằm ở tài khoản kia.',
  unlinkedOthers: (n: number) => `Đã hủy liên kết với ${n} tài khoản khác. Lịch sử và đăng ký vẫn nằm ở tài khoản này.`,
  notLinked: 'Tài khoản này chưa liên kết với tài khoản nào.',
  busy: 'Xin lỗi, tôi chưa tạo được mã liên kết. Bạn thử lại sau ít phút nhé.',
} as const;
