/**
 * The shape of a speech-lexicon rule. Many dialect and teencode words are ambiguous once diacritics
 * are gone ("mo" = mô/mở, "rang" = răng/răng (tooth), "chi" = chi/chị/chỉ, "te" = tê/tê (numb),
 * "o" = o/ở). A rule therefore says which form it applies to and in which context:
 * - `form: 'exact'`: the token exactly as typed (lower case, with its marks): "mô", "rứa", "mạ";
 * - `form: 'bare'`: the folded token typed without any tone or vowel mark ("mo", "dk", "ko");
 * - `prev` / `next`: the folded neighbour must (or with `notPrev` / `notNext` must not) be one of
 *   these words ("#num": a number); `end`: only at the end of a clause (or before a particle);
 *   `start`: only first in a clause;
 * - `marked`: only in a message that has diacritics elsewhere (an unmarked "chi" there is the
 *   dialect "gì", since "chị"/"chỉ" would carry their marks).
 * The first rule of a word whose conditions hold wins; no rule: the word stays as it is.
 * PARTICLES are the words that let `end` see a clause end before a closing particle.
 */

export interface WordRule {
  readonly to: string;
  readonly form: 'exact' | 'bare' | 'any';
  readonly prev?: readonly string[];
  readonly notPrev?: readonly string[];
  readonly next?: readonly string[];
  readonly notNext?: readonly string[];
  readonly end?: boolean;
  /** Only as the first word of a clause. */
  readonly start?: boolean;
  readonly marked?: boolean;
}

/** Particles that may close a question; a word before them counts as clause-final. */
export const PARTICLES: readonly string[] = [
  'a', 'ah', 'ak', 'ha', 'he', 'hi', 'ho', 'nhe', 'nha', 'nhi', 'ne', 'vay', 'z', 'v', 'rua', 'ri', 'the', 'hen', 'nghen',
  'ad', 'admin', 'mn', 'ban', 'oi', 'khong', 'ko', 'k', 'hong', 'chua', 'nua', 'roi', 'r', 'di', 'dau', 'do', 'day', 'ca', 'het',
];
