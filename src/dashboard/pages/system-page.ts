import type { ChannelActivity } from '../../db/repos/system-repo.js';
import type { VenueDomain } from '../../venue-ops/ports.js';
import { html, num, vnDateTime } from '../html.js';
import { BASE, page } from '../layout.js';
import type { Scope } from '../scope.js';

export interface SystemView {
  readonly now: Date;
  readonly bots: readonly ChannelActivity[];
  readonly tokens: readonly { appId: string; expiresAt: Date; updatedAt: Date }[];
  readonly officials: readonly { id: number; channel: string; role: string; displayName: string | null; communeIds: string[]; createdAt: Date; revokedAt: Date | null }[];
  readonly invites: readonly { id: number; role: string; communeIds: string[]; displayName: string | null; createdAt: Date; expiresAt: Date; usedAt: Date | null; usedBy: number | null }[];
}

/** A code just made: shown once, on the answer to the form that made it, never in a URL. */
export interface FreshInvite {
  readonly code: string;
  readonly expiresAt: Date;
  readonly role: string;
  readonly communes: readonly string[];
}

const roleName = (role: string) => (role === 'admin' ? 'quản trị (toàn địa bàn)' : 'cán bộ xã, phường');

/** "Hệ thống" (district admins): channels, Zalo OA token, queues, officials and invites. */
export function systemPage(scope: Scope, csrf: string, domain: VenueDomain, v: SystemView, msg: { flash?: string | undefined; error?: string | undefined; fresh?: FreshInvite | undefined }): string {
  const communeName = (id: string) => domain.communeById(id)?.name ?? id;
  const communes = domain.communes.filter((c) => !c.mergedInto);
  const inviteState = (i: SystemView['invites'][number]) => (i.usedAt ? `đã dùng ${vnDateTime(i.usedAt)}${i.usedBy ? ` (cán bộ #${i.usedBy})` : ''}` : i.expiresAt.getTime() < v.now.getTime() ? 'hết hạn' : `chờ dùng, hết hạn ${vnDateTime(i.expiresAt)}`);
  const body = html`
${msg.fresh ? html`<div class="card" id="fresh-invite" role="status"><h2>Mã mời mới (chỉ hiện một lần)</h2>
<p style="font-size:1.6rem;letter-spacing:.08em"><b id="invite-code">${msg.fresh.code}</b></p>
<p>Vai trò: ${roleName(msg.fresh.role)}${msg.fresh.communes.length ? ` · ${msg.fresh.communes.join(', ')}` : ''}. Hết hạn lúc ${vnDateTime(msg.fresh.expiresAt)}.</p>
<p class="muted">Gửi mã này riêng cho cán bộ được mời. Cán bộ nhắn mã vào Zalo hoặc Telegram của quetma để nhận quyền; mã chỉ dùng được một lần. Hệ thống không lưu mã, nếu làm mất hãy tạo mã khác.</p></div>` : ''}
<h2>Cán bộ</h2><div class="scroll"><table id="officials"><thead><tr><th>#</th><th>Tên</th><th>Vai trò</th><th>Kênh</th><th>Xã, phường</th><th>Cấp quyền</th><th></th></tr></thead><tbody>
${v.officials.map((o) => html`<tr><td>${o.id}</td><td>${o.displayName ?? ''}</td><td>${o.role === 'admin' ? 'quản trị' : 'cán bộ'}${o.revokedAt ? html` <span class="bad">(đã thu hồi ${vnDateTime(o.revokedAt)})</span>` : ''}</td><td>${o.channel}</td>
<td>${o.role === 'admin' ? 'toàn địa bàn' : o.communeIds.map(communeName).join(', ')}</td><td>${vnDateTime(o.createdAt)}</td>
<td>${o.revokedAt || o.id === scope.official.id ? '' : html`<form method="post" action="${BASE}/hethong/canbo/${o.id}/thuhoi" class="confirm revoke" data-confirm="${`Thu hồi quyền của cán bộ #${o.id}${o.displayName ? ` (${o.displayName})` : ''}? Họ không dùng được lệnh cán bộ, bảng điều khiển và khóa API nữa.`}">
<input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="warn">Thu hồi quyền</button></form>`}</td></tr>`)}
</tbody></table></div>
<div class="card"><h2>Mời cán bộ</h2>
<form method="post" action="${BASE}/hethong/moi" class="confirm" id="invite-form" data-confirm="Tạo mã mời? Ai có mã này sẽ nhận quyền đã chọn.">
<input type="hidden" name="_csrf" value="${csrf}">
<label>Tên gợi nhớ (không bắt buộc)<br><input name="ten" maxlength="80" placeholder="Nguyễn Thị Hoa, văn hóa xã"></label>
<label>Vai trò<br><select name="vaitro"><option value="official">Cán bộ xã, phường</option><option value="admin">Quản trị (toàn địa bàn)</option></select></label>
<fieldset><legend>Xã, phường (với cán bộ xã, phường)</legend><div class="choices">
${communes.map((c) => html`<label><input type="checkbox" name="xa" value="${c.id}"> ${c.name}</label>`)}</div></fieldset>
<button type="submit">Tạo mã mời</button></form></div>
<h2>Mã mời gần đây (30 ngày)</h2><div class="scroll"><table id="invites"><thead><tr><th>#</th><th>Tên</th><th>Vai trò</th><th>Xã, phường</th><th>Tạo lúc</th><th>Tình trạng</th></tr></thead><tbody>
${v.invites.map((i) => html`<tr><td>${i.id}</td><td>${i.displayName ?? ''}</td><td>${roleName(i.role)}</td><td>${i.communeIds.map(communeName).join(', ')}</td><td>${vnDateTime(i.createdAt)}</td><td>${inviteState(i)}</td></tr>`)}
</tbody></table></div>
<h2>Kênh nhắn tin</h2><div class="scroll"><table id="channels"><thead><tr><th>Kênh</th><th>Tin đến gần nhất</th><th>Gửi thành công gần nhất</th><th class="n">Lỗi gửi 24 giờ</th><th>Lỗi gần nhất</th></tr></thead><tbody>
${v.bots.map((b) => html`<tr><td>${b.channel} · ${b.botId}</td><td>${vnDateTime(b.lastInbound) || 'chưa có'}</td><td>${vnDateTime(b.lastSent) || 'chưa có'}</td><td class="n ${b.failed24h ? 'bad' : ''}">${num(b.failed24h)}</td><td>${b.lastError ? `${vnDateTime(b.lastErrorAt)}: ${b.lastError.slice(0, 160)}` : ''}</td></tr>`)}
</tbody></table></div>
<h2>Zalo OA: hạn token</h2>${v.tokens.length ? html`<ul>${v.tokens.map((t) => html`<li>Ứng dụng ${t.appId}: hết hạn ${vnDateTime(t.expiresAt)}${t.expiresAt.getTime() < v.now.getTime() ? html` <span class="bad">(đã hết hạn)</span>` : ''}, làm mới lúc ${vnDateTime(t.updatedAt)}</li>`)}</ul>` : html`<p class="muted">Chưa cấu hình Zalo OA.</p>`}
<h2>Hàng đợi</h2><p><a class="btn" href="${BASE}/hethong/hangdoi">Mở Bull Board</a></p>`;
  return page({ title: 'Hệ thống', scope, active: '/hethong', csrf, flash: msg.flash, error: msg.error }, body);
}
