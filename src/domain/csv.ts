/**
 * CSV for officials, opened in Excel: UTF-8 with a BOM (so Vietnamese shows correctly), CRLF rows,
 * RFC 4180 quoting, and cells that Excel would run as a formula (starting with = + - @, tab or CR)
 * prefixed with an apostrophe, so no export can execute anything.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * A number Excel must keep as text (a phone number's leading zero, a 12-digit CCCD that would
 * become 1.23E+11): written as `="0905123456"`. Only digits (and a leading +) are wrapped, so the
 * formula can never be anything but that constant; anything else is an ordinary, escaped cell.
 */
export class TextNumber {
  constructor(readonly value: unknown) {}
}

function cell(value: unknown): string {
  if (value instanceof TextNumber) {
    const s = value.value === null || value.value === undefined ? '' : String(value.value).trim();
    return /^\+?\d{1,20}$/.test(s) ? `"=""${s}"""` : cell(s);
  }
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
