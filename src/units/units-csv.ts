import { parse } from 'csv-parse/sync';
import { UNIT_KINDS, type AdminUnit, type UnitKind } from './types.js';

export interface UnitsCsvResult {
  readonly units: AdminUnit[];
  /** One line per rejected row, with its line number; the accepted rows still count. */
  readonly errors: string[];
}

const HEADER = ['code', 'name', 'kind', 'parent_code', 'aliases'] as const;
const CODE = /^[a-z0-9][a-z0-9/_-]{0,63}$/;

/**
 * Reads `code,name,kind,parent_code,aliases` (aliases separated by `|`). A row is refused with its
 * line number when its code, name or kind is bad or its parent is neither in the file nor known.
 */
export function parseUnitsCsv(text: string, known: ReadonlySet<string> = new Set()): UnitsCsvResult {
  const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as { record: Record<string, string>; info: { lines: number } }[];
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = HEADER.filter((h) => h !== 'aliases' && !header.includes(h));
  if (rows.length > 0 && missing.length > 0) return { units: [], errors: [`header must be ${HEADER.join(',')}; missing ${missing.join(', ')}`] };
  const codes = new Set(rows.map((r) => r.record.code ?? ''));
  const units: AdminUnit[] = [];
  const errors: string[] = [];
  for (const { record, info } of rows) {
    const code = (record.code ?? '').toLowerCase();
    const name = (record.name ?? '').normalize('NFC');
    const kind = (record.kind ?? '').normalize('NFC').toLowerCase() as UnitKind;
    const parent = (record.parent_code ?? '').toLowerCase() || null;
    const problem = !CODE.test(code)
      ? `bad code "${record.code ?? ''}" (a-z, 0-9, / _ -)`
      : name.length < 2 || name.length > 100
        ? 'name must be 2-100 characters'
        : !UNIT_KINDS.includes(kind)
          ? `unknown kind "${record.kind ?? ''}" (one of ${UNIT_KINDS.join(', ')})`
          : parent && !codes.has(parent) && !known.has(parent)
            ? `unknown parent_code "${parent}"`
            : null;
    if (problem) {
      errors.push(`line ${info.lines}: ${problem}`);
      continue;
    }
    const aliases = (record.aliases ?? '').split('|').map((a) => a.normalize('NFC').trim()).filter((a) => a.length > 0);
    units.push({ code, name, kind, parentCode: parent, aliases, mergedInto: null });
  }
  return { units, errors };
}
