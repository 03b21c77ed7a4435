/** Names of the chat apps as residents know them. */
export const channelNames: Readonly<Record<string, string>> = {
  telegram: 'Telegram',
  'zalo-oa': 'Zalo (trang của xã, phường)',
  'zalo-bot': 'Zalo Bot',
  web: 'trang thử nghiệm trên web',
  'zalo-mini-app': 'ứng dụng Khai báo ra vào trên Zalo (Mini App)',
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
  requested: (issuer: string, minutes: number) =>
    `Đã gửi yêu cầu liên kết. Bạn mở ${issuer} (nơi đã hiện mã) và bấm "Đồng ý" để hoàn tất. Yêu cầu hết hạn sau ${minutes} phút.`,
  requestedInApp: (app: string, minutes: number) =>
    `Đã gửi yêu cầu liên kết. Bạn quay lại ${app} và bấm "Đồng ý" để hoàn tất. Yêu cầu hết hạn sau ${minutes} phút.`,
  confirmAsk: (other: string) =>
    `🔗 Một cuộc trò chuyện khác (${other}) muốn liên kết với tài khoản này bằng mã liên kết bạn vừa lấy. ` +
    'Sau khi liên kết, hai nơi dùng chung lịch sử ra vào, người thân, đăng ký tiêm và địa điểm.\n' +
    'Đồng ý? Nếu không phải bạn vừa nhập mã, hãy bấm "Từ chối".',
  yes: 'Đồng ý',
  no: 'Từ chối',
  declined: 'Đã từ chối. Không có gì được liên kết.',
  declinedNotice: 'Yêu cầu liên kết đã bị từ chối ở ứng dụng kia. Không có gì được liên kết.',
  nothingPending: 'Không có yêu cầu liên kết nào đang chờ, hoặc yêu cầu đã hết hạn. Muốn liên kết, bạn nhắn LIÊN KẾT để lấy mã mới.',
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
