import { z } from 'zod';

/** Vietnam is UTC+7 all year (no daylight saving), so local times are plain offsets. */
const VN = 7 * 3600_000;
const DAY = 24 * 3600_000;

/**
 * When a broadcast goes out: now, once at a local date and hour, or repeating daily / weekly on
 * chosen weekdays (0 = Sunday ... 6 = Saturday, Vietnam time) until a local date (inclusive).
 */
export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('at'), at: z.iso.datetime({ offset: true }) }),
  z.object({
    kind: z.literal('repeat'),
    every: z.enum(['daily', 'weekly']),
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

/** Midnight (Vietnam) of the local day containing `d`, as a UTC instant. */
export function vnDayStart(d: Date): Date {
  return new Date(Math.floor((d.getTime() + VN) / DAY) * DAY - VN);
}

/** A Vietnam local date and time ("2021-09-15", "08:30") as a UTC instant. */
export function vnInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - VN);
}

/** Weekday in Vietnam (0 = Sunday). */
export const vnWeekday = (d: Date) => new Date(d.getTime() + VN).getUTCDay();

/** "15/09/2021 08:30" in Vietnam time. */
export function showVn(d: Date): string {
  const l = new Date(d.getTime() + VN);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(l.getUTCDate())}/${p(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} ${p(l.getUTCHours())}:${p(l.getUTCMinutes())}`;
}

/**
 * The first occurrence strictly after `after` (or at/after `created` for the first one), or null
 * when the schedule has ended. Repeating schedules are computed on Vietnam calendar days, so
 * "daily 06:30" is 23:30 UTC of the day before and crosses midnight correctly.
 */
export function nextOccurrence(s: Schedule, created: Date, after: Date | null): Date | null {
  if (s.kind === 'now') return after ? null : created;
  if (s.kind === 'at') return after ? null : new Date(s.at);
  const end = vnInstant(s.until, '23:59').getTime() + 60_000;
  const fromDay = s.from ? vnInstant(s.from) : vnDayStart(created);
  const floor = after ? after.getTime() + 1 : created.getTime();
  const [hh, mm] = s.time.split(':').map(Number) as [number, number];
  let day = Math.max(vnDayStart(new Date(floor)).getTime(), fromDay.getTime());
  for (let i = 0; i < 8 + 366; i++, day += DAY) {
    const at = day + (hh * 60 + mm) * 60_000;
    if (at >= end) return null;
    if (at < floor) continue;
    if (s.every === 'weekly' && !(s.days ?? []).includes(vnWeekday(new Date(at)))) continue;
    return new Date(at);
  }
  return null;
}

/** Every occurrence in [from, to) (for previews and tests). */
export function occurrencesBetween(s: Schedule, created: Date, to: Date, max = 100): Date[] {
  const out: Date[] = [];
  let next = nextOccurrence(s, created, null);
  while (next && next < to && out.length < max) {
    out.push(next);
    next = nextOccurrence(s, created, next);
  }
  return out;
}
