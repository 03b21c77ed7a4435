import { fold } from '../domain/fold.js';
import { standardWords } from '../language/standardize.js';
import type { Commune } from '../venue-ops/ports.js';

const PREFIX_EXACT = /^(phường|xã|thị trấn|đặc khu|tt|p\.?|x\.?)\s+/;

/** Unit words typed before a name ("xã", "phường", "thị trấn", "đặc khu", "P.", "X.", "TT", "phuog"). */
const UNIT_WORDS: readonly (readonly string[])[] = [['thi', 'tran'], ['dac', 'khu'], ['phuong'], ['phuog'], ['phg'], ['p'], ['xa'], ['x'], ['tt']];
/** What people write around a name: "tui ở xã ...", "xã tui là ...", "thuộc phường ...", "... á", "... nha". */
const LEAD_WORDS = new Set(['toi', 'tui', 'em', 'e', 'minh', 'nha', 'o', 'tai', 'thuoc', 'la', 'song', 'cua', 'ben']);
const TRAIL_WORDS = new Set(['a', 'ah', 'ak', 'nha', 'nhe', 'ne', 'vay', 'ha', 'do', 'day', 'oi', 'ad', 'nhi', 'ban', 'ha']);

/** Drops leading fillers and unit words and trailing particles, as long as a name is left. */
function stripAround(words: readonly string[]): string {
  const w = [...words];
  for (let moved = true; moved && w.length > 1; ) {
    moved = false;
    const unit = UNIT_WORDS.find((u) => u.length < w.length && u.every((t, i) => w[i] === t));
    if (unit) {
      w.splice(0, unit.length);
      moved = true;
    } else if (LEAD_WORDS.has(w[0]!)) {
      w.shift();
      moved = true;
    }
  }
  while (w.length > 1 && TRAIL_WORDS.has(w[w.length - 1]!)) w.pop();
  return w.join(' ');
}

/**
 * The ways one text can be read as a commune name: plainly folded ("Phổ Minh" -> "pho minh") and
 * through the shared speech reader (src/language: teencode, dialect, Telex slips, repeated
 * letters), each without the words around the name. Names go through the same reading, so a rule
 * of the speech reader can never make a name unfindable.
 */
function readings(text: string): string[] {
  const plain = fold(text).split(/[^a-z0-9]+/).filter((t) => t !== '');
  return [...new Set([stripAround(plain), stripAround(standardWords(text))])].filter((r) => r !== '');
}

/** Readings of every name and alias, cached per list (the catalog swaps its list on change). */
const formsCache = new WeakMap<readonly Commune[], Map<Commune, string[]>>();
function nameForms(communes: readonly Commune[]): Map<Commune, string[]> {
  let forms = formsCache.get(communes);
  if (!forms) {
    forms = new Map(communes.map((c) => [c, [c.name, ...(c.aliases ?? [])].flatMap(readings)]));
    formsCache.set(communes, forms);
  }
  return forms;
}

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
 * Finds communes the way residents type them: with or without diacritics and the "xã/phường"
 * prefix (or "P.", "X.", "TT"), inside a sentence ("tui ở xã Bình Châu á"), in teencode or
 * dialect, by a former name or alias, a prefix of the name, or one typo ("pho mimh"). Exact beats
 * prefix beats contains beats typo; an exact match with diacritics ("Bình Thạnh") beats its folded
 * twin ("Bình Thanh").
 */
export function searchCommunes(communes: readonly Commune[], input: string): Commune[] {
  const queries = readings(input).filter((q) => q.replace(/ /g, '').length >= 2);
  if (queries.length === 0) return [];
  const accented = input.normalize('NFC').toLowerCase().trim().replace(PREFIX_EXACT, '');
  const withDiacritics = communes.filter((c) => c.name.toLowerCase().replace(PREFIX_EXACT, '') === accented);
  if (withDiacritics.length === 1) return withDiacritics;
  const forms = nameForms(communes);
  const tiers: ((name: string, q: string) => boolean)[] = [
    (n, q) => n === q,
    (n, q) => n.startsWith(q),
    (n, q) => q.length >= 3 && n.includes(q),
    (n, q) => q.length >= 4 && distance(n, q, q.length > 8 ? 2 : 1) <= (q.length > 8 ? 2 : 1),
  ];
  for (const tier of tiers) {
    const found = communes.filter((c) => forms.get(c)!.some((n) => queries.some((q) => tier(n, q))));
    if (found.length > 0) return found;
  }
  return [];
}
