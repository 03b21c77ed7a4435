import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { checkVenueInput, type RawVenueInput } from '../../venue-ops/venue-input.js';
import type { CodeArtifacts } from '../../venue-ops/venue-service.js';
import type { CliCommand, CliContext } from '../command.js';

const fields = ['name', 'type', 'commune', 'address', 'phone', 'plate', 'route', 'label', 'out'] as const;

async function writeArtifacts(ctx: CliContext, a: CodeArtifacts, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const base = path.join(outDir, `venue-${a.venue.id}-${a.code.manualCode}`);
  await writeFile(`${base}.png`, a.qrPng);
  await writeFile(`${base}.pdf`, a.posterPdf);
  ctx.io.out(JSON.stringify({ id: a.venue.id, url: a.url, manualCode: a.code.manualCode, qrPng: path.resolve(`${base}.png`), posterPdf: path.resolve(`${base}.pdf`) }));
}

/** `venues:create --name ... --type ... --commune ... --address ... --phone ...` as an official would. */
export const venuesCreateCommand: CliCommand = {
  name: 'venues:create',
  usage: 'venues:create --name <n> --type <t> --commune <c> --address <a> --phone <p> [--plate --route --label --out dir]',
  summary: 'create a venue and write its QR image and A4 poster; prints one JSON line',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: Object.fromEntries(fields.map((f) => [f, { type: 'string' as const }])), strict: true });
    const ops = (await ctx.runtime()).venues;
    const checked = checkVenueInput(ops.domain, values as RawVenueInput);
    if (!checked.ok) {
      for (const e of checked.errors) ctx.io.err(e);
      return 2;
    }
    await writeArtifacts(ctx, await ops.service.register(checked.draft), values.out ?? path.join(ctx.config.DATA_DIR, 'codes'));
    return 0;
  },
};

/** `venues:import <file.csv>`: header row with name,type,commune,address,phone[,plate,route,label]. */
export const venuesImportCommand: CliCommand = {
  name: 'venues:import',
  usage: 'venues:import <file.csv> [--out dir]',
  summary: 'create many venues from a CSV; bad rows are reported by line number, the rest go in',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1) {
      ctx.io.err('usage: venues:import <file.csv>');
      return 2;
    }
    const records = parse(await readFile(positionals[0]!, 'utf8'), { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, bom: true, trim: true, relax_column_count: true, info: true }) as { record: RawVenueInput; info: { lines: number } }[];
    const ops = (await ctx.runtime()).venues;
    const outDir = values.out ?? path.join(ctx.config.DATA_DIR, 'codes');
    let bad = 0;
    for (const { record, info } of records) {
      const checked = checkVenueInput(ops.domain, record);
      if (!checked.ok) {
        bad += 1;
        ctx.io.err(JSON.stringify({ line: info.lines, errors: checked.errors }));
        continue;
      }
      await writeArtifacts(ctx, await ops.service.register(checked.draft), outDir);
    }
    return bad > 0 ? 1 : 0;
  },
};
