/** Resident-facing sentences of code-page.ts (kept here so all wording is reviewed in one place). */
export const codePageTexts = {
  maKhongHopLe: 'Mã không hợp lệ',
  h1MaQrKhongHop: '<h1>Mã QR không hợp lệ</h1><p>Mã này không phải mã khai báo ra vào của địa phương, hoặc đã bị sửa. Bạn quét lại mã dán tại địa điểm nhé.</p>',
  maDaDuocThay: 'Mã đã được thay',
  h1H1PMaQr: (p0: string | number) => `<h1>${p0}</h1><p>Mã QR này đã được thay bằng mã mới và không còn dùng được. Bạn quét mã mới dán tại địa điểm nhé.</p>`,
  tamNgung: 'Tạm ngừng',
  h1H1PDiaDiem: (p0: string | number) => `<h1>${p0}</h1><p>Địa điểm này đang tạm ngừng nhận khai báo.</p>`,
  aClassBtnZaloHref: (p0: string | number) => `<a class="btn zalo" href="${p0}">Khai báo bằng Zalo (một chạm)</a>`,
  aClassBtnHrefHttps: (p0: string | number, p1: string | number) => `<a class="btn" href="https://t.me/${p0}?start=${p1}">Khai báo qua Telegram</a>`,
  aClassBtnHrefChat: (p0: string | number) => `<a class="btn" href="/chat?start=${p0}">Khai báo ngay trên trình duyệt (thử nghiệm)</a>`,
  khaiBao: (p0: string | number) => `Khai báo: ${p0}`,
  pTroLyChuaDuoc: '<p>Trợ lý chưa được kết nối với Zalo hoặc Telegram.</p>',
  kicker: '<p class="muted">Khai báo ra vào</p>',
  /** `code` arrives HTML-escaped. */
  orType: (code: string) => `<p>Hoặc mở trợ lý trên Zalo/Telegram và nhắn mã số:</p><p class="code">${code}</p>`,
  privacy: '<p class="muted">Trang này không lưu thông tin của bạn. Lượt khai báo chỉ được ghi khi bạn gửi cho trợ lý.</p>',
};

/** Resident-facing sentences of edge.ts (kept here so all wording is reviewed in one place). */
export const edgeTexts = {
  banThaoTacQuaNhanh: (p0: string | number) => `Bạn thao tác quá nhanh, vui lòng thử lại sau ${p0} giây.`,
};

/** Resident-facing sentences of broadcasts.ts (kept here so all wording is reviewed in one place). */
export const broadcastApiTexts = {
  lienKetKhongDungHoac: 'Liên kết không đúng hoặc đã hết hạn.',
};
