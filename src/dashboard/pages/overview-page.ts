import { html, num, type Safe } from '../html.js';
import { BASE, page } from '../layout.js';
import type { Scope } from '../scope.js';
import { activeShare, type Overview, type OverviewRow } from '../use-cases/overview.js';

const pct = (r: OverviewRow) => (r.venues ? `${Math.round((r.activeVenues / r.venues) * 100)}%` : '—');

function row(r: OverviewRow, total = false): Safe {
  return html`<tr class="${total ? 'total' : ''}"><td>${r.communeName}</td><td class="n">${num(r.venues)}</td><td class="n">${num(r.activeVenues)} <span class="muted">(${pct(r)})</span></td>
<td class="n">${num(r.checkIns30d)}</td><td class="n">${num(r.residents)}</td><td class="n">${num(r.registrations)}</td><td class="n">${num(r.questionsWaiting)}</td></tr>`;
}

/** "Tổng quan": area tiles, the 30-day chart (uPlot, served from node_modules) and the commune table. */
export function overviewPage(scope: Scope, csrf: string, o: Overview): string {
  const t = o.total;
  const behind = o.rows.filter((r) => activeShare(r) < 0.5).length;
  const chartData = JSON.stringify([o.perDay.map((d) => Date.parse(`${d.day}T00:00:00+07:00`) / 1000), o.perDay.map((d) => d.n)]).replace(/</g, '\\u003c');
  const body = html`
<div class="tiles">
  <div class="tile"><b>${num(t.venues)}</b>địa điểm có mã QR</div>
  <div class="tile"><b>${num(t.activeVenues)}</b>hoạt động 7 ngày qua (${pct(t)})</div>
  <div class="tile"><b>${num(t.checkIns30d)}</b>lượt khai báo 30 ngày</div>
  <div class="tile"><b>${num(t.residents)}</b>người dân đã khai báo</div>
  <div class="tile"><b>${num(t.registrations)}</b>đăng ký tiêm (${num(t.scheduled)} đã xếp lịch)</div>
  <div class="tile"><b>${num(t.questionsWaiting)}</b>câu hỏi chờ trả lời</div>
</div>
<p class="muted">Số liệu khai báo được tính lại mỗi phút; tệp tải về luôn tính tại thời điểm tải.</p>
<div class="card"><h2>Lượt khai báo mỗi ngày (30 ngày)</h2><div id="chart" class="chart" data-series="${chartData}"></div>
<noscript>${o.perDay.map((d) => `${d.day}: ${d.n}; `).join('')}</noscript></div>
<h2>Theo xã, phường <span class="muted">— chậm nhất trước${behind ? ` · ${behind} nơi dưới 50% địa điểm hoạt động` : ''}</span></h2>
<p><a class="btn" href="${BASE}/xuat/tongquan.csv">Tải CSV</a> <a class="btn" href="${BASE}/xuat/tongquan.xlsx">Tải Excel (XLSX)</a></p>
<div class="scroll"><table id="communes"><thead><tr><th>Xã, phường</th><th class="n">Địa điểm có mã</th><th class="n">Hoạt động 7 ngày</th><th class="n">Khai báo 30 ngày</th><th class="n">Người dân</th><th class="n">Đăng ký tiêm</th><th class="n">Câu hỏi chờ</th></tr></thead>
<tbody>${o.rows.map((r) => row(r))}</tbody><tfoot>${row(t, true)}</tfoot></table></div>`;
  const head = html`<link rel="stylesheet" href="${BASE}/static/uPlot.min.css"><script src="${BASE}/static/uPlot.iife.min.js" defer></script>`;
  return page({ title: 'Tổng quan', scope, active: '', csrf, head }, body);
}

/** Draws every `.chart[data-series]` as a bar-like line of check-ins per day; no CDN, no inline script (CSP). */
export const APP_JS = `
document.querySelectorAll('form.confirm').forEach(function (f) {
  f.addEventListener('submit', function (e) { if (!confirm(f.getAttribute('data-confirm'))) e.preventDefault(); });
});
if (window.uPlot) 
document.querySelectorAll('.chart[data-series]').forEach(function (el) {
  var data = JSON.parse(el.getAttribute('data-series'));
  function draw() {
    el.innerHTML = '';
    var opts = { width: Math.max(280, el.clientWidth), height: 220, legend: { show: false },
      scales: { x: { time: true } },
      axes: [{ values: function (u, v) { return v.map(function (s) { var d = new Date(s * 1000); return d.getDate() + '/' + (d.getMonth() + 1); }); } }, {}],
      series: [{}, { label: 'Lượt khai báo', stroke: '#0b5f8a', fill: 'rgba(11,95,138,0.15)', width: 2, paths: uPlot.paths.bars({ size: [0.7, 40] }) }] };
    new uPlot(opts, data, el);
  }
  draw();
  var t; window.addEventListener('resize', function () { clearTimeout(t); t = setTimeout(draw, 200); });
});
`;

