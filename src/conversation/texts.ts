import type { Choice } from '../channels/contract.js';

/** Every word the core says to residents. Natural Vietnamese, full diacritics. */
export const texts = {
  welcome: (name?: string) =>
    `Xin chào${name ? ` ${name}` : ''}! Tôi là trợ lý "Quét mã" của xã, phường.\n` +
    'Tôi giúp bạn khai báo ra vào địa điểm bằng mã QR (cho cả người thân không có điện thoại), ' +
    'tạo mã QR cho cửa hàng, cơ quan, và trả lời câu hỏi về đăng ký tiêm chủng.\nBạn cần gì?',
  menuTitle: 'Bạn cần gì? Chọn một mục:',
  help:
    'Hướng dẫn sử dụng:\n' +
    '• Khai báo vào/ra: quét mã QR ở cửa bằng camera, hoặc gửi ảnh chụp mã cho tôi, hoặc nhắn mã số in dưới mã QR.\n' +
    '• Lịch sử ra vào: xem các nơi bạn đã đến trong 14 ngày.\n' +
    '• Đăng ký địa điểm: tạo mã QR và áp phích để in cho cửa hàng, cơ quan, trường học, xe khách...\n' +
    '• Hỏi về tiêm chủng: cứ nhắn câu hỏi như bình thường, có dấu hay không dấu đều được.\n' +
    '• Dùng cả Zalo và Telegram: nhắn LIÊN KẾT để hai nơi dùng chung lịch sử, người thân và đăng ký.\n\n' +
    'Lệnh nhanh: /menu (danh mục), /huy (hủy thao tác đang làm), /lienket (liên kết tài khoản), /trogiup (hướng dẫn).\n' +
    'Cán bộ xã, phường: /canbo để xem các lệnh dành cho cán bộ.',
  comingSoon: (label: string) =>
    `Mục "${label}" chưa mở ở đây. Bạn chọn mục khác trong danh mục nhé.`,
  notUnderstood: 'Xin lỗi, tôi chưa hiểu ý bạn. Bạn chọn một mục dưới đây nhé:',
  unsupported: 'Xin lỗi, tôi chưa đọc được loại tin nhắn này. Bạn hãy gửi chữ, hoặc ảnh chụp mã QR nhé.',
  imageNotReady: 'Tôi đã nhận được ảnh nhưng lúc này chưa đọc được mã QR từ ảnh. Bạn nhắn mã số in dưới mã QR (7 ký tự) nhé.',
  cancelled: 'Đã hủy thao tác đang làm.',
  nothingToCancel: 'Không có thao tác nào đang làm.',
  choiceExpired: 'Lựa chọn này đã cũ. Bạn chọn lại trong danh mục mới nhé:',
  numberedHint: 'Trả lời bằng số thứ tự (ví dụ: 1) để chọn.',
  followThanks: 'Cảm ơn bạn đã quan tâm!',
  /** Short friendly answers to politeness (src/conversation/small-talk.ts); the menu follows. */
  smallTalk: {
    greeting: 'Xin chào! Tôi là trợ lý "Quét mã" của xã, phường. Bạn chọn một mục dưới đây, hoặc cứ nhắn câu hỏi nhé:',
    thanks: 'Dạ, không có chi! Bạn cần gì thêm thì chọn một mục dưới đây nhé:',
    ack: 'Dạ. Bạn cần gì thêm thì chọn một mục dưới đây, hoặc cứ nhắn câu hỏi nhé:',
    bye: 'Chúc bạn một ngày tốt lành! Khi cần, bạn cứ nhắn cho tôi nhé.',
    emoji: '😊 Bạn cần gì thì chọn một mục dưới đây, hoặc cứ nhắn câu hỏi nhé:',
  },
  smallTalkInFlow: {
    greeting: 'Xin chào! Bạn cứ tiếp tục ở trên, hoặc gõ "hủy" để dừng việc đang làm nhé.',
    thanks: 'Dạ, không có chi!',
    ack: 'Dạ.',
    bye: 'Chúc bạn một ngày tốt lành!',
    emoji: '😊',
  },
} as const;

/** The main menu. Later features answer these choice ids; until then the core says they are coming. */
export const mainMenu: readonly Choice[] = [
  { label: 'Khai báo vào/ra (quét mã)', data: 'menu:checkin' },
  { label: 'Lịch sử ra vào của tôi', data: 'menu:history' },
  { label: 'Đăng ký mã QR cho địa điểm', data: 'menu:venue' },
  { label: 'Đăng ký tiêm vắc xin', data: 'menu:register' },
  { label: 'Hỏi về tiêm chủng', data: 'menu:faq' },
  { label: 'Hướng dẫn', data: 'menu:help' },
  { label: 'Xóa dữ liệu của tôi', data: 'menu:erase' },
];

/** The button that ends any flow and shows the menu: one label in every feature, so residents learn it once. */
export const BACK_TO_MENU: Choice = { label: 'Về danh mục', data: 'menu:main' };
