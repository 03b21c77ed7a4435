import type { AnalyzedQuery, TopicIndex } from './index-builder.js';
import { AMBIGUOUS_OTHER_ADMIN_TERMS, FOLDED_ONLY_OTHER_ADMIN_TERMS, otherReadings, unresolvedAmbiguous } from './ambiguity.js';
import { DOMAIN_TERMS, MARKED_WORDS, NON_VACCINE_PROCEDURE_TERMS, OTHER_ADMIN_TERMS, OTHER_DISEASE_TERMS, WEAK_DOMAIN_TERMS } from './lexicon.js';
import { isSyllableShaped } from '../language/syllable-shape.js';
import { isStopWord } from './normalize.js';
import { pairBoost, STOP_PAIR_BOOST, type TopicHit } from './ranking.js';

/** pairBoost above this: a pair of two content syllables (no stop word). */
const HALF_STOP_PAIR_BOOST_LIMIT = 1;

/** A repaired typo is weaker evidence than an exact syllable. */
const REPAIRED_WEIGHT = 0.75;
/** Numbers ("85 tuổi", "50 nghìn") carry little topical meaning; unknown ones must not sink a match. */
const NUMBER_WEIGHT = 0.25;
const OTHER_DISEASE = new Set(OTHER_DISEASE_TERMS);
/** COVID-19 and its variants: a question naming one is about COVID-19 ("phân biệt Omicron với cảm cúm"). */
const COVID_NAMES: ReadonlySet<string> = new Set(['covid', 'omicron', 'delta']);
const NON_VACCINE_PROCEDURE = new Set(NON_VACCINE_PROCEDURE_TERMS);
/** Pairs read from a marked word ("chó" -> "vật nuôi"): sure, never an overlap of folding. */
const SURE_PAIRS = new Set(Object.values(MARKED_WORDS).map((v) => v.replace(' ', '_')));

/**
 * What the matcher knows about one question besides the ranking. Shares are in [0, 1] and weigh
 * each meaningful syllable by its rarity across topics (inverse topic frequency).
 * A question can rank a topic first through one shared word ("giá" in "giá vàng", "tên" in "bạn
 * tên gì"); these signals are what keep such questions from getting an answer.
 */
export interface MatchEvidence {
  /** Meaningful syllables in the question (stop words excluded). */
  readonly contentTerms: number;
  /** Share of the question the knowledge base knows at all. */
  readonly coverage: number;
  /** Share of the question the best topic explains. */
  readonly support: number;
  readonly top1: number;
  readonly top2: number;
  /** (top1 - top2) / top1: how clearly the best topic beats the runner-up. */
  readonly margin: number;
  /** The best topic matched a meaningful syllable pair or one of its one-word keywords. */
  readonly anchored: boolean;
  /** Names something of this assistant's domain (see DOMAIN_TERMS); required to answer. */
  readonly inDomain: boolean;
  /**
   * The best topic itself explains one of the question's domain terms. Without it the topic ranks
   * first through the question's frame only ("thẻ bhyt hết hạn gia hạn ở đâu" -> the OTP topic via
   * "hết hạn"), which is no reason to answer, even when the question names a domain word elsewhere.
   */
  readonly topical: boolean;
  /**
   * The best topic is tied to the question only through words that fold ambiguously in a message
   * typed without marks, with no neighbour to decide (ambiguity.ts): "tiem" may be the shop.
   */
  readonly topicalOnlyAmbiguous: boolean;
  /** Names another disease or vaccine (rabies, flu, HPV...) without naming COVID-19. */
  readonly otherDisease: boolean;
  /**
   * Two questions joined by "và" ("đi tiêm cần mang theo gì và ăn uống thế nào"): each part may
   * belong to another topic, so one topic must explain most of the message to answer.
   */
  readonly asksTwo: boolean;
  /**
   * The question names one of the best topic's defining words (its `requires` cues, topic-cues.ts).
   * Ranking puts topics that fit first; when none fits, the best one may still rank first, but
   * only on shared words ("bầu bí ăn gì" is not about vaccinating a pregnant woman): no answer.
   */
  readonly definingWords: boolean;
  /**
   * Surely names another procedure (a two-syllable OTHER_ADMIN_TERMS word that folds unambiguously:
   * "kết bạn Zalo", "tài khoản ngân hàng"; "học" alone is no procedure): a question
   * about the assistant's own features names none ("quét mã QR kết bạn Zalo" is Zalo's QR code).
   */
  readonly otherProcedure: boolean;
}

