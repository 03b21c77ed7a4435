import type { Preview } from '../../broadcasts/compose.js';
import type { Progress } from '../../broadcasts/control.js';
import type { ResultRow } from '../../broadcasts/results.js';
import type { VenueDomain } from '../../venue-ops/ports.js';
import { html, num, Safe, vnDateTime } from '../html.js';
import { BASE, page } from '../layout.js';
import type { Scope } from '../scope.js';

export const STATUS: Record<string, string> = { 'awaiting-approval': 'Chờ phê duyệt', scheduled: 'Đã lên lịch', paused: 'Tạm dừng', cancelled: 'Đã hủy', done: 'Đã xong' };
const RUN: Record<string, string> = { due: 'Chờ đến giờ', sending: 'Đang gửi', paused: 'Tạm dừng', done: 'Đã xong', cancelled: 'Đã hủy', missed: 'Bỏ lỡ (máy chủ ngừng quá lâu)' };
const AUDIENCE: Record<string, string> = { residents: 'Người dân đã đồng ý nhận thông báo của xã', owners: 'Chủ địa điểm', 'pending-registrations': 'Người đăng ký tiêm chưa có lịch' };
const EXCLUDED: Record<string, string> = {
  'no-consent': 'chưa đồng ý nhận thông báo',
  'opted-out': 'đã từ chối (DỪNG)',
  unreachable: 'không còn cuộc trò chuyện',
  'frequency-cap': 'đã nhận đủ số tin trong ngày',
  'outside-zalo-window': 'Zalo OA: quá 7 ngày chưa nhắn cho OA',
  'channel-off': 'kênh của họ đang tắt',
};
const CHANNEL: Record<string, string> = { telegram: 'Telegram', 'zalo-oa': 'Zalo OA', 'zalo-bot': 'Zalo Bot', web: 'Trang thử (web)' };
const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
const channels = (by: Readonly<Record<string, number>>) => Object.entries(by).map(([c, n]) => `${CHANNEL[c] ?? c}: ${num(n)}`).join(' · ') || '—';
const eta = (s: number) => (s < 90 ? `${s} giây` : s < 5400 ? `${Math.round(s / 60)} phút` : `${Math.round(s / 3600)} giờ`);

export interface BroadcastListItem {
  readonly id: number;
  readonly status: string;
  readonly text: string;
  readonly communeIds: readonly string[];
  readonly audience: string;
  readonly estimatedRecipients: number;
  readonly createdAt: Date;
}

/** "Thông báo": compose (then preview before anything is sent) and the list of broadcasts. */
export function broadcastListPage(scope: Scope, csrf: string, domain: VenueDomain, list: readonly BroadcastListItem[], msg: { error?: string | undefined; flash?: string | undefined }): string {
  const communes = domain.communes.filter((c) => scope.communeIds.includes(c.id));
  const body = html`
<div class="card"><h2>Soạn thông báo</h2>
<form method="post" action="${BASE}/thongbao/xemtruoc" id="compose"><input type="hidden" name="_csrf" value="${csrf}">
<label>Nội dung<textarea name="noidung" required maxlength="1800" placeholder="Bà con nhớ quét mã QR khi đến chợ, trường học, cơ quan."></textarea></label>
<fieldset><legend>Gửi đến xã, phường</legend><div class="choices">
${communes.map((c) => html`<label><input type="checkbox" name="xa" value="${c.id}" ${communes.length === 1 ? new Safe('checked') : ''}> ${c.name}</label>`)}</div></fieldset>
<div class="filters"><label>Đối tượng<br><select name="doituong">${Object.entries(AUDIENCE).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select></label>
<label>Thời gian<br><select name="khi"><option value="now">Gửi ngay</option><option value="at">Vào ngày giờ</option><option value="daily">Hằng ngày</option><option value="weekly">Hằng tuần</option></select></label>
<label>Ngày<br><input type="date" name="ngay"></label><label>Giờ<br><input type="time" name="gio" value="08:00"></label><label>Lặp đến ngày<br><input type="date" name="den"></label></div>
<p class="muted">Hằng tuần vào: ${WEEKDAYS.map((d, i) => html`<label style="display:inline"><input type="checkbox" name="thu" value="${i}"> ${d}</label> `)}</p>
<div class="filters"><label>Nút liên kết (không bắt buộc)<br><input name="nut" maxlength="40" placeholder="Đăng ký tiêm"></label><label>Địa chỉ liên kết<br><input type="url" name="lienket" placeholder="https://..."></label></div>
<button type="submit">Xem trước</button> <span class="muted">Chưa gửi gì: bạn xem số người nhận, người bị loại và lý do, rồi mới xác nhận.</span></form></div>
<h2>Thông báo đã soạn</h2><div class="scroll"><table id="broadcasts"><thead><tr><th>#</th><th>Nội dung</th><th>Xã, phường</th><th class="n">Dự kiến</th><th>Tạo lúc</th><th>Trạng thái</th></tr></thead><tbody>
${list.map((b) => html`<tr><td><a href="${BASE}/thongbao/${b.id}">#${b.id}</a></td><td>${b.text.length > 80 ? `${b.text.slice(0, 80)}…` : b.text}</td><td>${b.communeIds.map((c) => domain.communeById(c)?.name ?? c).join(', ')}</td>
<td class="n">${num(b.estimatedRecipients)}</td><td>${vnDateTime(b.createdAt)}</td><td>${STATUS[b.status] ?? b.status}</td></tr>`)}
</tbody></table></div>${list.length ? '' : html`<p class="muted">Chưa có thông báo nào.</p>`}`;
  return page({ title: 'Thông báo', scope, active: '/thongbao', csrf, error: msg.error, flash: msg.flash }, body);
}

