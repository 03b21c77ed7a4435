/**
 * How residents of central Vietnam (Quảng Ngãi, Đức Phổ, Bình Sơn) write in chat, as data: dialect
 * words, teencode and unit suffixes, each mapped to standard Vietnamese (folded: no diacritics,
 * đ->d, lower case). Read by src/language/standardize.ts, which every reader of free text uses (the
 * FAQ, menu words, confirmations, commune names, relations). The data lives by concept in
 * ./speech-lexicon/; this module assembles WORD_RULES and re-exports the rest.
 */
import type { WordRule } from './speech-lexicon/word-rule.js';
import { CENTRAL_WORD_RULES } from './speech-lexicon/central-words.js';
import { TEENCODE_RULES } from './speech-lexicon/teencode.js';

export type { WordRule } from './speech-lexicon/word-rule.js';
export { PARTICLES } from './speech-lexicon/word-rule.js';
export { ONSET_SWAPS, KEEP_AS_IS } from './speech-lexicon/onset-swaps.js';

/** Every word's rules: the central-Vietnam words, then teencode (no word appears in both). */
export const WORD_RULES: Readonly<Record<string, readonly WordRule[]>> = { ...CENTRAL_WORD_RULES, ...TEENCODE_RULES };
