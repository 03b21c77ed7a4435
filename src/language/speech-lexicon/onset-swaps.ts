/**
 * Teencode's swapped leading letters, and the loan words and brands that must never be repaired as if
 * they were misspelt Vietnamese syllables.
 */

/**
 * Leading letters teencode swaps ("wá" = quá, "fải" = phải, "jờ" = giờ, "kon" = con, "zui" = vui),
 * tried in order on a folded token that is not itself a Vietnamese syllable; kept only when the
 * result is one (so "web", "file", "zalo" stay as they are).
 */
export const ONSET_SWAPS: readonly (readonly [RegExp, string])[] = [
  [/^w/, 'qu'],
  [/^f(?=[a-z])/, 'ph'],
  [/^j(?=i)/, 'g'],
  [/^j/, 'gi'],
  [/^dz/, 'v'],
  [/^z/, 'v'],
  [/^k(?=[aou])/, 'c'],
];

/** Words never rewritten by the onset swaps or Telex repair (brands, loan words people type). */
export const KEEP_AS_IS: ReadonlySet<string> = new Set(['app', 'zalo', 'web', 'wifi', 'facebook', 'fb', 'file', 'free', 'ok', 'f0', 'f1', 'f2', 'wed']);
