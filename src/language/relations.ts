import { foldWord, standardWords } from './standardize.js';

/**
 * Family relations as residents type them ("mạ tui", "me", "bà nội", "o út", "ôn"), shown back in
 * standard Vietnamese with diacritics ("mẹ", "bà nội", "cô"). Words typed with their marks keep
 * their meaning; central-Vietnam kinship words are read first (mạ = mẹ, mệ = bà, bọ = bố, o = cô,
 * ôn = ông, eng = anh, ả = chị). Unknown wording is kept as typed.
 */
const DIALECT: Readonly<Record<string, string>> = {
  'mạ': 'mẹ', 'mệ': 'bà', 'bọ': 'bố', o: 'cô', 'ôn': 'ông', eng: 'anh', 'ả': 'chị', 'mự': 'mợ', 'mụ': 'bà', 'bầm': 'mẹ', 'u': 'mẹ', 'tía': 'bố',
};

/** Standard folded relation -> how to show it. */
const DISPLAY: Readonly<Record<string, string>> = {
  me: 'mẹ', bo: 'bố', ba: 'ba', 'bo me': 'bố mẹ', 'ba noi': 'bà nội', 'ba ngoai': 'bà ngoại', ong: 'ông', 'ong noi': 'ông nội', 'ong ngoai': 'ông ngoại',
  'ong ba': 'ông bà', con: 'con', 'con trai': 'con trai', 'con gai': 'con gái', vo: 'vợ', chong: 'chồng', anh: 'anh', chi: 'chị', em: 'em',
  'anh trai': 'anh trai', 'chi gai': 'chị gái', 'em trai': 'em trai', 'em gai': 'em gái', chau: 'cháu', 'chau noi': 'cháu nội', 'chau ngoai': 'cháu ngoại',
  co: 'cô', chu: 'chú', bac: 'bác', di: 'dì', cau: 'cậu', mo: 'mợ', thim: 'thím', duong: 'dượng', 'me chong': 'mẹ chồng', 'bo chong': 'bố chồng',
  'me vo': 'mẹ vợ', 'bo vo': 'bố vợ', 'con dau': 'con dâu', 'con re': 'con rể', 'ba con': 'bà con', 'hang xom': 'hàng xóm', ban: 'bạn',
};

/** Owner words after a relation ("mẹ tôi", "mạ của tui", "ông nội em"). */
const OWNER = new Set(['toi', 'tui', 'em', 'minh', 'cua', 'con', 'chau', 't', 'e', 'mk', 'nha', 'a', 'ah']);

export function relationOf(input: string): string {
  const typed = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  const lower = typed.toLowerCase();
  const first = lower.split(' ')[0] ?? '';
  const dialect = DIALECT[first] ?? (first === 'o' && foldWord(first) === first ? DIALECT.o : undefined);
  const rest = lower.split(' ').slice(1).join(' ');
  const words = dialect ? [...standardWords(dialect), ...standardWords(rest)] : standardWords(typed);
  const kept = [...words];
  while (kept.length > 1 && OWNER.has(kept.at(-1)!)) kept.pop();
  const key = kept.join(' ');
  // "bà" typed with its mark is not "ba" (father in the south and centre).
  if (key === 'ba' && /bà/.test(lower)) return 'bà';
  if (key === 'ba' && dialect === 'bà') return 'bà';
  if (key === 'ong' && dialect === 'ông') return 'ông';
  if (DISPLAY[key]) return DISPLAY[key]!;
  return dialect ? `${dialect}${rest ? ` ${rest}` : ''}`.slice(0, 40) : typed.slice(0, 40);
}
