/**
 * Folds Vietnamese text for matching: NFD, strip combining marks, đ -> d, lower case, single spaces.
 * Residents type with or without diacritics ("pho minh" for "Phổ Minh"); matching must not care.
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
