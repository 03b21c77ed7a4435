/** Every sentence of the vaccination pre-registration flow. */
export const regTexts = {
  start: 'Đăng ký tiêm vắc xin COVID-19 (đăng ký trước để xã, phường xếp lịch). Bạn trả lời lần lượt; gõ "hủy" để dừng bất cứ lúc nào.',
  consentAsk: (days: number) =>
    'Trước khi bắt đầu: tôi sẽ hỏi họ tên, ngày sinh, giới tính, số điện thoại, số CCCD (hoặc CMND, hộ chiếu), thẻ bảo hiểm y tế, nghề nghiệp, nơi ở và vài câu sàng lọc sức khỏe của người được đăng ký (bạn hoặc người thân).\n' +
    `Các thông tin này chỉ dùng để UBND xã, phường và ngành y tế xếp lịch tiêm và nhắc lịch; được xóa ${days} ngày sau buổi tiêm cuối cùng. ` +
    'Bạn có thể hủy đăng ký, hoặc nhắn "XÓA DỮ LIỆU" để xóa hết, bất cứ lúc nào (theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).\n' +
    'Bạn đồng ý cung cấp các thông tin này không?',
  consentAgain: 'Tôi chỉ hỏi và ghi thông tin khi bạn đồng ý. Bạn bấm "Đồng ý" để bắt đầu, hoặc "Không đồng ý" để dừng.',
  agree: 'Đồng ý',
  refuse: 'Không đồng ý',
  refused: 'Không sao, tôi không lưu thông tin nào của bạn. Bạn vẫn có thể đăng ký tiêm trực tiếp tại trạm y tế xã, phường.',
  who: 'Bạn đăng ký cho ai?',
  relation: 'Người được đăng ký là gì của bạn? (ví dụ: mẹ, bố, con, ông, bà)',
  fullName: 'Họ và tên đầy đủ (như trên CCCD/CMND)?',
  birthDate: 'Ngày sinh? (ngày/tháng/năm, ví dụ: 05/03/1960)',
  gender: 'Giới tính?',
  phone: 'Số điện thoại di động để liên lạc? (có thể là số của bạn nếu người thân không có điện thoại)',
  idNumber: 'Số CCCD (12 số), CMND (9 số) hoặc hộ chiếu?',
  insurance: 'Số thẻ bảo hiểm y tế? (không có thì gõ "bỏ qua")',
  occupation: 'Nghề nghiệp? (ví dụ: nông dân, buôn bán, giáo viên, hưu trí)',
  priority: (lines: string) => `Thuộc nhóm ưu tiên nào (theo Nghị quyết 21/NQ-CP)? Gõ số:\n${lines}`,
  commune: 'Đang ở xã, phường nào? (gõ tên, ví dụ: pho minh)',
  pickCommune: 'Bạn chọn đúng xã, phường:',
  noCommune: (input: string) => `Tôi không tìm thấy xã, phường "${input}". Bạn gõ lại tên nhé.`,
  address: 'Địa chỉ nơi ở hiện tại? (số nhà, thôn/tổ dân phố)',
  preferredDate: 'Ngày mong muốn được tiêm? (ngày/tháng/năm)',
  screeningIntro: 'Vài câu hỏi sàng lọc (chỉ để bác sĩ chuẩn bị; bác sĩ sẽ khám lại khi tiêm):',
  summary: (lines: string[]) =>
    `Thông tin đăng ký:\n${lines.join('\n')}\n\nBấm "Gửi đăng ký" nếu thông tin đúng. Cần sửa mục nào thì chọn mục đó.`,
  send: 'Gửi đăng ký',
  saved: (id: number, name: string) =>
    `✅ Đã ghi nhận đăng ký tiêm số ${id} cho ${name}. Khi xã, phường xếp lịch, tôi sẽ nhắn ngày giờ và địa điểm, nhắc trước 1 ngày và 2 giờ. Xem hoặc hủy đăng ký: gõ /dangkycuatoi.`,
  duplicate: (name: string, ownId: number | null) =>
    `Số giấy tờ này đã có đăng ký tiêm đang chờ (${name}${ownId ? `, đăng ký số ${ownId}` : ''}). Mỗi người chỉ cần một đăng ký; nếu gõ nhầm số, bạn chọn "Sửa số giấy tờ".`,
  needSend: 'Tôi chỉ gửi đăng ký khi bạn bấm "Gửi đăng ký". Bạn bấm nút đó, chọn mục cần sửa, hoặc gõ "hủy".',
  none: 'Bạn chưa có đăng ký tiêm nào. Gõ /dangkytiem để đăng ký.',
  mine: (lines: string[]) => `Đăng ký tiêm của bạn:\n${lines.join('\n')}`,
  cancelAsk: (id: number) => `Hủy đăng ký số ${id}? Lịch nhắc (nếu có) cũng dừng.`,
  cancelled: (id: number) => `Đã hủy đăng ký số ${id}.`,
  cannotCancel: 'Không tìm thấy đăng ký này, hoặc đăng ký đã được hủy.',
  optedOut: 'Đã dừng nhắc lịch tiêm. Khi muốn nhận lại, nhắn "BẮT ĐẦU".',
  optedIn: 'Đã bật lại nhắc lịch tiêm.',
  appointed: (when: string, place: string) => `📅 Bạn đã được xếp lịch tiêm lúc ${when} tại ${place}. Tôi sẽ nhắc trước 1 ngày và 2 giờ.`,
} as const;

export const fieldNames: Record<string, string> = {
  relation: 'Quan hệ',
  fullName: 'Họ tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  phone: 'Điện thoại',
  idNumber: 'Số giấy tờ',
  insurance: 'Thẻ BHYT',
  occupation: 'Nghề nghiệp',
  priority: 'Nhóm ưu tiên',
  commune: 'Xã/phường',
  address: 'Địa chỉ',
  preferredDate: 'Ngày mong muốn',
  screening: 'Câu hỏi sàng lọc',
};
