import { fold } from '../domain/fold.js';
import type { Commune } from '../venue-ops/ports.js';

const PREFIX = /^(phuong|xa|thi tran|tt|p\.?|x\.?)\s+/;
const PREFIX_EXACT = /^(phường|xã|thị trấn|tt|p\.?|x\.?)\s+/;
const bare = (s: string) => fold(s).replace(PREFIX, '').trim();

/** Edit distance with an early exit above `max` (names are short). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Finds communes the way residents type them: with or without diacritics and the "phường/xã"
 * prefix, a prefix of the name, or one typo ("pho mimh"). Exact beats prefix beats contains beats
 * typo; an exact match with diacritics ("Bình Thạnh") beats its folded twin ("Bình Thanh").
 */
export function searchCommunes(communes: readonly Commune[], input: string): Commune[] {
  const q = bare(input);
  if (q.length < 2) return [];
  const accented = input.normalize('NFC').toLowerCase().trim().replace(PREFIX_EXACT, '');
  const withDiacritics = communes.filter((c) => c.name.toLowerCase().replace(PREFIX_EXACT, '') === accented);
  if (withDiacritics.length === 1) return withDiacritics;
  const tiers: ((name: string) => boolean)[] = [
    (n) => n === q,
    (n) => n.startsWith(q),
    (n) => q.length >= 3 && n.includes(q),
    (n) => q.length >= 4 && distance(n, q, q.length > 8 ? 2 : 1) <= (q.length > 8 ? 2 : 1),
  ];
  for (const tier of tiers) {
    const found = communes.filter((c) => tier(bare(c.name)) || (c.aliases ?? []).some((a) => tier(bare(a))));
    if (found.length > 0) return found;
  }
  return [];
}
