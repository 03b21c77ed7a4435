import type { TopicIndex } from './index-builder.js';
import { isStopWord } from './normalize.js';

/** Pairs of syllables ("tiem_chung") say more than single syllables; weight them up. */
const PAIR_BOOST = 1.6;
/** A pair with one stop word ("co_thai") counts like a single syllable. */
const HALF_STOP_PAIR_BOOST = 1;
/** A pair of two stop words ("duoc_khong", the question tag) barely counts. */
export const STOP_PAIR_BOOST = 0.3;
/** "không được", "chưa có": a negation before a word changes the meaning, so it is not a stop pair. */
const NEGATIONS = new Set(['khong', 'chua']);

/** One topic's BM25+ score for a question and which query terms it matched. */
export interface TopicHit {
  readonly id: string;
  readonly score: number;
  /** Matched syllables, including both halves of matched pairs. */
  readonly matched: ReadonlySet<string>;
  readonly pairs: ReadonlySet<string>;
}

export function pairBoost(term: string): number {
  const parts = term.split('_');
  if (parts.length < 2) return 1;
  const stops = parts.filter((p, i) => isStopWord(p) && !(i === 0 && NEGATIONS.has(p))).length;
  return stops === 0 ? PAIR_BOOST : stops === 1 ? HALF_STOP_PAIR_BOOST : STOP_PAIR_BOOST;
}

/** Topics ranked by BM25+ over the query's syllables and pairs, best first (ties by id). */
export function rankTopics(index: TopicIndex, terms: readonly string[]): TopicHit[] {
  if (terms.length === 0) return [];
  const results = index.search.search(terms.join(' '), { combineWith: 'OR', boostTerm: pairBoost });
  const hits = results.map((r): TopicHit => {
    const matched = new Set<string>();
    const pairs = new Set<string>();
    for (const t of r.queryTerms) {
      if (t.includes('_')) pairs.add(t);
      for (const s of t.split('_')) matched.add(s);
    }
    return { id: r.id as string, score: r.score, matched, pairs };
  });
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
