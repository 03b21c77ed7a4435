import type { QuestionRow } from '../../db/repos/question-repo.js';
import type { RegistrationRow } from '../../db/repos/registration-repo.js';
import { showVnDateTime } from '../../registration/reminder-plan.js';
import type { VenueDomain } from '../../venue-ops/ports.js';
import { age, html, num, Safe, vnDateTime } from '../html.js';
import { BASE, page } from '../layout.js';
import type { Scope } from '../scope.js';
import type { ImportReport } from '../use-cases/appointment-import.js';

const commune = (domain: VenueDomain, id: string | null) => (id ? domain.communeById(id)?.name ?? id : 'chưa rõ');
const sel = (on: boolean) => (on ? new Safe('selected') : '');

/** "Hỏi đáp": waiting questions, oldest first, each with an answer box. */
export function questionsPage(scope: Scope, csrf: string, domain: VenueDomain, questions: readonly QuestionRow[], now: Date, flash?: string, error?: string): string {
  const body = html`<p class="muted">${num(questions.length)} câu hỏi chờ trả lời, lâu nhất trước. Câu trả lời được gửi vào đúng cuộc trò chuyện của người hỏi.</p>
${questions.map((q) => html`<div class="card question" id="q${q.id}"><p><b>#${q.id}</b> · ${commune(domain, q.communeId)} · chờ <span class="${now.getTime() - q.createdAt.getTime() > 86_400_000 ? 'bad' : ''}">${age(q.createdAt, now)}</span></p>
<p>«${q.text}»</p><form method="post" action="${BASE}/hoidap/${q.id}/traloi"><input type="hidden" name="_csrf" value="${csrf}">
<label>Trả lời<textarea name="answer" required minlength="2" maxlength="4000"></textarea></label><button type="submit">Gửi câu trả lời</button></form></div>`)}`;
  return page({ title: 'Hỏi đáp', scope, active: '/hoidap', csrf, flash, error }, body);
}

const STATUS: Record<string, string> = { registered: 'Chờ xếp lịch', scheduled: 'Đã xếp lịch', cancelled: 'Đã hủy' };

