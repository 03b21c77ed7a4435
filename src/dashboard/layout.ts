import { html, Safe } from './html.js';
import type { Scope } from './scope.js';

export const BASE = '/quanly';

const NAV: readonly { readonly path: string; readonly label: string; readonly admin?: boolean }[] = [
  { path: '', label: 'Tổng quan' },
  { path: '/diadiem', label: 'Địa điểm' },
  { path: '/hoidap', label: 'Hỏi đáp' },
  { path: '/dangky', label: 'Đăng ký tiêm' },
  { path: '/truyvet', label: 'Truy vết' },
  { path: '/thongbao', label: 'Thông báo' },
  { path: '/nhatky', label: 'Nhật ký' },
  { path: '/hethong', label: 'Hệ thống', admin: true },
];

const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2430;background:#f4f6f8}
header{background:#0b5f8a;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
header b{font-size:1.05rem}header nav{display:flex;flex-wrap:wrap;gap:.25rem}header a{color:#fff;text-decoration:none;padding:.3rem .5rem;border-radius:4px}
header a.on{background:#ffffff30}header form{margin-left:auto}header .who{font-size:.85rem;opacity:.9}
main{padding:1rem;max-width:1200px;margin:auto}h1{font-size:1.3rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.2rem 0 .5rem}
.card{background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:.8rem;margin-bottom:1rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.6rem;margin-bottom:1rem}
.tile{background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:.6rem}.tile b{display:block;font-size:1.4rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e3e8ec;padding:.4rem .5rem;text-align:left;vertical-align:top}th{background:#eef2f5;font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;white-space:nowrap}tr.total td{font-weight:700;background:#f7f9fa}
form.inline{display:inline}label{display:block;margin:.3rem 0}input,select,textarea,button{font:inherit;padding:.35rem .5rem;border:1px solid #b9c3cc;border-radius:4px;max-width:100%}
textarea{width:100%;min-height:4.5rem}button,.btn{background:#0b5f8a;color:#fff;border:0;cursor:pointer;text-decoration:none;display:inline-block;padding:.4rem .8rem;border-radius:4px}
button.warn{background:#b3261e}.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-bottom:.8rem}.filters label{margin:0}
.muted{color:#5b6874;font-size:.9rem}.flash{background:#e6f4ea;border:1px solid #a8d5b5;padding:.6rem;border-radius:6px;margin-bottom:1rem}
.error{background:#fdecea;border:1px solid #f1b0aa;padding:.6rem;border-radius:6px;margin-bottom:1rem}.bad{color:#b3261e;font-weight:600}
.filters>label{max-width:100%}.filters select{max-width:100%}
.choices{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));max-height:12rem;overflow:auto;gap:0 .8rem}
fieldset{min-width:0;border:1px solid #dde3e8;border-radius:6px;margin:.5rem 0}input[type=url],input[name=diadiem]{width:100%;max-width:24rem}
.chart{width:100%;min-height:220px}@media(max-width:600px){main{padding:.6rem}th,td{padding:.35rem}header form{margin-left:0}}
`;

const STYLE = new Safe(CSS);

export interface PageOptions {
  readonly title: string;
  readonly scope?: Scope;
  readonly active?: string;
  readonly csrf?: string;
  readonly flash?: string | undefined;
  readonly error?: string | undefined;
  readonly head?: Safe;
}

export function page(opts: PageOptions, body: Safe): string {
  const nav = opts.scope
    ? html`<nav>${NAV.filter((n) => !n.admin || opts.scope!.isAdmin).map((n) => html`<a href="${BASE}${n.path}" class="${n.path === opts.active ? 'on' : ''}">${n.label}</a>`)}</nav>
      <span class="who">${opts.scope.official.displayName ?? `Cán bộ #${opts.scope.official.id}`} · ${opts.scope.isAdmin ? 'quản trị' : `${opts.scope.communeIds.length} xã, phường`}</span>
      <form method="post" action="${BASE}/dangxuat"><input type="hidden" name="_csrf" value="${opts.csrf ?? ''}"><button type="submit">Đăng xuất</button></form>`
    : '';
  return `<!doctype html>${html`<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${opts.title} · quetma</title><style>${STYLE}</style>${opts.head}<script src="${BASE}/static/app.js" defer></script></head>
<body><header><b>quetma · cán bộ</b>${nav}</header><main>
${opts.flash ? html`<div class="flash" role="status">${opts.flash}</div>` : ''}${opts.error ? html`<div class="error" role="alert">${opts.error}</div>` : ''}
<h1>${opts.title}</h1>${body}</main></body></html>`}`;
}
