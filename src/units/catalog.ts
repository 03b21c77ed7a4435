import type { Commune } from '../venue-ops/ports.js';
import { COMMUNE_KINDS, type AdminUnit } from './types.js';

/**
 * The administrative units one process works with, held in memory because every message that
 * names a commune searches them. `replace` swaps the whole set at once (after an import or a
 * rename elsewhere), so a reader never sees half of an import.
 */
export class UnitCatalog {
  private units = new Map<string, AdminUnit>();
  private communeCache = new Map<string, Commune>();
  private active: Commune[] = [];

  constructor(units: readonly AdminUnit[]) {
    this.replace(units);
  }

  replace(units: readonly AdminUnit[]): void {
    const next = new Map(units.map((u) => [u.code, u]));
    const toCommune = (u: AdminUnit): Commune => ({
      id: u.code,
      name: u.name,
      district: (u.parentCode ? next.get(u.parentCode)?.name : undefined) ?? '',
      aliases: u.aliases,
      mergedInto: u.mergedInto,
    });
    this.units = next;
    this.communeCache = new Map([...next.values()].filter((u) => COMMUNE_KINDS.has(u.kind)).map((u) => [u.code, toCommune(u)]));
    this.active = [...this.communeCache.values()].filter((c) => !c.mergedInto && !next.get(c.id)?.retired);
  }

  /** Communes residents can pick today (not merged away, not retired), in the order imported. */
  get communes(): readonly Commune[] {
    return this.active;
  }

  /** Any commune ever known, merged or retired ones included, so old records keep their names. */
  communeById(id: string): Commune | undefined {
    return this.communeCache.get(id);
  }

  /** The commune and every unit merged into it (transitively): whose records now belong to it. */
  family(id: string): string[] {
    const out = [id];
    for (let i = 0; i < out.length; i++) {
      for (const c of this.communeCache.values()) if (c.mergedInto === out[i] && !out.includes(c.id)) out.push(c.id);
    }
    return out;
  }

  all(): AdminUnit[] {
    return [...this.units.values()];
  }

  byCode(code: string): AdminUnit | undefined {
    return this.units.get(code);
  }
}
