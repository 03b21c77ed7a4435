/**
 * What residents read about consent. Every text that asks for or records a decision has a version:
 * the consent ledger stores the exact text shown with it, so changing a text means a new version.
 */
export const CONSENT_TEXT_VERSION = 'v1-2026-12';

export type Purpose = 'announcements' | 'reminders' | 'exposure-alerts';
export const PURPOSES: readonly Purpose[] = ['announcements', 'reminders', 'exposure-alerts'];

export const purposeNames: Record<Purpose, string> = {
  announcements: 'Thông báo của xã, phường (tuyên truyền, nhắc quét mã, tiêm chủng)',
  reminders: 'Nhắc lịch tiêm vắc xin',
  'exposure-alerts': 'Cảnh báo khi bạn có thể đã tiếp xúc nguồn lây',
};

export const consentTexts = {
  askHome:
    'Bạn có muốn nhận thông báo của xã, phường nơi bạn ở (lịch tiêm, nhắc quét mã, tin phòng dịch) qua cuộc trò chuyện này không? ' +
    'Không bắt buộc; mỗi ngày nhiều nhất 2 tin, không gửi từ 21:00 đến 07:00. Bạn có thể dừng bất cứ lúc nào bằng cách nhắn "DỪNG".',
  askWhich: 'Bạn ở xã, phường nào? Nhắn tên xã, phường (có dấu hay không dấu đều được), ví dụ "Phổ Minh".',
  useRegistration: (name: string) => `Dùng ${name} (trong đăng ký tiêm)`,
  yes: 'Có, chọn xã, phường',
  no: 'Không, cảm ơn',
  clear: 'Không nhận thông báo nữa',
  declined: 'Vâng. Khi nào muốn nhận thông báo của xã, phường, bạn nhắn "đổi xã".',
  notFound: (input: string) => `Chưa tìm thấy xã, phường "${input}". Bạn nhắn lại tên (ví dụ "Phổ Minh"), hoặc chọn "Không nhận thông báo nữa".`,
  pick: 'Có mấy xã, phường gần giống. Bạn chọn một:',
  saved: (name: string) => `Đã ghi nhận: bạn nhận thông báo của ${name}. Muốn đổi xã, nhắn "đổi xã"; muốn dừng, nhắn "DỪNG".`,
  cleared: 'Đã xóa xã, phường của bạn; bạn sẽ không nhận thông báo của xã, phường nữa. Muốn nhận lại, nhắn "đổi xã".',
  changeAsk: (current: string | null) =>
    `${current ? `Bạn đang nhận thông báo của ${current}. ` : ''}Bạn ở xã, phường nào? Nhắn tên xã, phường, hoặc chọn "Không nhận thông báo nữa".`,
  stopped:
    'Đã dừng nhắc lịch tiêm và thông báo của xã, phường: bạn sẽ không nhận các tin này nữa. Cảnh báo tiếp xúc nguồn lây (nếu có) vẫn được gửi vì liên quan sức khỏe của bạn; tắt trong /quyenriengtu. ' +
    'Muốn nhận lại, nhắn "BẮT ĐẦU".',
  resumed: 'Đã bật lại thông báo của xã, phường và nhắc lịch tiêm. Muốn dừng, nhắn "DỪNG".',
  resumedNoHome: 'Đã bật lại nhắc lịch tiêm. Để nhận thông báo của xã, phường, bạn cho biết mình ở xã, phường nào:',
  privacyTitle: 'Quyền riêng tư của bạn (Nghị định 13/2023/NĐ-CP). Bạn đã đồng ý:',
  given: (at: string, where: string) => `đồng ý lúc ${at} (${where})`,
  withdrawn: (at: string, where: string) => `đã rút lúc ${at} (${where})`,
  never: 'chưa hỏi',
  home: (name: string | null) => `Xã, phường nhận thông báo: ${name ?? 'chưa chọn'}.`,
  privacyFoot: 'Chọn một mục để bật hoặc tắt. Mỗi lần bật, tắt đều được ghi lại kèm nội dung bạn đã đọc.',
  toggledOn: (what: string) => `Đã bật: ${what}.`,
  toggledOff: (what: string) => `Đã tắt: ${what}.`,
};

/** Resident-facing sentences of consent-feature.ts (kept here so all wording is reviewed in one place). */
export const consentFeatureTexts = {
  /** A choice or echo: "Bật: ..." when turning on, "Tắt: ..." when turning off. */
  toggle: (on: boolean, purpose: string) => `${on ? 'Bật' : 'Tắt'}: ${purpose}`,
  ban: (p0: string | number, p1: string | number) => `${p0}, bản ${p1}`,
  doiXaPhuong: 'Đổi xã, phường',
  quyenRiengTu: 'Quyền riêng tư',
};
