import { when } from '../checkin/texts.js';

/** Every word the invite side of officials says in chat. */
export const officialTexts = {
  joined: (communes: readonly string[]) =>
    `Bạn đã được cấp quyền cán bộ của: ${communes.join(', ')}.\n` +
    'Nhắn /canbo để xem các lệnh dành cho cán bộ. Mọi lần xem hay thay đổi dữ liệu cá nhân của người dân đều được ghi vào nhật ký truy cập.',
  joinedAdmin:
    'Bạn đã được cấp quyền quản trị viên: làm việc với mọi xã, phường của địa bàn và mời cán bộ bằng lệnh /moicanbo.\n' +
    'Nhắn /canbo để xem các lệnh. Mọi lần xem hay thay đổi dữ liệu cá nhân của người dân đều được ghi vào nhật ký truy cập.',
  badInvite: 'Mã mời không đúng, đã được dùng hoặc đã hết hạn (mỗi mã chỉ dùng được một lần, trong 48 giờ). Bạn đề nghị quản trị viên gửi mã mới nhé.',
  tooManyInvites: (minutes: number) => `Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  adminOnly: 'Chỉ quản trị viên mới mời được cán bộ.',
  inviteUsage:
    'Cách dùng:\n• /moicanbo Phổ Minh — mời cán bộ của một xã, phường (nhiều xã thì cách nhau bằng dấu phẩy)\n• /moicanbo quản trị — mời quản trị viên của cả địa bàn',
  unknownCommune: (input: string) => `Không tìm thấy xã, phường "${input}". Bạn kiểm tra lại tên nhé.`,
  ambiguousCommune: (input: string, names: readonly string[]) => `"${input}" khớp với nhiều xã, phường: ${names.join(', ')}. Bạn ghi rõ hơn nhé.`,
  invited: (code: string, scope: string, expiresAt: Date) =>
    `Mã mời ${scope}: ${code}\n\n` +
    'Người được mời nhắn mã này cho trợ lý "Quét mã" (trên Zalo, Telegram hoặc trang thử nghiệm) là được cấp quyền. ' +
    `Mã dùng được một lần, hết hạn lúc ${when(expiresAt)}. Chỉ gửi mã cho đúng người được mời.`,
} as const;

/** Resident-facing sentences of officials-chat.ts (kept here so all wording is reviewed in one place). */
export const officialsChatTexts = {
  quanTriVien: 'quản trị viên',
  canBo: (p0: string | number) => `cán bộ ${p0}`,
};