/** "Đăng ký tiêm": filters, one appointment per row, the CSV import and the exports. */
export function registrationsPage(scope: Scope, csrf: string, domain: VenueDomain, f: { communeId?: string | undefined; status?: string | undefined }, rows: readonly RegistrationRow[], report?: ImportReport, flash?: string, error?: string): string {
  const communes = domain.communes.filter((c) => scope.communeIds.includes(c.id));
  const shown = rows.slice(0, 300);
  const qs = new URLSearchParams({ ...(f.communeId ? { xa: f.communeId } : {}), ...(f.status ? { trangthai: f.status } : {}) }).toString();
  const body = html`
<form class="filters" method="get" action="${BASE}/dangky">
  ${communes.length > 1 ? html`<label>Xã, phường<br><select name="xa"><option value="">Tất cả</option>${communes.map((c) => html`<option value="${c.id}" ${sel(c.id === f.communeId)}>${c.name}</option>`)}</select></label>` : ''}
  <label>Trạng thái<br><select name="trangthai"><option value="">Tất cả</option>${Object.entries(STATUS).map(([k, v]) => html`<option value="${k}" ${sel(k === f.status)}>${v}</option>`)}</select></label>
  <button type="submit">Lọc</button>
</form>
<p><a class="btn" href="${BASE}/xuat/dangky-cong-quoc-gia.xlsx${qs ? `?${qs}` : ''}">Tải Excel cho Cổng tiêm chủng quốc gia</a> <a class="btn" href="${BASE}/xuat/dangky.csv${qs ? `?${qs}` : ''}">Tải CSV đầy đủ</a></p>
<div class="card"><h2>Nhập lịch tiêm từ trạm y tế (CSV)</h2>
<p class="muted">Cột: <b>Số, Ngày, Giờ, Địa điểm</b> (Số là số đăng ký trong tệp xuất; ngày dạng 15/09/2021, giờ 08:30). Dòng sai được báo lại, dòng đúng vẫn được nhập và người dân nhận lịch nhắc.</p>
<form method="post" action="${BASE}/dangky/nhap?_csrf=${encodeURIComponent(csrf)}" enctype="multipart/form-data"><input type="file" name="file" accept=".csv,text/csv" required> <button type="submit">Nhập lịch</button></form>
${report ? html`<div id="import-report" class="${report.rejected.length ? 'error' : 'flash'}"><p>Đã nhập <b>${report.accepted}</b> lịch tiêm, bỏ qua <b>${report.rejected.length}</b> dòng.</p>
${report.rejected.length ? html`<ul>${report.rejected.map((r) => html`<li>Dòng ${r.line}: ${r.reason}</li>`)}</ul>` : ''}</div>` : ''}</div>
<p class="muted">${num(rows.length)} đăng ký${rows.length > shown.length ? `, hiện ${shown.length} đầu tiên` : ''}.</p>
<div class="scroll"><table id="registrations"><thead><tr><th>Số</th><th>Họ tên</th><th>Năm sinh</th><th>Điện thoại</th><th>Xã, phường</th><th>Trạng thái</th><th>Lịch tiêm</th></tr></thead><tbody>
${shown.map((r) => html`<tr><td>${r.id}</td><td>${r.fullName ?? '(đã xóa theo hạn lưu)'}</td><td>${r.birthDate?.slice(0, 4) ?? ''}</td><td>${r.phone ?? ''}</td><td>${commune(domain, r.communeId)}</td><td>${STATUS[r.status] ?? r.status}</td>
<td>${r.appointmentAt ? html`${showVnDateTime(r.appointmentAt)}<br><span class="muted">${r.appointmentPlace ?? ''}</span>` : ''}
${r.status !== 'cancelled' ? html`<form method="post" action="${BASE}/dangky/${r.id}/lich" class="appoint"><input type="hidden" name="_csrf" value="${csrf}">
<input name="at" placeholder="15/09/2021 08:30" required size="14"> <input name="place" placeholder="Trạm y tế" required size="12"> <button type="submit">Xếp lịch</button></form>` : ''}</td></tr>`)}
</tbody></table></div>`;
  return page({ title: 'Đăng ký tiêm', scope, active: '/dangky', csrf, flash, error }, body);
}

export interface AuditView {
  readonly at: Date;
  readonly officialId: number | null;
  readonly via: string;
  readonly action: string;
  readonly communeId: string | null;
  readonly subject: string | null;
}

/** "Nhật ký": the audit log of the scope, filterable by action and commune. */
export function auditPage(scope: Scope, csrf: string, domain: VenueDomain, f: { action?: string | undefined }, rows: readonly AuditView[] | null): string {
  const body = rows === null
    ? html`<p class="error">Nhật ký thao tác chưa có trong bản cài đặt này (bảng audit_log của chức năng phân quyền cán bộ chưa được cài).</p>`
    : html`<form class="filters" method="get" action="${BASE}/nhatky"><label>Thao tác<br><input name="thaotac" value="${f.action ?? ''}" placeholder="ví dụ: questions"></label><button type="submit">Lọc</button></form>
<div class="scroll"><table id="audit"><thead><tr><th>Lúc</th><th>Cán bộ</th><th>Qua</th><th>Thao tác</th><th>Xã, phường</th><th>Đối tượng</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${vnDateTime(r.at)}</td><td>${r.officialId === null ? '—' : `#${r.officialId}`}</td><td>${r.via}</td><td>${r.action}</td><td>${r.communeId ? commune(domain, r.communeId) : ''}</td><td>${r.subject ?? ''}</td></tr>`)}
</tbody></table></div>`;
  return page({ title: 'Nhật ký', scope, active: '/nhatky', csrf }, body);
}
