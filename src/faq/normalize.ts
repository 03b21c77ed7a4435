import { squeezeLetters, standardWords } from '../language/standardize.js';
import { markAges } from './ages.js';
import { ABBREVIATIONS, MARKED_WORDS, FILLER_WORDS, PHRASES, STOP_WORDS } from './lexicon.js';

export { squeezeLetters };

/**
 * Text normalisation for matching Vietnamese as residents type it. Matching runs on folded
 * syllables (no diacritics, đ->d, lower case) because many people type without accents; the
 * ambiguity this adds ("đã"/"đá" both become "da") is handled by syllable pairs and by the
 * out-of-scope evidence check, not here.
 */

/** NFC, lower case, diacritics removed, đ->d. Accepts NFC or NFD input alike. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}


/** Vietnamese writes "kỳ/kì", "lý/lí", "mỹ/mĩ" interchangeably: consonant + y becomes consonant + i. */
const CONSONANT_Y = /^(b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|nh|p|ph|r|s|t|th|tr|v|x)y$/;
function unifyIY(syllable: string): string {
  return CONSONANT_Y.test(syllable) ? `${syllable.slice(0, -1)}i` : syllable;
}

/** Splits "mui3" -> "mui", "3" but keeps F0/F1 (case classes) and SpO2 (a domain term) whole. */
function splitLettersDigits(token: string): string[] {
  if (/^(f\d|spo2)$/.test(token)) return [token];
  return token.match(/[a-z]+|\d+/g) ?? [];
}

function expandToken(raw: string): string[] {
  const direct = ABBREVIATIONS[raw];
  if (direct !== undefined) return words(direct);
  const out: string[] = [];
  for (const part of splitLettersDigits(raw)) {
    const squeezed = /\d/.test(part) ? part : squeezeLetters(part);
    const abbr = ABBREVIATIONS[part] ?? ABBREVIATIONS[squeezed];
    out.push(...(abbr !== undefined ? words(abbr) : [squeezed]));
  }
  return out;
}

function words(s: string): string[] {
  return s.split(' ').filter((w) => w !== '');
}

function applyPhrases(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const rule = PHRASES.find(([from]) => from.every((t, k) => tokens[i + k] === t));
    if (rule) {
      out.push(...rule[1]);
      i += rule[0].length;
    } else {
      out.push(tokens[i] as string);
      i += 1;
    }
  }
  return out;
}

const MARKED = new RegExp(`(?<![\\p{L}\\p{M}])(${Object.keys(MARKED_WORDS).join('|')})(?![\\p{L}\\p{M}])`, 'gu');

/** "chó", "gà", "dại" (with their marks) -> the pet, livestock or disease words the evidence knows. */
function readMarkedWords(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(MARKED, (w) => MARKED_WORDS[w] ?? w);
}

/**
 * Folded, expanded syllables of a text, in order: first the shared reading of residents' speech
 * (dialect, teencode, Telex slips: src/language), then the FAQ's own health-domain abbreviations.
 */
export function syllables(text: string): string[] {
  const raw = standardWords(readMarkedWords(text)).flatMap((w) => w.split(/[^a-z0-9]+/)).filter((t) => t !== '');
  const expanded = raw.flatMap(expandToken).map(unifyIY);
  return markAges(applyPhrases(expanded));
}

export function isStopWord(syllable: string): boolean {
  return STOP_WORDS.has(syllable);
}

/**
 * The terms a text contributes to retrieval: content syllables (stop words removed) and adjacent
 * syllable pairs ("tiem_chung", "dang_ki", "co_thai", "khong_duoc"), except pairs of two
 * politeness words or pronouns ("cho_toi"). Pairs
 * matter in Vietnamese, where most words are two syllables and single syllables are ambiguous.
 */
export interface Analysis {
  readonly syllables: readonly string[];
  readonly unigrams: readonly string[];
  readonly bigrams: readonly string[];
}

export function analyzeSyllables(sylls: readonly string[]): Analysis {
  const unigrams = sylls.filter((s) => !isStopWord(s));
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < sylls.length; i++) {
    const a = sylls[i] as string;
    const b = sylls[i + 1] as string;
    if (FILLER_WORDS.has(a) && FILLER_WORDS.has(b)) continue;
    bigrams.push(`${a}_${b}`);
  }
  return { syllables: sylls, unigrams, bigrams };
}

export function analyze(text: string): Analysis {
  return analyzeSyllables(syllables(text));
}

/** Space-joined terms, the form handed to MiniSearch (whose tokenizer then splits on spaces). */
export function termsOf(a: Analysis): string[] {
  return [...a.unigrams, ...a.bigrams];
}
