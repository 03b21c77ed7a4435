import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { planImport, renamed } from '../../units/import-plan.js';
import { parseUnitsCsv } from '../../units/units-csv.js';
import type { CliCommand } from '../command.js';

/** `units:import <file.csv> [--replace]`: administrative units from a CSV (operators). */
export const unitsImportCommand: CliCommand = {
  name: 'units:import',
  usage: 'units:import <file.csv> [--replace]',
  summary: 'import administrative units (code,name,kind,parent_code,aliases); --replace retires units left out',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { replace: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 1) {
      ctx.io.err(`usage: ${this.usage}`);
      return 2;
    }
    const { units } = (await ctx.runtime()).venues;
    const existing = await units.repo.all();
    const parsed = parseUnitsCsv(await readFile(positionals[0]!, 'utf8'), new Set(existing.map((u) => u.code)));
    for (const e of parsed.errors) ctx.io.err(e);
    if (parsed.units.length === 0) return 2;
    const plan = planImport(existing, parsed.units, { replace: values.replace ?? false });
    await units.repo.save(plan.save);
    ctx.io.out(JSON.stringify({ ok: parsed.errors.length === 0, added: plan.added, updated: plan.updated, merged: plan.merged, retired: plan.retired, rejected: parsed.errors.length }));
    return parsed.errors.length > 0 ? 1 : 0;
  },
};

/** `units:list [--kind k] [--all]`: one JSON line per unit. */
export const unitsListCommand: CliCommand = {
  name: 'units:list',
  usage: 'units:list [--kind <xã|phường|...>] [--all]',
  summary: 'list administrative units (--all includes merged and retired ones)',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { kind: { type: 'string' }, all: { type: 'boolean' } } });
    const { units } = (await ctx.runtime()).venues;
    for (const u of await units.repo.all()) {
      if (values.kind && u.kind !== values.kind.normalize('NFC')) continue;
      if (!values.all && (u.mergedInto || u.retired)) continue;
      ctx.io.out(JSON.stringify(u));
    }
    return 0;
  },
};

/** `units:rename <code> <new name>`: the code stays, the old name becomes an alias. */
export const unitsRenameCommand: CliCommand = {
  name: 'units:rename',
  usage: 'units:rename <code> <new name>',
  summary: 'rename a unit; its code, records and officials stay, the old name still finds it',
  async run(args, ctx) {
    const [code, ...rest] = args;
    const name = rest.join(' ').trim();
    if (!code || name.length < 2) {
      ctx.io.err(`usage: ${this.usage}`);
      return 2;
    }
    const { units } = (await ctx.runtime()).venues;
    const unit = (await units.repo.all()).find((u) => u.code === code);
    if (!unit) {
      ctx.io.err(`unknown unit code: ${code}`);
      return 2;
    }
    const next = renamed(unit, name);
    await units.repo.save([next]);
    ctx.io.out(JSON.stringify(next));
    return 0;
  },
};