/** Words that make a clause a question: what, which, where, how, how many. */
const QUESTION_WORDS = new Set(['gi', 'nao', 'dau', 'sao', 'nhieu', 'ntn']);
/** A clause-final tag makes a yes/no question ("... được không", "... chưa"). */
const QUESTION_TAGS = new Set(['khong', 'chua']);

/** True when at least two clauses separated by "và" each ask something. */
export function asksTwoQuestions(sylls: readonly string[]): boolean {
  const clauses: string[][] = [[]];
  for (const s of sylls) {
    if (s === 'va') clauses.push([]);
    else clauses[clauses.length - 1]!.push(s);
  }
  const asks = (c: readonly string[]) => c.some((s) => QUESTION_WORDS.has(s)) || QUESTION_TAGS.has(c[c.length - 1] ?? '');
  return clauses.filter(asks).length >= 2;
}

function idf(index: TopicIndex, term: string): number {
  const n = index.topicCount;
  const df = Math.max(index.topicFrequency.get(term) ?? 0, 1);
  const w = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return /^\d+$/.test(term) ? w * NUMBER_WEIGHT : w;
}

/** Words after which residents name a place ("ở Đức Phổ", "xã Phổ Minh", "tại Bình Sơn", "về quê Mộ Đức", "đường Quảng Phú", "thị trấn La Hà", "bên Phổ Vinh"). */
const PLACE_MARKERS = new Set(['o', 'tai', 'xa', 'phuong', 'huyen', 'thon', 'tinh', 'tp', 'que', 'duong', 'tran', 'ben']);
/**
 * The first syllable of many Quảng Ngãi commune names ("Phổ Thạnh", "Phổ Vinh" in Đức Phổ, "Bình
 * Hải" in Bình Sơn, "Nghĩa Kỳ", "Đức Lân", "Hành Thiện"): after a place marker, the head and the
 * next syllable are a commune name even when the knowledge base knows them as words ("thạnh"
 * folds like "thành").
 */
const COMMUNE_HEADS = new Set(['pho', 'binh', 'nghia', 'duc', 'hanh']);
/** Place names are two or three syllables ("Bình Sơn", "Bình Tân Phú"). */
const PLACE_LENGTH = { min: 2, max: 3 } as const;

/**
 * Syllables the knowledge base does not know that follow a place marker: a commune or district name
 * ("tiêm ở Bình Sơn được không"). In a question that names a domain term they are neither evidence
 * for a topic nor against the question being in scope; their pairs still count (so "ở thú y" still
 * names a vet). Only well-formed Vietnamese syllables ("ở spa" is not a place name).
 */
function placeNames(index: TopicIndex, sylls: readonly string[]): Set<string> {
  const out = new Set<string>();
  sylls.forEach((s, i) => {
    if (!PLACE_MARKERS.has(s)) return;
    const head = sylls[i + 1];
    const tail = sylls[i + 2];
    if (head !== undefined && COMMUNE_HEADS.has(head) && tail !== undefined && !isStopWord(tail) && isSyllableShaped(tail)) {
      out.add(head).add(tail);
      return;
    }
    const name: string[] = [];
    for (const next of sylls.slice(i + 1, i + 1 + PLACE_LENGTH.max)) {
      if (index.topicFrequency.has(next) || isStopWord(next) || !isSyllableShaped(next)) break;
      name.push(next);
    }
    if (name.length >= PLACE_LENGTH.min) for (const n of name) out.add(n);
  });
  return out;
}

