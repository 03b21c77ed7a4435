import { TracingInputError } from './ports.js';
import { alertTemplateTexts } from './texts.js';

/**
 * The alert text is a template the district admin keeps (versioned; every alert records the version
 * it was sent with). Placeholders are filled per person; nothing about the case is available to a
 * template, so no edit can leak who the case is.
 */
export const PLACEHOLDERS = ['nguoi', 'dia_diem', 'ngay', 'khung_gio', 'xa'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
const REQUIRED: readonly Placeholder[] = ['dia_diem', 'ngay', 'khung_gio'];

/** Longest template accepted: the filled text must fit one Zalo message (2,000 characters) with the buttons rendered as numbered lines. */
export const MAX_TEMPLATE_CHARS = 1400;

/** The default alert wording lives with the other tracing texts. */
export { DEFAULT_TEMPLATE } from './texts.js';

/** Checks an admin's template: required placeholders present, no unknown ones, a sane length. */
export function checkTemplate(body: string): string {
  const text = body.normalize('NFC').trim();
  if ([...text].length > MAX_TEMPLATE_CHARS) throw new TracingInputError('template_too_long', `the template has more than ${MAX_TEMPLATE_CHARS} characters`);
  const used = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  const unknown = used.filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length) throw new TracingInputError('template_placeholder', `unknown placeholder(s) ${unknown.map((p) => `{${p}}`).join(', ')}; allowed: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
  const missing = REQUIRED.filter((p) => !used.includes(p));
  if (missing.length) throw new TracingInputError('template_placeholder', `the template must contain ${missing.map((p) => `{${p}}`).join(', ')}`);
  return text;
}

const VN = 7 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) => new Date(d.getTime() + VN);
export const vnDate = (d: Date) => `${pad(local(d).getUTCDate())}/${pad(local(d).getUTCMonth() + 1)}/${local(d).getUTCFullYear()}`;
export const vnTime = (d: Date) => `${pad(local(d).getUTCHours())}:${pad(local(d).getUTCMinutes())}`;

/** "07:00 đến 10:30", or with both dates when the window runs past midnight (Vietnam time). */
export function showWindow(from: Date, to: Date): string {
  return vnDate(from) === vnDate(to) ? alertTemplateTexts.den(vnTime(from), vnTime(to)) : alertTemplateTexts.ngayDenNgay(vnTime(from), vnDate(from), vnTime(to), vnDate(to));
}

export interface AlertFacts {
  /** Family member's name when the alert is about someone the resident checks in. */
  readonly dependentName: string | null;
  readonly venueName: string;
  readonly from: Date;
  readonly to: Date;
  readonly communeName: string;
}

export function fillTemplate(body: string, f: AlertFacts): string {
  const values: Record<Placeholder, string> = {
    nguoi: f.dependentName ? alertTemplateTexts.nguoiThanCuaBan(f.dependentName) : alertTemplateTexts.ban,
    dia_diem: f.venueName,
    ngay: vnDate(f.from),
    khung_gio: showWindow(f.from, f.to),
    xa: f.communeName,
  };
  return body.replace(/\{(nguoi|dia_diem|ngay|khung_gio|xa)\}/g, (_m, p: Placeholder) => values[p]);
}
