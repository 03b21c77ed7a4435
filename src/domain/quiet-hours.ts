/**
 * The hours in which the service sends nothing it starts itself (reminders, notices): 21:00 to
 * 07:00 in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). Residents' own messages are
 * always answered.
 */
const VN = 7 * 3600_000;

/** Hour of day in Vietnam. */
export const vnHour = (d: Date) => new Date(d.getTime() + VN).getUTCHours();

export function isQuiet(d: Date): boolean {
  const h = vnHour(d);
  return h >= 21 || h < 7;
}

/** The first moment at or after `d` that is outside the quiet hours (07:00 VN). */
export function outOfQuietHours(d: Date): Date {
  if (!isQuiet(d)) return d;
  const local = new Date(d.getTime() + VN);
  const seven = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 7) - VN;
  return new Date(seven > d.getTime() ? seven : seven + 24 * 3600_000);
}