export function computeEvidence(index: TopicIndex, query: AnalyzedQuery, hits: readonly TopicHit[], bestFits = true): MatchEvidence {
  const { analysis, repaired } = query;
  // words whose neighbour gives them their everyday reading ("mặc áo") are no domain evidence, nor
  // is a folded pair that marks would have told apart (ambiguity.ts)
  const everyday = new Set(otherReadings(analysis.syllables));
  if (!query.unmarked) for (const t of FOLDED_ONLY_OTHER_ADMIN_TERMS) everyday.add(t);
  const allTerms = [...analysis.unigrams, ...analysis.bigrams].filter((t) => !everyday.has(t));
  const weak = unresolvedAmbiguous(analysis.syllables, query.unmarked);
  const places = isInDomain(allTerms, weak) ? placeNames(index, analysis.syllables) : new Set<string>();
  const unigrams = [...new Set(analysis.unigrams)].filter((u) => !places.has(u));
  const terms = [...unigrams, ...analysis.bigrams].filter((t) => !everyday.has(t));
  const weight = (u: string) => idf(index, u) * (repaired.has(u) ? REPAIRED_WEIGHT : 1);
  const share = (keep: (u: string) => boolean) => {
    const total = unigrams.reduce((s, u) => s + idf(index, u), 0);
    return total > 0 ? unigrams.filter(keep).reduce((s, u) => s + weight(u), 0) / total : 0;
  };
  const best = hits[0];
  const top1 = best?.score ?? 0;
  const top2 = hits[1]?.score ?? 0;
  const explained = best === undefined ? [] : domainTerms(terms, weak).filter((t) => (t.includes('_') ? best.pairs.has(t) : best.matched.has(t)));
  return {
    contentTerms: unigrams.length,
    coverage: share((u) => index.topicFrequency.has(u)),
    support: best ? share((u) => best.matched.has(u)) : 0,
    top1,
    top2,
    margin: top1 > 0 ? (top1 - top2) / top1 : 0,
    anchored: best !== undefined && isAnchored(index, best),
    inDomain: isInDomain(terms, weak),
    topical: explained.length > 0,
    topicalOnlyAmbiguous: explained.length > 0 && explained.every((t) => weak.has(t)),
    otherDisease: namesOtherDisease(index, analysis.syllables, terms),
    asksTwo: asksTwoQuestions(analysis.syllables),
    definingWords: bestFits,
    otherProcedure: terms.some((t) => OTHER_ADMIN_TERMS.has(t) && t.includes('_') && !AMBIGUOUS_OTHER_ADMIN_TERMS.has(t)),
  };
}

/**
 * Names another disease, vaccine or procedure without naming COVID-19 or a variant. A disease pair whose
 * second syllable starts a pair the knowledge base knows (no stop word in it) is read as that
 * pair instead: unmarked, "chuyển câu hỏi cho cán bộ" holds "cho can" (chó cắn, a dog bite) only
 * by folding, and "cán bộ" is the word. A procedure that is not a vaccine (insulin, giving blood)
 * next to the word "vắc xin" is the context of a vaccine question.
 */
function namesOtherDisease(index: TopicIndex, sylls: readonly string[], terms: readonly string[]): boolean {
  if (sylls.some((s) => COVID_NAMES.has(s))) return false;
  const vaccine = sylls.includes('vacxin');
  const overlapped = new Set<string>();
  sylls.forEach((s, i) => {
    const next = sylls[i + 1];
    const after = sylls[i + 2];
    // "cho chó con": a doubled syllable is the everyday word and the animal, never one compound
    if (next === undefined || after === undefined || next === s) return;
    const following = `${next}_${after}`;
    const pair = `${s}_${next}`;
    if (!SURE_PAIRS.has(pair) && index.topicFrequency.has(following) && pairBoost(following) > HALF_STOP_PAIR_BOOST_LIMIT) overlapped.add(pair);
  });
  return terms.some((t) => OTHER_DISEASE.has(t) && !overlapped.has(t) && !(vaccine && NON_VACCINE_PROCEDURE.has(t)));
}

function isAnchored(index: TopicIndex, hit: TopicHit): boolean {
  if ([...hit.pairs].some((p) => pairBoost(p) > STOP_PAIR_BOOST)) return true;
  const keywords = index.keywordTerms.get(hit.id);
  return keywords !== undefined && [...hit.matched].some((t) => keywords.has(t) && !isStopWord(t));
}

/**
 * The question's domain terms, without the weak ones (WEAK_DOMAIN_TERMS, and `ambiguous`: words
 * that fold ambiguously in an unmarked message) when it names another procedure.
 */
function domainTerms(terms: readonly string[], ambiguous: ReadonlySet<string>): string[] {
  const otherAdmin = terms.some((t) => OTHER_ADMIN_TERMS.has(t));
  // only a procedure named by two syllables, itself unambiguous, weakens an ambiguous word ("học sinh" does not)
  const surelyOtherAdmin = terms.some((t) => OTHER_ADMIN_TERMS.has(t) && t.includes('_') && !AMBIGUOUS_OTHER_ADMIN_TERMS.has(t));
  return terms.filter((t) => DOMAIN_TERMS.has(t) && !(otherAdmin && WEAK_DOMAIN_TERMS.has(t)) && !(surelyOtherAdmin && ambiguous.has(t)));
}

/** True when the terms (a whole question or one part of it) name a domain word. */
export function isInDomain(terms: readonly string[], ambiguous: ReadonlySet<string>): boolean {
  return domainTerms(terms, ambiguous).length > 0;
}
