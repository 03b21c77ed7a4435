/**
 * "mệ tui 90 rồi", "ông tôi 85, bị tiểu đường": a number right after a person is their age, though
 * residents leave out "tuổi". Without the word the age topic, whose questions all name it, could
 * not be told from any other question with a number. Folded syllables, after the phrases.
 */
const PERSONS = new Set(['me', 'bo', 'ba', 'ong', 'con', 'vo', 'chong', 'chau', 'anh', 'chi', 'em', 'co', 'chu', 'bac', 'di', 'cau', 'be']);
const OWNERS = new Set(['toi', 'tui', 'em', 'minh', 'e', 'mk', 'nha', 'noi', 'ngoai']);
/** What else a number after a person counts: months, doses, degrees of fever... */
const UNITS = new Set(['tuoi', 'thang', 'ngay', 'tuan', 'nam', 'mui', 'lieu', 'lan', 'do', 'kg', 'cm', 'gio', 'phut', 'nguoi']);
const MAX_AGE = 120;

export function markAges(tokens: readonly string[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    out.push(t);
    if (!/^\d{1,3}$/.test(t) || Number(t) > MAX_AGE || Number(t) === 0) return;
    const prev = tokens[i - 1];
    const person = prev !== undefined && (PERSONS.has(prev) || (OWNERS.has(prev) && PERSONS.has(tokens[i - 2] ?? '')));
    const next = tokens[i + 1];
    if (person && (next === undefined || !UNITS.has(next))) out.push('tuoi');
  });
  return out;
}
