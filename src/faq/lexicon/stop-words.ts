/**
 * Grammar words of a question: STOP_WORDS carry no topic of their own, FILLER_WORDS are the
 * politeness words and pronouns that do not even form syllable pairs. Folded words.
 */

/**
 * Words that carry little meaning in a question (politeness, pronouns, question words, "có ...
 * không"). They still form syllable pairs ("có thai", "bao nhiêu"), but alone they are neither
 * indexed nor counted as evidence that a question is about vaccination.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'ah', 'ak', 'o', 'oi', 'nhe', 'nha', 'nhi', 'vay', 'the', 'thi', 'la', 'ma', 'cho', 'toi',
  'minh', 'em', 'anh', 'chi', 'ban', 'hoi', 'xin', 'chao', 'vui', 'long', 'giup', 'dum', 'voi',
  'cua', 'do', 'khi', 'ne', 'luon', 'u', 'uh', 'uk', 'ok', 'oke', 'okie', 'cai', 'nhung', 'cac',
  'mot', 'rat', 'nao', 'gi', 'sao', 'co', 'duoc', 'khong', 'phai', 'nay', 'kia', 'day', 'nhu',
  'va', 'hay', 'hoac', 'se', 'da', 'roi', 'lam', 'muon', 'biet', 'hen', 'tai', 'den', 'tu',
  'trong', 've', 'chua', 'nua', 'them', 'ba', 'ong', 'bac', 'cau', 'chu', 'ha', 'hic', 'huhu',
  'nhieu', 'it', 'qua', 'lai', 'ai', 'bao',
  // grammar words with no topic of their own (if, kind of, surely, a little, cause, it, we): unknown to
  // the topics, they would count as the question's unexplained subject and sink a clear match
  'neu', 'kieu', 'chac', 'chut', 'khien', 'no', 'ta',
  // times of day and holidays (late night, noon, Tết, minutes) and "sớm" (early): when, not what
  'khuya', 'trua', 'dem', 'tet', 'phut', 'som',
  // "suốt" (all through: "suốt đêm", "suốt ngày")
  'suot',
  // "bên" (side, over at: "bên xã kia", "bên cạnh") locates, it names no topic
  'ben',
  // "thích" (and the dialect "ưng") wants something, like "muốn"
  'thich',
]);

/**
 * Politeness, pronouns and particles. Two of these side by side ("cho tôi", "em hỏi") do not
 * form a syllable pair; other stop words still do ("không được", "bao nhiêu").
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'a', 'ah', 'ak', 'o', 'oi', 'nhe', 'nha', 'nhi', 'vay', 'the', 'thi', 'la', 'ma', 'cho', 'toi',
  'minh', 'em', 'anh', 'chi', 'ban', 'hoi', 'xin', 'chao', 'vui', 'long', 'giup', 'dum', 'u', 'uh',
  'uk', 'ok', 'oke', 'okie', 'ne', 'luon', 'ha', 'hic', 'huhu', 'ba', 'ong', 'bac', 'cau', 'chu',
  'cua', 'do', 'voi', 'va', 'hen', 'roi', 'nua', 'ai',
]);
