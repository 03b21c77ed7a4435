import type { VenueListItem } from '../../db/repos/venue-search-repo.js';
import type { VenueDomain } from '../../venue-ops/ports.js';
import { html, num, Safe, vnDateTime } from '../html.js';
import { BASE, page } from '../layout.js';
import type { Scope } from '../scope.js';
import { PAGE_SIZE, type VenueDetail, type VenueFilter } from '../use-cases/venues.js';

const opt = (value: string, label: string, selected: string | undefined) => html`<option value="${value}" ${value === (selected ?? '') ? new Safe('selected') : ''}>${label}</option>`;

export function venueListPage(scope: Scope, csrf: string, domain: VenueDomain, f: VenueFilter, r: { items: VenueListItem[]; total: number }, now: Date, title = 'Địa điểm'): string {
  const communes = domain.communes.filter((c) => scope.communeIds.includes(c.id));
  const qs = (p: number) => new URLSearchParams({ ...(f.text ? { q: f.text } : {}), ...(f.typeId ? { loai: f.typeId } : {}), ...(f.communeId ? { xa: f.communeId } : {}), ...(f.status ? { trangthai: f.status } : {}), ...(f.checkedIn ? { khaibao: f.checkedIn } : {}), trang: String(p) }).toString();
  const pageNo = f.page ?? 1;
  const pages = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
  const since = (d: Date | null) => (d ? `${Math.floor((now.getTime() - d.getTime()) / 86_400_000)} ngày trước` : 'chưa có');
  const body = html`
<form class="filters" method="get" action="${BASE}/diadiem">
  <label>Tìm<br><input name="q" value="${f.text ?? ''}" placeholder="tên, địa chỉ, điện thoại"></label>
  <label>Loại<br><select name="loai">${opt('', 'Tất cả', f.typeId)}${domain.types.map((t) => opt(t.id, t.name, f.typeId))}</select></label>
  ${communes.length > 1 ? html`<label>Xã, phường<br><select name="xa">${opt('', 'Tất cả', f.communeId)}${communes.map((c) => opt(c.id, c.name, f.communeId))}</select></label>` : ''}
  <label>Trạng thái<br><select name="trangthai">${opt('', 'Tất cả', f.status)}${opt('active', 'Đang dùng', f.status)}${opt('suspended', 'Tạm ngừng', f.status)}</select></label>
  <label>Khai báo 7 ngày<br><select name="khaibao">${opt('', 'Tất cả', f.checkedIn)}${opt('yes', 'Có', f.checkedIn)}${opt('no', 'Không có (cần kiểm tra)', f.checkedIn)}</select></label>
  <button type="submit">Lọc</button>
</form>
<p class="muted">${num(r.total)} địa điểm · trang ${pageNo}/${pages} · <a href="${BASE}/diadiem?khaibao=no">Danh sách kiểm tra: không có lượt khai báo 7 ngày</a></p>
<div class="scroll"><table id="venues"><thead><tr><th>Tên</th><th>Loại</th><th>Xã, phường</th><th>Chủ / điện thoại</th><th>Khai báo gần nhất</th><th>Trạng thái</th></tr></thead><tbody>
${r.items.map((v) => html`<tr><td><a href="${BASE}/diadiem/${v.id}">${v.name}</a><br><span class="muted">${v.address}</span></td><td>${domain.findType(v.typeId)?.name ?? v.typeId}${v.plate ? ` · ${v.plate}` : ''}</td>
<td>${domain.communeById(v.communeId)?.name ?? v.communeId}</td><td>${v.ownerName ?? ''}<br>${v.phone}</td><td class="${v.lastCheckIn && now.getTime() - v.lastCheckIn.getTime() < 7 * 86_400_000 ? '' : 'bad'}">${since(v.lastCheckIn)}</td>
<td>${v.status === 'active' ? 'Đang dùng' : 'Tạm ngừng'}</td></tr>`)}
</tbody></table></div>
<p>${pageNo > 1 ? html`<a href="${BASE}/diadiem?${qs(pageNo - 1)}">« Trang trước</a> ` : ''}${pageNo < pages ? html`<a href="${BASE}/diadiem?${qs(pageNo + 1)}">Trang sau »</a>` : ''}</p>`;
  return page({ title, scope, active: '/diadiem', csrf }, body);
}

export function venueDetailPage(scope: Scope, csrf: string, domain: VenueDomain, d: VenueDetail, flash?: string): string {
  const v = d.venue;
  const total = d.perDay.reduce((n, x) => n + x.n, 0);
  const chart = JSON.stringify([d.perDay.map((x) => Date.parse(`${x.day}T00:00:00+07:00`) / 1000), d.perDay.map((x) => x.n)]);
  const body = html`
<div class="card"><p><b>${domain.findType(v.typeId)?.name ?? v.typeId}</b> · ${domain.communeById(v.communeId)?.name ?? v.communeId}${v.plate ? ` · biển số ${v.plate}` : ''}${v.route ? ` · tuyến ${v.route}` : ''}</p>
<p>Địa chỉ: ${v.address}</p><p>Chủ địa điểm: ${d.owner?.displayName ?? '(đăng ký bởi cán bộ)'}${d.owner ? ` qua ${d.owner.channel}` : ''} · điện thoại: <a href="tel:${v.phone}">${v.phone}</a></p>
<p>Trạng thái: <b id="status">${v.status === 'active' ? 'Đang dùng' : 'Tạm ngừng'}</b> · đăng ký ${vnDateTime(v.createdAt)}</p>
<form method="post" action="${BASE}/diadiem/${v.id}/trangthai" class="confirm" data-confirm="${v.status === 'active' ? 'Tạm ngừng mọi mã của địa điểm này? Người dân sẽ không khai báo được.' : 'Cho địa điểm hoạt động lại?'}">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="status" value="${v.status === 'active' ? 'suspended' : 'active'}">
<button type="submit" class="${v.status === 'active' ? 'warn' : ''}">${v.status === 'active' ? 'Tạm ngừng địa điểm' : 'Cho hoạt động lại'}</button></form></div>
<h2>Mã QR đang dùng</h2><div class="scroll"><table id="codes"><thead><tr><th>Nhãn</th><th>Mã nhập tay</th><th>Cấp ngày</th><th></th></tr></thead><tbody>
${d.codes.map((c) => html`<tr><td>${c.label ?? 'Mã chính'}</td><td><b>${c.manualCode}</b><br><a href="${c.url}" target="_blank" rel="noopener">trang mã</a></td><td>${vnDateTime(c.createdAt)}</td>
<td><form method="post" action="${BASE}/diadiem/${v.id}/capmoi" class="confirm" data-confirm="Cấp lại mã ${c.manualCode}? Mã cũ ngừng hoạt động ngay, chủ địa điểm phải in lại áp phích.">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="code" value="${c.id}"><button type="submit" class="warn">Cấp lại mã</button></form></td></tr>`)}
</tbody></table></div>
<div class="card"><h2>Lượt khai báo mỗi ngày (30 ngày: ${num(total)})</h2><div class="chart" data-series="${chart}"></div></div>
<p><a href="${BASE}/diadiem">« Danh sách địa điểm</a></p>`;
  const head = html`<link rel="stylesheet" href="${BASE}/static/uPlot.min.css"><script src="${BASE}/static/uPlot.iife.min.js" defer></script>`;
  return page({ title: v.name, scope, active: '/diadiem', csrf, flash, head }, body);
}
