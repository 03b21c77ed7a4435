import { isSyllableShaped } from './syllable-shape.js';
import { KEEP_AS_IS, ONSET_SWAPS, PARTICLES, WORD_RULES, type WordRule } from './speech-lexicon.js';

/**
 * Residents' writing -> standard Vietnamese words, folded (no diacritics, đ->d, lower case). The
 * one place that knows dialect words, teencode, Telex leftovers and repeated letters; the FAQ, the
 * menu and confirmation words, commune names and relations all read free text through it, so a
 * word learnt here is understood everywhere. Rules and context live in speech-lexicon.ts.
 *
 * Names and numbers typed as data (a full name, an ID number) must not go through here: "Chi" is a
 * name, not "gì".
 */

/** Lower case, no diacritics, đ->d. */
export function foldWord(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** True when the token carries a tone or vowel mark ("đ" alone does not count: "đc" is teencode). */
export function hasMarks(token: string): boolean {
  return foldWord(token) !== token.replace(/đ/g, 'd');
}

const PARTICLE_SET = new Set(PARTICLES);

interface Token {
  readonly exact: string;
  readonly folded: string;
  readonly marked: boolean;
}

interface Context {
  readonly prev: string | undefined;
  readonly next: string | undefined;
  readonly textMarked: boolean;
}

const isNum = (w: string | undefined) => w !== undefined && /^\d+$/.test(w);
const inList = (list: readonly string[], w: string | undefined) => w !== undefined && (list.includes(w) || (list.includes('#num') && isNum(w)));

function holds(rule: WordRule, tok: Token, c: Context): boolean {
  if (rule.form === 'exact' && !tok.marked) return false;
  if (rule.form === 'bare' && tok.marked) return false;
  if (rule.marked && !c.textMarked) return false;
  if (rule.prev && !inList(rule.prev, c.prev)) return false;
  if (rule.notPrev && inList(rule.notPrev, c.prev)) return false;
  if (rule.next && !inList(rule.next, c.next)) return false;
  if (rule.notNext && inList(rule.notNext, c.next)) return false;
  if (rule.start && c.prev !== undefined) return false;
  if (rule.end && c.next !== undefined && !PARTICLE_SET.has(c.next)) return false;
  return true;
}

/** "ko dc aaaa" -> "ko dc a"; keeps "uu"/"oo" which folded Vietnamese needs ("cứu", "xoong"). */
export function squeezeLetters(token: string): string {
  return token.replace(/([a-z])\1{2,}/g, '$1').replace(/([a-np-tv-z])\1/g, '$1');
}

/** "tieems" -> "tiem", "dduowcj" -> "duoc": Telex keys typed without an input method. */
export function stripTelex(s: string): string {
  return squeezeLetters(s.replace(/^dd/, 'd').replace(/([aeiouy])w/g, '$1').replace(/(?<=[a-z]{2})[sfrxj]$/, '')).replace(/oo(?=ng$|c$)/, 'o');
}

/** A folded token that is not a syllable, repaired into one when a known slip explains it. */
function repairShape(word: string): string {
  if (!/^[a-z]+$/.test(word) || KEEP_AS_IS.has(word) || isSyllableShaped(word)) return word;
  const squeezed = squeezeLetters(word);
  if (isSyllableShaped(squeezed)) return squeezed;
  for (const [from, to] of ONSET_SWAPS) {
    if (!from.test(word)) continue;
    const swapped = word.replace(from, to);
    if (isSyllableShaped(swapped)) return swapped;
  }
  const telex = stripTelex(word);
  return isSyllableShaped(telex) ? telex : word;
}

function rewrite(tok: Token, c: Context): string {
  const rules = WORD_RULES[tok.exact] ?? (tok.marked ? undefined : WORD_RULES[tok.folded]) ?? WORD_RULES[squeezeLetters(tok.folded)];
  const rule = rules?.find((r) => holds(r, tok, c));
  if (rule) return rule.to;
  if (rules) return tok.folded;
  if (tok.marked) return tok.folded;
  const repaired = repairShape(tok.folded);
  if (repaired === tok.folded) return repaired;
  const again = WORD_RULES[repaired]?.find((r) => holds(r, { ...tok, exact: repaired, folded: repaired }, c));
  return again ? again.to : repaired;
}

/** Splits "80t" -> "80", "t" and "50k" -> "50", "k" (age, money); keeps "f0", "m3", "covid19". */
function splitUnits(token: string): string[] {
  const m = /^(\d+)([a-zđ]{1,2})$/.exec(token);
  return m && ['t', 'k', 'tr', 'h'].includes(m[2]!) ? [m[1]!, m[2]!] : [token];
}

/** Clauses of raw lower-case tokens (letters with their marks, digits). */
function clauses(text: string): Token[][] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[.,!?;:\n()]+/)
    .map((clause) =>
      (clause.match(/[\p{L}\p{M}\d]+/gu) ?? []).flatMap(splitUnits).map((exact) => ({ exact, folded: foldWord(exact), marked: hasMarks(exact) })),
    )
    .filter((c) => c.length > 0);
}

/** Standard folded words of a message, in order ("mạ tui ở mô rứa" -> me toi o dau vay). */
export function standardWords(text: string): string[] {
  const all = clauses(text);
  const textMarked = all.some((c) => c.some((t) => t.marked));
  const out: string[] = [];
  for (const clause of all) {
    for (let i = 0; i < clause.length; i++) {
      const tok = clause[i]!;
      const c: Context = { prev: clause[i - 1]?.folded, next: clause[i + 1]?.folded, textMarked };
      out.push(...rewrite(tok, c).split(' ').filter((w) => w !== ''));
    }
  }
  return out;
}

/** standardWords joined by single spaces: the form to compare with folded keywords. */
export function standardText(text: string): string {
  return standardWords(text).join(' ');
}
