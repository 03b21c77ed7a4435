import { fold } from '../domain/fold.js';
import type { AdminUnit } from './types.js';

const PREFIX = /^(phuong|xa|thi tran|thi xa|huyen|quan|dac khu|tinh|thanh pho)\s+/;
/** A name without diacritics and without its kind ("Phường Phổ Minh" -> "pho minh"). */
export const bareName = (s: string): string => fold(s).replace(PREFIX, '').trim();

export interface ImportPlan {
  /** Units to write: the imported ones, plus existing ones now merged or retired. */
  readonly save: AdminUnit[];
  readonly added: number;
  readonly updated: number;
  /** Existing units whose name is an alias of an imported one: they now point at it. */
  readonly merged: { readonly from: string; readonly into: string }[];
  readonly retired: string[];
}

/**
 * What an import changes. An imported unit replaces the one with its code (a changed name keeps
 * the old one as an alias). An existing unit left out of the file is merged into the imported unit
 * that lists its name as an alias ("Phổ Minh" in the aliases of the new ward), or, with `replace`,
 * retired; otherwise it is left alone. Nothing is deleted: records keep naming the unit they had.
 */
export function planImport(existing: readonly AdminUnit[], incoming: readonly AdminUnit[], opts: { replace: boolean }): ImportPlan {
  const old = new Map(existing.map((u) => [u.code, u]));
  const inFile = new Set(incoming.map((u) => u.code));
  const save: AdminUnit[] = incoming.map((u) => {
    const before = old.get(u.code);
    if (!before || before.name === u.name || u.aliases.includes(before.name)) return u;
    return { ...u, aliases: [...u.aliases, before.name] };
  });
  const aliasOwner = new Map<string, string>();
  for (const u of incoming) for (const a of u.aliases) aliasOwner.set(bareName(a), u.code);
  const merged: ImportPlan['merged'] = [];
  const retired: string[] = [];
  for (const u of existing) {
    if (inFile.has(u.code) || u.mergedInto) continue;
    const into = aliasOwner.get(bareName(u.name));
    if (into && into !== u.code) {
      merged.push({ from: u.code, into });
      save.push({ ...u, mergedInto: into });
    } else if (opts.replace && !u.retired) {
      retired.push(u.code);
      save.push({ ...u, retired: true });
    }
  }
  const added = incoming.filter((u) => !old.has(u.code)).length;
  return { save, added, updated: incoming.length - added, merged, retired };
}

/** A rename keeps the code (records and scopes follow) and keeps the former name as an alias. */
export function renamed(unit: AdminUnit, name: string): AdminUnit {
  const clean = name.normalize('NFC').trim();
  return { ...unit, name: clean, aliases: unit.aliases.includes(unit.name) ? unit.aliases : [...unit.aliases, unit.name] };
}
