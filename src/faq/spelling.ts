import { squeezeLetters } from './normalize.js';
import { isSyllableShaped } from '../language/syllable-shape.js';

/**
 * Typo repair against the knowledge base's own syllables, before syllable pairs are formed (so a
 * typo inside "đăng ký" still yields the pair). Deliberately narrow: folded Vietnamese syllables
 * are short and many are one edit apart, so short syllables are only repaired for a swap of two
 * letters ("dnag" -> "dang") or a leftover Telex key ("tieems" -> "tiem"), and longer ones for one
 * edit; and only tokens that cannot be a Vietnamese syllable are touched at all. A repaired
 * syllable counts as weaker evidence than an exact one (see the matcher).
 */
export class SyllableSpeller {
  private readonly byLength = new Map<number, string[]>();

  constructor(private readonly frequency: ReadonlyMap<string, number>) {
    for (const s of frequency.keys()) {
      const list = this.byLength.get(s.length) ?? [];
      list.push(s);
      this.byLength.set(s.length, list);
    }
  }

  knows(syllable: string): boolean {
    return this.frequency.has(syllable);
  }

  /** The known syllable this one most likely meant, or null when none is close enough. */
  correct(syllable: string): string | null {
    if (this.knows(syllable) || !/^[a-z]{4,}$/.test(syllable) || isSyllableShaped(syllable)) return null;
    const telex = stripTelex(syllable);
    if (telex !== syllable && this.knows(telex)) return telex;
    let best: string | null = null;
    let bestFreq = -1;
    for (const len of [syllable.length - 1, syllable.length, syllable.length + 1]) {
      for (const cand of this.byLength.get(len) ?? []) {
        if (!this.acceptable(syllable, cand)) continue;
        const freq = this.frequency.get(cand) ?? 0;
        if (freq > bestFreq || (freq === bestFreq && best !== null && cand < best)) {
          best = cand;
          bestFreq = freq;
        }
      }
    }
    return best;
  }

  private acceptable(typo: string, cand: string): boolean {
    if (typo.length >= 5) return damerauWithinOne(typo, cand);
    return typo.length === cand.length && isTransposition(typo, cand);
  }
}

/** "tieems" -> "tiem", "chuwngr" -> "chung": Telex keys typed without an input method. */
function stripTelex(s: string): string {
  return squeezeLetters(s.replace(/([aeiouy])w/g, '$1').replace(/[sfrxj]$/, ''));
}

function isTransposition(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function damerauWithinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let diffs = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs++;
    return diffs === 1 || isTransposition(a, b);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
