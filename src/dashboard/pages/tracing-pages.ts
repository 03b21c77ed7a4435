import type { FollowUp } from '../../tracing/follow-up.js';
import type { Preview } from '../../tracing/preview-event.js';
import { UNREACHABLE_LABELS, type UnreachableReason } from '../../tracing/reach.js';
import type { VenueDomain } from '../../venue-ops/ports.js';
import { html, num, vnDateTime } from '../html.js';
import { BASE, page } from '../layout.js';
import type { Scope } from '../scope.js';

const STATUS: Record<string, string> = { open: 'Đang theo dõi', closed: 'Đã đóng' };
const KIND: Record<string, string> = { place: 'Theo địa điểm, thời gian', person: 'Theo lịch sử người dương tính' };
const CHANNEL: Record<string, string> = { telegram: 'Telegram', 'zalo-oa': 'Zalo OA', 'zalo-bot': 'Zalo Bot', web: 'Trang thử (web)' };
const VN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The "open by place and time" form: one window of one day (overnight when "đến" is earlier). */
function windowFields(now: Date): ReturnType<typeof html> {
  return html`<label>Ngày<br><input type="date" name="ngay" required value="${VN_DAY.format(now)}"></label>
<label>Từ giờ<br><input type="time" name="tu" required value="07:00"></label><label>Đến giờ<br><input type="time" name="den" required value="10:00"></label>`;
}

