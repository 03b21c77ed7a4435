import type { VenueDomain } from '../../venue-ops/ports.js';
import type { CliIo } from '../command.js';

/**
 * Commune names given on the command line (with or without diacritics) -> ids. Each must match
 * exactly one commune; otherwise the problem is printed and the result is null (usage error).
 */
export function resolveCommunes(domain: VenueDomain, inputs: readonly string[], io: CliIo): string[] | null {
  const ids: string[] = [];
  for (const input of inputs) {
    const found = domain.searchCommunes(input);
    if (found.length !== 1) {
      io.err(found.length === 0 ? `unknown commune: ${input}` : `"${input}" matches several: ${found.map((c) => c.name).join(', ')}`);
      return null;
    }
    ids.push(found[0]!.id);
  }
  return ids;
}
