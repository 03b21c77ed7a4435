/**
 * Words the simulator page shows that the bot itself does not say. The page holds `{{key}}` in its
 * markup and reads `T.key` in its script; routes.ts fills both in when it serves the page, so every
 * Vietnamese word of the page is reviewed here with the bot's own texts.
 */
export const webTexts = {
  tieuDe: 'Quét mã — trò chuyện thử',
  tieuDeTrang: 'Quét mã — trò chuyện thử với trợ lý',
  toiLa: 'Tôi là:',
  nguoiDan: 'Người dân',
  chuDiaDiem: 'Chủ địa điểm',
  guiAnh: 'Gửi ảnh',
  nhapTinNhan: 'Nhập tin nhắn…',
  gui: 'Gửi',
  /** Shown under the chat while the bot is still working on the person's message. */
  dangTraLoi: 'Đang trả lời…',
  anh: 'ảnh',
  tep: 'tệp',
  khongGuiDuoc: 'Không gửi được, bạn thử lại sau nhé.',
  matKetNoi: 'Mất kết nối, đang thử lại…',
  anhQuaLon: 'Ảnh quá lớn (tối đa 10 MB). Bạn chọn ảnh nhỏ hơn nhé.',
  khongGuiDuocAnh: 'Không gửi được ảnh, bạn thử lại sau nhé.',
};
