/**
 * Folded words with several marked readings. Matching runs on folded syllables, so in a message
 * typed without any marks "tiem" is tiêm (inject) or tiệm (shop), "mui" mũi (dose, nose) or mùi
 * (smell). The neighbours usually decide ("đi tiêm", "tiêm xong", "mũi 2", "bị sốt"); when they do
 * not, the word is weaker evidence (see evidence.ts and decision.ts): next to another procedure it
 * does not put the question in the domain, and a topic tied to the question by such words alone
 * needs a clear lead to be the answer ("ma qr cua tiem toi bi mat" is about a shop).
 */

/** Neighbours that fix the domain reading of an ambiguous word; '#num' is any number. */
interface Resolvers {
  readonly prev: readonly string[];
  readonly next: readonly string[];
  /**
   * Neighbours that fix the other reading, with or without marks (both fold alike): "mặc áo" is
   * not "mắc covid", so the word is no domain evidence at all ("mac ao gi di phong van").
   */
  readonly otherNext?: readonly string[];
}

const SHOT_NEXT = ['vacxin', 'mui', 'chung', 'phong', 'ngua', 'covid', 'xong', 'xg', 'duoc', 'roi', 'lai', 'cho', 'bu', 'nhac', 'lieu', 'pfizer', 'moderna', 'astrazeneca', 'verocell'];

const CASE_PREV = ['la', 'bi', 'thanh', 'ca', 'nguoi', 'nha', 'voi', 'cac', 'f0', 'f1', 'tiep', 'xuc', 'dien', 'minh', 'toi', 'em', 'e', 'con', 'vo', 'chong'];
const CASE_NEXT = ['thi', 'co', 'phai', 'cach', 'duoc', 'khong', 'di', 'o', 'tai', 'can', 'nen', 'roi', 'la', 'tiep', 'va', 'f1', 'f2', 'bao', 'tiem', 'lam', 'xet', 'test', 'bi', 'ma', 'tu'];

/** The domain words that fold ambiguously, each with the neighbours that make it the domain word. */
export const AMBIGUOUS_FOLDED: Readonly<Record<string, Resolvers>> = {
  // tiêm / tiệm
  tiem: {
    prev: ['di', 'duoc', 'can', 'phai', 'da', 'chua', 'se', 'muon', 'nen', 'dang', 'vua', 'moi', 'lan', 'buoi', 'ngay', 'diem', 'lich', 'luot', 'mui', 'noi', 'sau', 'truoc', 'hoan', 'cam', 'khong', 'khi', 'hom', 'tiem', 'mai', 'nhan'],
    next: SHOT_NEXT,
  },
  // mũi / mùi / múi
  mui: { prev: ['#num', 'tiem', 'may', 'cac', 'hai', 'ba', 'du', 'nhung'], next: ['#num', 'nhac', 'tiem', 'vacxin', 'bo', 'tang', 'co', 'tiep'] },
  // liều / liệu
  lieu: { prev: ['#num', 'may', 'cac', 'du', 'tiem'], next: ['#num', 'nhac', 'bo', 'co', 'tang', 'vacxin', 'tiep'] },
  // sốt / sót
  sot: { prev: ['bi', 'ha', 'con', 'van', 'hay', 'hoi', 'nong', 'ho'], next: ['#num', 'cao', 'nhe', 'sau', 'ho', 'dau', 'keo', 'ret'] },
  // bầu / bầu cử / bấu
  bau: { prev: ['mang', 'co', 'dang', 'ba', 'vo', 'chi', 'me'], next: ['#num', 'bi', 'may'] },
  // thai / Thái / thải
  thai: { prev: ['mang', 'co', 'dang', 'thu', 'nhi'], next: ['#num', 'phu', 'ki', 'nhi'] },
  // mắc / mặc / mác
  mac: { prev: ['da', 'bi', 'tung', 'dang', 'tai', 'nguoi'], next: ['covid', 'benh', 'roi'], otherNext: ['ao', 'quan', 'do', 'vay', 'dam', 'dep', 'ca', 'gia', 'mua', 'tien'] },
  // a case class (F0, F1) or a motor race, a hybrid seed ("giống F1"), a keyboard key
  f0: { prev: CASE_PREV, next: CASE_NEXT },
  f1: { prev: CASE_PREV, next: CASE_NEXT },
  f2: { prev: CASE_PREV, next: CASE_NEXT },
  // nhiễm / nhiệm
  nhiem: { prev: ['bi', 'ca', 'da', 'tung', 'nguoi', 'tai', 'lay'], next: ['covid', 'benh', 'roi', 'lai', 'omicron', 'delta'], otherNext: ['vu', 'ki', 'ky', 'y', 'mau', 'man'] },
};

/**
 * OTHER_ADMIN_TERMS that fold ambiguously as well: "ki_ho" is ký hộ (for someone) or hộ khẩu,
 * "xa_hoi" xã hội or "xã hỏi". One unsure reading must not cancel another.
 */
export const AMBIGUOUS_OTHER_ADMIN_TERMS: ReadonlySet<string> = new Set(['ki_ho', 'xa_hoi']);

/**
 * Of those, the ones only folding makes ambiguous: typed with marks, "xã hội" is read as its own
 * word before folding (MARKED_WORDS), so in a marked message "xa_hoi" can only be "xã hỏi" ("tui
 * muốn gặp cán bộ xã hỏi chút") and names no other procedure.
 */
export const FOLDED_ONLY_OTHER_ADMIN_TERMS: ReadonlySet<string> = new Set(['xa_hoi']);

const fits = (list: readonly string[], w: string | undefined) => w !== undefined && (list.includes(w) || (list.includes('#num') && /^\d+$/.test(w)));

/**
 * The ambiguous words of an unmarked message that no neighbour resolves ("tiem" in "chu tiem",
 * but not in "di tiem" or "tiem mui 2"); empty for a message with marks, whose words say which
 * reading they are.
 */
export function unresolvedAmbiguous(sylls: readonly string[], unmarked: boolean): ReadonlySet<string> {
  const out = new Set<string>();
  if (!unmarked) return out;
  const resolved = new Set<string>();
  sylls.forEach((s, i) => {
    const r = AMBIGUOUS_FOLDED[s];
    if (!r) return;
    if (fits(r.prev, sylls[i - 1]) || fits(r.next, sylls[i + 1])) resolved.add(s);
    else out.add(s);
  });
  for (const s of resolved) out.delete(s);
  return out;
}

/**
 * Ambiguous words whose neighbour decides the everyday reading ("mặc áo", "mặc cả"): whether the
 * message has marks or not, they are not domain words.
 */
export function otherReadings(sylls: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  sylls.forEach((s, i) => {
    const other = AMBIGUOUS_FOLDED[s]?.otherNext;
    if (other !== undefined && fits(other, sylls[i + 1])) out.add(s);
  });
  return out;
}
