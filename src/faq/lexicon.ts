/**
 * Word lists for normalising how residents type: abbreviations and teen-code, brand-name spellings,
 * multi-word phrases and stop words, and the term lists that decide whether a question is in the
 * assistant's domain. All keys and values are already folded (no diacritics, đ->d, lower case),
 * because they are applied after folding (MARKED_WORDS excepted: read before folding). Expansions
 * generalise to any question; they are not tuned to particular test lines. Keep entries unambiguous
 * in a vaccination context. One concept per module in ./lexicon/; this module only re-exports them.
 */
export { ABBREVIATIONS } from './lexicon/abbreviations.js';
export { PHRASES } from './lexicon/phrases.js';
export { STOP_WORDS, FILLER_WORDS } from './lexicon/stop-words.js';
export { DOMAIN_TERMS, WEAK_DOMAIN_TERMS } from './lexicon/domain-terms.js';
export { OTHER_ADMIN_TERMS } from './lexicon/other-procedures.js';
export { OTHER_DISEASE_TERMS, NON_VACCINE_PROCEDURE_TERMS } from './lexicon/other-diseases.js';
export { MARKED_WORDS } from './lexicon/marked-words.js';
