/**
 * What a family member's details must look like, whichever channel they are typed in (the chat's
 * guided flow, the Zalo Mini App form): one rule set, so both refuse and accept the same input.
 */

/** The name, tidied (inner whitespace collapsed), or null when it is too short, too long or carries control/bidi characters. */
export function cleanDependentName(input: string): string | null {
  const name = input.replace(/\s+/g, ' ').trim();
  const length = [...name].length;
  if (length < 2 || length > 60 || /[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/.test(name)) return null;
  return name;
}

/** A birth year is a whole year from 1900 up to this year (Vietnam's calendar year is close enough to UTC's here). */
export function validBirthYear(year: number, now: Date): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= now.getUTCFullYear();
}

/** The relation ("bố", "bà nội"...), at most 40 characters; empty means none. */
export function cleanRelation(input: string): string | null {
  return input.trim().slice(0, 40) || null;
}
