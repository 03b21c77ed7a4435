/**
 * CSV for officials, opened in Excel: UTF-8 with a BOM (so Vietnamese shows correctly), CRLF rows,
 * RFC 4180 quoting, and cells that Excel would run as a formula (starting with = + - @, tab or CR)
 * prefixed with an apostrophe, so no export can execute anything.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
