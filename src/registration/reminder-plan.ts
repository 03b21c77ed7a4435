/**
 * When appointment reminders go out (issue 6): the day before at 08:00 and two hours before, in
 * Asia/Ho_Chi_Minh (UTC+7, no daylight saving), never between 21:00 and 07:00: a reminder that
 * would fall in the quiet hours moves to 07:00, and one that would then come after the
 * appointment, or is already past, is not planned.
 */
import { outOfQuietHours } from '../domain/quiet-hours.js';
import { reminderPlanTexts } from './texts.js';

export type ReminderKind = 'day-before' | 'two-hours';

const VN = 7 * 3600_000;
const HOUR = 3600_000;

function candidates(appointment: Date): { kind: ReminderKind; at: Date }[] {
  const local = new Date(appointment.getTime() + VN);
  const dayBefore = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - 1, 8) - VN);
  return [
    { kind: 'day-before', at: dayBefore },
    { kind: 'two-hours', at: outOfQuietHours(new Date(appointment.getTime() - 2 * HOUR)) },
  ];
}

export function planReminders(appointment: Date, now: Date): { kind: ReminderKind; at: Date }[] {
  return candidates(appointment).filter((c) => c.at.getTime() > now.getTime() && c.at.getTime() < appointment.getTime());
}

/**
 * The latest reminder that was due after `since` (when the resident was told of the appointment)
 * and before `now`, the appointment still ahead: one that should have gone out while the service
 * was down or its Redis job was lost. Sent late rather than never; an earlier missed one is not
 * (one reminder is enough, two at once would be noise).
 */
export function missedReminder(appointment: Date, since: Date, now: Date): { kind: ReminderKind; at: Date } | undefined {
  if (now.getTime() >= appointment.getTime()) return undefined;
  return candidates(appointment)
    .filter((c) => c.at.getTime() > since.getTime() && c.at.getTime() <= now.getTime() && c.at.getTime() < appointment.getTime())
    .at(-1);
}

/** Parses "2021-09-15 08:30" or "15/09/2021 08:30" as Vietnam local time. */
export function parseVnDateTime(input: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(input.trim());
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2})[:h](\d{2})$/.exec(input.trim());
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : vn ? [vn[3], vn[2], vn[1], vn[4], vn[5]] : null;
  if (!parts) return null;
  const [y, mo, d, h, mi] = parts.map(Number) as [number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi) - VN;
  const back = new Date(t + VN);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return null;
  return new Date(t);
}

export function showVnDateTime(d: Date): string {
  const l = new Date(d.getTime() + VN);
  const p = (n: number) => String(n).padStart(2, '0');
  return reminderPlanTexts.ngay(p(l.getUTCHours()), p(l.getUTCMinutes()), p(l.getUTCDate()), p(l.getUTCMonth() + 1), l.getUTCFullYear());
}
