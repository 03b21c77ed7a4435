import { dashboardTexts as dt } from './texts.js';
/**
 * Server-rendered HTML without a template engine: `html` escapes every interpolated value unless
 * it is itself `html` output (a `Safe`), so user data (venue names, questions) cannot inject markup.
 */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Safe | string | number | null | undefined | false | readonly Value[];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Safe) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Safe {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Safe(out);
}

/** Vietnamese number formatting (1.234). */
export const num = (n: number): string => n.toLocaleString('vi-VN');

const VN = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
export const vnDateTime = (d: Date | null | undefined): string => (d ? VN.format(d) : '');

/** "3 giờ", "2 ngày": how long a question has waited. */
export function age(from: Date, now: Date): string {
  const min = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (min < 60) return dt.age.minutes(min);
  if (min < 48 * 60) return dt.age.hours(Math.round(min / 60));
  return dt.age.days(Math.round(min / 1440));
}
