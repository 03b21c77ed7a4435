import { html } from '../html.js';
import { BASE, page } from '../layout.js';
import type { LinkState } from '../auth.js';

/** Shown to anyone without a session: how to get a link (no passwords exist). */
export function signedOutPage(note?: string): string {
  return page(
    { title: 'Đăng nhập bảng điều khiển', error: note },
    html`<div class="card"><p>Bảng điều khiển dành cho cán bộ xã, phường đã được cấp quyền.</p>
<p>Để đăng nhập, hãy nhắn <b>/dangnhap</b> (hoặc «đăng nhập») trong cuộc trò chuyện của bạn với quetma trên Zalo hoặc Telegram. Bạn sẽ nhận một đường dẫn dùng một lần, có hiệu lực 5 phút.</p></div>`,
  );
}

const REASONS: Record<Exclude<LinkState, 'valid'> | 'not_official', string> = {
  used: 'Đường dẫn này đã được dùng. Mỗi đường dẫn chỉ đăng nhập được một lần: hãy nhắn /dangnhap để nhận đường dẫn mới.',
  expired: 'Đường dẫn đã hết hạn (sau 5 phút). Hãy nhắn /dangnhap để nhận đường dẫn mới.',
  unknown: 'Đường dẫn không đúng. Hãy nhắn /dangnhap để nhận đường dẫn mới.',
  not_official: 'Tài khoản cán bộ này không còn quyền truy cập.',
};

export const linkProblem = (reason: keyof typeof REASONS): string => signedOutPage(REASONS[reason]);

/**
 * The link's landing page asks for one click: chat apps open links in previews and crawlers, and
 * a GET must not spend a one-time link.
 */
export function confirmLoginPage(token: string, csrf: string): string {
  return page(
    { title: 'Đăng nhập bảng điều khiển' },
    html`<div class="card"><p>Bấm nút dưới đây để vào bảng điều khiển cán bộ trên thiết bị này.</p>
<form method="post" action="${BASE}/dangnhap/${token}"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" id="login">Đăng nhập</button></form></div>`,
  );
}
