import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportRegistrations, setAppointments } from '../../registration/appointments.js';
import { parseVnDateTime, showVnDateTime } from '../../registration/reminder-plan.js';
import type { CliCommand } from '../command.js';
import { resolveCommunes } from './commune-args.js';
import { communesOfEntry } from '../../audit/scope-entry.js';

/** `registrations:export [--commune <c>...] [--out file.csv]`: the CSV officials open in Excel. */
export const registrationsExportCommand: CliCommand = {
  name: 'registrations:export',
  usage: 'registrations:export [--commune <commune> ...] [--out <file.csv>]',
  summary: 'write vaccination pre-registrations of communes as CSV (UTF-8 with BOM)',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { commune: { type: 'string', multiple: true }, out: { type: 'string' } } });
    const rt = await ctx.runtime();
    const ids = values.commune?.length ? resolveCommunes(rt.venues.domain, values.commune, ctx.io) : rt.venues.domain.communes.map((c) => c.id);
    if (!ids) return 2;
    const csv = await exportRegistrations(rt.registrations.repo, ids, (id) => rt.venues.domain.communeById(id)?.name ?? id);
    await rt.audit.record(rt.db, { officialId: null, via: 'cli', action: 'registrations.export', ...communesOfEntry(ids, { rows: csv.trimEnd().split('\r\n').length - 1 }) });
    if (values.out) {
      await writeFile(values.out, csv);
      ctx.io.out(JSON.stringify({ ok: true, file: values.out, rows: csv.trimEnd().split('\r\n').length - 1 }));
    } else ctx.io.out(csv.trimEnd());
    return 0;
  },
};

/** `registrations:appoint --ids 1,2,3 --at "2021-09-15 08:30" --place "Trạm y tế Phổ Minh"`. */
export const registrationsAppointCommand: CliCommand = {
  name: 'registrations:appoint',
  usage: 'registrations:appoint --ids <id,id,...> --at "<yyyy-mm-dd hh:mm>" --place "<place>"',
  summary: 'set or move the appointment of registrations (Vietnam time); reminders follow',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { ids: { type: 'string' }, at: { type: 'string' }, place: { type: 'string' } } });
    const ids = (values.ids ?? '').split(',').map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0);
    const at = parseVnDateTime(values.at ?? '');
    if (ids.length === 0 || !at || !values.place?.trim()) {
      ctx.io.err(`usage: ${this.usage}`);
      return 2;
    }
    const rt = await ctx.runtime();
    const r = await setAppointments(rt.registrations.repo, rt.registrations.ports, ids, at, values.place.trim());
    const missing = ids.filter((id) => !r.updated.includes(id));
    await rt.audit.record(rt.db, { officialId: null, via: 'cli', action: 'registrations.appoint', communeId: null, subject: `registrations:${r.updated.join(',')}`, detail: { updated: r.updated.length } });
    ctx.io.out(JSON.stringify({ ok: missing.length === 0, at: showVnDateTime(at), updated: r.updated, reminders: r.reminders, notUpdated: missing }));
    return missing.length === 0 ? 0 : 1;
  },
};
