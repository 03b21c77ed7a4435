import { foldWord } from '../../language/standardize.js';

/**
 * The folding of src/language (`foldWord`) as the two strings of a Postgres `translate()`, so a
 * stored column folds exactly like the text an official types. Every Vietnamese letter with a mark
 * (both cases, precomposed) maps to its folded letter; the combining marks themselves (text typed
 * in decomposed form) come last without a counterpart, so translate() drops them.
 */
const BASES = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const COMBINING = '\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323';

function table(): { from: string; to: string } {
  const letters = new Set<string>(['đ', 'Đ']);
  for (const b of BASES) for (const t of TONES) for (const c of [b, b.toUpperCase()]) letters.add(`${c}${t}`.normalize('NFC'));
  let from = '';
  let to = '';
  for (const l of letters) {
    const folded = foldWord(l);
    if (folded === l || [...l].length !== 1) continue;
    from += l;
    to += folded;
  }
  return { from: from + COMBINING, to };
}

const t = table();
export const FOLD_FROM = t.from;
export const FOLD_TO = t.to;