/** The preview of a composed broadcast; "Gửi" submits the very same input again to create it. */
export function broadcastPreviewPage(scope: Scope, csrf: string, p: Preview, input: string): string {
  const excluded = Object.entries(p.exclusions);
  const body = html`
<div class="tiles"><div class="tile"><b id="recipients">${num(p.recipients)}</b>người sẽ nhận</div><div class="tile"><b>${num(p.people - p.recipients)}</b>không gửi</div>
<div class="tile"><b>${p.startsAt ? vnDateTime(new Date(p.startsAt)) : '—'}</b>bắt đầu gửi${p.firstAt && p.startsAt !== p.firstAt ? ' (sau giờ yên lặng 21:00–07:00)' : ''}</div><div class="tile"><b>${eta(p.etaSeconds)}</b>thời gian gửi ước tính</div></div>
<p>Đối tượng: ${AUDIENCE[p.audience] ?? p.audience}. Theo kênh: ${channels(p.byChannel)}</p>
<div class="scroll"><table id="by-commune"><thead><tr><th>Xã, phường</th><th class="n">Sẽ nhận</th><th class="n">Không gửi</th><th>Theo kênh</th></tr></thead><tbody>
${p.byCommune.map((c) => html`<tr><td>${c.name}</td><td class="n">${num(c.recipients)}</td><td class="n">${num(c.excluded)}</td><td>${channels(c.byChannel)}</td></tr>`)}</tbody></table></div>
${excluded.length ? html`<h2>Không gửi cho</h2><ul id="exclusions">${excluded.map(([k, n]) => html`<li>${num(n)} người: ${EXCLUDED[k] ?? k}</li>`)}</ul>` : ''}
<h2>Tin nhắn trên từng nền tảng</h2>${Object.entries(p.texts).map(([c, t]) => html`<div class="card"><b>${CHANNEL[c] ?? c}</b><pre style="white-space:pre-wrap;font:inherit;margin:.4rem 0 0">${t}</pre></div>`)}
${p.problems.length ? html`<div class="error">${p.problems.join(' ')}</div>` : ''}
${p.needsApproval ? html`<p class="bad">Thông báo này cần quản trị viên phê duyệt (${p.wholeArea ? 'gửi toàn địa bàn' : 'vượt ngưỡng số người nhận'}) trước khi gửi.</p>` : ''}
${p.problems.length ? '' : html`<form method="post" action="${BASE}/thongbao/tao" class="confirm" data-confirm="${p.needsApproval ? 'Lưu thông báo và chờ phê duyệt?' : `Gửi thông báo đến ${p.recipients} người?`}">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="input" value="${input}">
<button type="submit" class="warn" id="confirm-send">${p.needsApproval ? 'Lưu và gửi phê duyệt' : 'Xác nhận gửi'}</button> <a href="${BASE}/thongbao">Hủy, soạn lại</a></form>`}`;
  return page({ title: 'Xem trước thông báo', scope, active: '/thongbao', csrf }, body);
}

