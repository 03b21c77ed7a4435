import { parse } from 'csv-parse/sync';
import { fold } from '../../domain/fold.js';
import { setAppointments } from '../../registration/appointments.js';
import { parseDate } from '../../registration/fields.js';
import { parseVnDateTime } from '../../registration/reminder-plan.js';
import type { DashboardDeps } from '../deps.js';
import { dashboardTexts as dt } from '../texts.js';
import type { Scope } from '../scope.js';

/**
 * Header names the health station's file may use (folded: no diacritics, lower case). `Số` is our
 * registration number, as in the export; date and time may be one column ("Lịch tiêm") or two.
 */
const COLUMNS = {
  id: ['so', 'id', 'ma', 'ma dang ky', 'so dang ky', 'stt dang ky'],
  at: ['lich tiem', 'thoi gian', 'ngay gio'],
  date: ['ngay', 'ngay tiem'],
  time: ['gio', 'gio tiem'],
  place: ['dia diem', 'dia diem tiem', 'noi tiem'],
} as const;

export interface ImportReport {
  readonly accepted: number;
  readonly reminders: number;
  /** Every refused line with its number and a reason in Vietnamese, for the official to fix. */
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

type Parsed = { line: number; id: number; at: Date; place: string };

/**
 * Imports appointments from a CSV the health station sends: each line is validated on its own
 * (number, date and time in Vietnam time, place, the registration exists, is in the official's
 * communes and not cancelled); good lines are applied (reminders follow), bad lines are reported.
 */
export async function importAppointments(deps: DashboardDeps, scope: Scope, csv: string): Promise<ImportReport> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, columns: (h: string[]) => h.map((x) => fold(x)), skip_empty_lines: true, trim: true, info: true, relax_column_count: true, delimiter: [',', ';'] });
  } catch (err) {
    return { accepted: 0, reminders: 0, rejected: [{ line: 0, reason: dt.appointmentImport.notCsv((err as Error).message) }] };
  }
  const header = Object.keys(records[0]?.record ?? {});
  const col = (names: readonly string[]) => header.find((h) => names.includes(h));
  const c = { id: col(COLUMNS.id), at: col(COLUMNS.at), date: col(COLUMNS.date), time: col(COLUMNS.time), place: col(COLUMNS.place) };
  if (!c.id || !c.place || !(c.at || (c.date && c.time))) {
    return { accepted: 0, reminders: 0, rejected: [{ line: 1, reason: dt.appointmentImport.header }] };
  }
  const rejected: { line: number; reason: string }[] = [];
  const parsed: Parsed[] = [];
  const now = deps.now();
  for (const { record, info } of records) {
    const line = info.lines;
    const id = Number((record[c.id] ?? '').replace(/^#/, ''));
    const when = c.at ? record[c.at] ?? '' : `${record[c.date!] ?? ''} ${record[c.time!] ?? ''}`;
    const at = parseWhen(when);
    const place = (record[c.place] ?? '').normalize('NFC').trim();
    if (!Number.isInteger(id) || id <= 0) rejected.push({ line, reason: dt.appointmentImport.badId(record[c.id] ?? '') });
    else if (!at) rejected.push({ line, reason: dt.appointmentImport.badWhen(when.trim()) });
    else if (at.getTime() <= now.getTime()) rejected.push({ line, reason: dt.appointmentImport.past });
    else if (place.length < 2 || place.length > 200) rejected.push({ line, reason: dt.appointmentImport.noPlace });
    else parsed.push({ line, id, at, place });
  }
  const rows = new Map((await deps.registrations.forIds(parsed.map((p) => p.id))).map((r) => [r.id, r]));
  const seen = new Set<number>();
  const good: Parsed[] = [];
  for (const p of parsed) {
    const r = rows.get(p.id);
    if (!r || !(scope.isAdmin || scope.visible.has(r.communeId))) rejected.push({ line: p.line, reason: dt.appointmentImport.notInScope(p.id) });
    else if (r.status === 'cancelled') rejected.push({ line: p.line, reason: dt.appointmentImport.cancelled(p.id) });
    else if (seen.has(p.id)) rejected.push({ line: p.line, reason: dt.appointmentImport.repeated(p.id) });
    else {
      seen.add(p.id);
      good.push(p);
    }
  }
  let reminders = 0;
  const groups = new Map<string, Parsed[]>();
  for (const p of good) groups.set(`${p.at.toISOString()}|${p.place}`, [...(groups.get(`${p.at.toISOString()}|${p.place}`) ?? []), p]);
  for (const list of groups.values()) reminders += (await setAppointments(deps.registrations, deps.reminders, list.map((p) => p.id), list[0]!.at, list[0]!.place)).reminders;
  await deps.audit.record(deps.db, { officialId: scope.official.id, via: 'dashboard', action: 'registrations.import', communeId: scope.communeIds.length === 1 ? scope.communeIds[0]! : null, detail: { accepted: good.length, rejected: rejected.length } });
  rejected.sort((a, b) => a.line - b.line);
  return { accepted: good.length, reminders, rejected };
}

/** "15/09/2021 08:30", "15/9/2021 8h30", "2021-09-15 08:30" in Vietnam time. */
function parseWhen(input: string): Date | null {
  const s = input.trim().replace(/\s+/g, ' ');
  const direct = parseVnDateTime(s);
  if (direct) return direct;
  const m = /^(\S+) (\d{1,2})[:hH](\d{2})$/.exec(s);
  const iso = m ? parseDate(m[1]!) : null;
  return iso && m ? parseVnDateTime(`${iso} ${m[2]!.padStart(2, '0')}:${m[3]}`) : null;
}