/** "Truy vết": the events of the scope, and the two ways to open one. Nothing is sent from here. */
export function tracingListPage(scope: Scope, csrf: string, domain: VenueDomain, events: readonly { id: number; kind: string; communeId: string; status: string; createdAt: string }[], now: Date, error?: string): string {
  const body = html`
<div class="card"><h2>Mở sự kiện theo địa điểm và thời gian</h2>
<p class="muted">Như thông báo của ngành y tế: «Chợ Phổ Minh, 01/12 từ 7:00 đến 10:00». Chưa gửi gì: bạn xem trước số người rồi mới xác nhận gửi.</p>
<form method="post" action="${BASE}/truyvet/mo" class="filters" id="open-place"><input type="hidden" name="_csrf" value="${csrf}">
<label>Địa điểm (tên, mã nhập tay hoặc #số)<br><input name="diadiem" required maxlength="300" placeholder="Chợ Phổ Minh"></label>${windowFields(now)}
<button type="submit">Mở và xem trước</button></form></div>
<div class="card"><h2>Mở sự kiện theo mã chia sẻ của người dương tính</h2>
<p class="muted">Người dân tạo mã trong cuộc trò chuyện («Chia sẻ lịch sử cho cán bộ y tế»), mã dùng được 24 giờ, một lần.</p>
<form method="post" action="${BASE}/truyvet/mo-ma" class="filters"><input type="hidden" name="_csrf" value="${csrf}">
<label>Mã chia sẻ<br><input name="ma" required maxlength="40" placeholder="TV-ABCD-1234"></label>
${scope.communeIds.length > 1 ? html`<label>Xã, phường của sự kiện<br><select name="xa" required>${scope.communeIds.map((id) => html`<option value="${id}">${domain.communeById(id)?.name ?? id}</option>`)}</select></label>` : ''}
<label>Số ngày gần nhất<br><input type="number" name="songay" min="1" max="60" value="14"></label><button type="submit">Mở và xem trước</button></form></div>
<h2>Sự kiện gần đây</h2><div class="scroll"><table id="events"><thead><tr><th>#</th><th>Cách mở</th><th>Xã, phường</th><th>Mở lúc</th><th>Trạng thái</th></tr></thead><tbody>
${events.map((e) => html`<tr><td><a href="${BASE}/truyvet/${e.id}">#${e.id}</a></td><td>${KIND[e.kind] ?? e.kind}</td><td>${domain.communeById(e.communeId)?.name ?? e.communeId}</td><td>${vnDateTime(new Date(e.createdAt))}</td><td>${STATUS[e.status] ?? e.status}</td></tr>`)}
</tbody></table></div>${events.length ? '' : html`<p class="muted">Chưa có sự kiện nào.</p>`}`;
  return page({ title: 'Truy vết', scope, active: '/truyvet', csrf, error }, body);
}

const reasons = (by: Preview['unreachableBy']) =>
  Object.entries(by).map(([k, n]) => html`<li>${num(n ?? 0)}: ${UNREACHABLE_LABELS[k as UnreachableReason] ?? k}</li>`);

/** One event: preview of what a send would do (then confirm), follow-up figures, extend, export, close. */
export function tracingEventPage(scope: Scope, csrf: string, domain: VenueDomain, communeId: string, p: Preview, f: FollowUp, now: Date, msg: { flash?: string | undefined; error?: string | undefined }): string {
  const open = p.status === 'open';
  const canSend = open && p.newPeople > 0 && !p.needsApproval;
  const body = html`
<p>${domain.communeById(communeId)?.name ?? communeId} · <b id="event-status">${STATUS[p.status] ?? p.status}</b></p>
<h2>Khung giờ</h2><ul id="windows">${p.windows.map((w) => html`<li>${w.venue}: ${vnDateTime(new Date(w.from))} – ${vnDateTime(new Date(w.to))}</li>`)}</ul>
<div class="card" id="preview"><h2>Xem trước (chưa gửi)</h2>
<div class="tiles"><div class="tile"><b>${num(p.people)}</b>người liên quan</div><div class="tile"><b id="new-people">${num(p.newPeople)}</b>người chưa được báo</div>
<div class="tile"><b>${num(p.familyMembers)}</b>trong đó người thân khai hộ</div><div class="tile"><b>${num(p.unreachable)}</b>chưa liên lạc được</div></div>
<p>Theo kênh: ${Object.entries(p.byChannel).map(([c, n]) => `${CHANNEL[c] ?? c}: ${num(n)}`).join(' · ') || 'không có'}</p>
${p.unreachable ? html`<p>Không gửi được vì:</p><ul>${reasons(p.unreachableBy)}</ul>` : ''}
${p.needsApproval ? html`<p class="bad">Số người vượt ngưỡng của địa bàn: cần quản trị viên phê duyệt trước khi gửi.</p>` : ''}
${canSend ? html`<form method="post" action="${BASE}/truyvet/${p.eventId}/gui" class="confirm" data-confirm="${`Gửi cảnh báo đến ${p.newPeople - p.unreachable} người? Mỗi người chỉ nhận một lần cho sự kiện này.`}">
<input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="warn" id="send">Xác nhận gửi cảnh báo</button></form>` : ''}
${open && p.needsApproval && scope.isAdmin ? html`<form method="post" action="${BASE}/truyvet/${p.eventId}/duyet" class="confirm" data-confirm="${`Phê duyệt gửi cho ${p.people} người?`}"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">Phê duyệt</button></form>` : ''}
</div>
<div class="card" id="follow-up"><h2>Theo dõi</h2><div class="tiles">
<div class="tile"><b>${num(f.sent)}</b>đã gửi</div><div class="tile"><b>${num(f.delivered)}</b>đã đến máy</div><div class="tile"><b>${num(f.acknowledged)}</b>bấm «Đã nhận»</div>
<div class="tile"><b class="${f.symptoms ? 'bad' : ''}">${num(f.symptoms)}</b>báo có triệu chứng</div><div class="tile"><b>${num(f.unreachable)}</b>không gửi được</div></div>
<p><a class="btn" href="${BASE}/truyvet/${p.eventId}/danh-sach.csv">Tải danh sách tiếp xúc (CSV) cho trạm y tế</a></p></div>
${open ? html`<div class="card"><h2>Thêm địa điểm hoặc khung giờ</h2><p class="muted">Lần gửi sau chỉ báo cho người chưa được báo.</p>
<form method="post" action="${BASE}/truyvet/${p.eventId}/them" class="filters"><input type="hidden" name="_csrf" value="${csrf}">
<label>Địa điểm<br><input name="diadiem" required maxlength="300" value="${p.windows[0]?.venue ?? ''}"></label>${windowFields(now)}<button type="submit">Thêm và xem trước</button></form></div>
<form method="post" action="${BASE}/truyvet/${p.eventId}/dong" class="confirm" data-confirm="Đóng sự kiện? Sau khi đóng không gửi thêm và không ghi nhận phản hồi nữa."><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="warn">Đóng sự kiện</button></form>` : ''}
<p><a href="${BASE}/truyvet">« Danh sách sự kiện</a></p>`;
  return page({ title: `Sự kiện truy vết #${p.eventId}`, scope, active: '/truyvet', csrf, flash: msg.flash, error: msg.error }, body);
}