/** One broadcast: live progress per run, controls, results per commune, CSV. */
export function broadcastDetailPage(scope: Scope, csrf: string, domain: VenueDomain, p: Progress, results: readonly ResultRow[], flash?: string): string {
  const control = (action: string, label: string, confirm: string, warn = false) =>
    html`<form method="post" action="${BASE}/thongbao/${p.id}/${action}" class="confirm inline" data-confirm="${confirm}"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="${warn ? 'warn' : ''}">${label}</button></form> `;
  const body = html`
<p>Trạng thái: <b id="broadcast-status">${STATUS[p.status] ?? p.status}</b> · ${AUDIENCE[p.audience] ?? p.audience} · ${p.communeIds.map((c) => domain.communeById(c)?.name ?? c).join(', ')}</p>
<div class="card"><pre style="white-space:pre-wrap;font:inherit;margin:0">${p.text}</pre></div>
<p>${p.status === 'awaiting-approval' && scope.isAdmin ? control('duyet', 'Phê duyệt', 'Phê duyệt và cho gửi thông báo này?') : ''}
${p.status === 'scheduled' ? control('tamdung', 'Tạm dừng', 'Tạm dừng gửi? Tin chưa gửi sẽ chờ đến khi tiếp tục.') : ''}
${p.status === 'paused' ? control('tieptuc', 'Tiếp tục', 'Tiếp tục gửi?') : ''}
${['awaiting-approval', 'scheduled', 'paused'].includes(p.status) ? control('huy', 'Hủy thông báo', 'Hủy hẳn thông báo này? Tin chưa gửi sẽ không gửi nữa.', true) : ''}</p>
<h2>Tiến độ</h2><div class="scroll"><table id="runs"><thead><tr><th>Lượt gửi</th><th>Trạng thái</th><th class="n">Đã gửi</th><th class="n">Lỗi</th><th class="n">Không gửi</th><th class="n">Còn lại</th><th>Ước tính</th></tr></thead><tbody>
${p.runs.map((r) => html`<tr><td>${vnDateTime(new Date(r.dueAt))}</td><td>${RUN[r.status] ?? r.status}</td><td class="n">${num(r.counts.sent ?? 0)}</td><td class="n">${num((r.counts.failed ?? 0) + (r.counts.unreachable ?? 0))}</td>
<td class="n">${num((r.counts.excluded ?? 0) + (r.counts.cancelled ?? 0))}</td><td class="n">${num(r.remaining)}</td><td>${r.remaining ? eta(r.etaSeconds) : ''}</td></tr>`)}</tbody></table></div>
${p.runs.length ? '' : html`<p class="muted">Chưa đến lượt gửi nào.</p>`}
<h2>Kết quả theo xã, phường</h2><div class="scroll"><table id="results"><thead><tr><th>Lượt</th><th>Xã, phường</th><th class="n">Người</th><th class="n">Đã gửi</th><th class="n">Đã đến máy</th><th class="n">Đã xem</th><th class="n">Có hành động</th></tr></thead><tbody>
${results.map((r) => html`<tr><td>${vnDateTime(new Date(r.dueAt))}</td><td>${r.communeName}</td><td class="n">${num(r.people)}</td><td class="n">${num(r.sent)}</td><td class="n">${num(r.delivered)}</td><td class="n">${num(r.seen)}</td><td class="n">${num(r.acted)}</td></tr>`)}</tbody></table></div>
<p class="muted">«Có hành động»: bấm nút, đăng ký tiêm hoặc quét mã trong 7 ngày sau tin nhắn. Telegram chỉ báo đã nhận tin, không báo đã xem.</p>
<p><a class="btn" href="${BASE}/thongbao/${p.id}/ket-qua.csv">Tải kết quả (CSV)</a> <a href="${BASE}/thongbao">« Danh sách thông báo</a></p>`;
  return page({ title: `Thông báo #${p.id}`, scope, active: '/thongbao', csrf, flash }, body);
}
