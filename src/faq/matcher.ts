import { decide, DEFAULT_THRESHOLDS, type Thresholds } from './decision.js';
import { computeEvidence, type MatchEvidence } from './evidence.js';
import { analyzeQuery, buildIndex } from './index-builder.js';
import { rankTopics } from './ranking.js';
import { fitsCues, preferFitting, readCues } from './topic-cues.js';
import type { KnowledgeBase, MatchResult, RankedTopic } from './types.js';

/**
 * Question -> topic. Pipeline: normalise (normalize.ts), repair typos against the knowledge
 * base's syllables (spelling.ts), rank topics with BM25+ over syllables and syllable pairs
 * (ranking.ts, MiniSearch), put topics whose defining words are absent behind the others
 * (topic-cues.ts), gather out-of-scope and ambiguity evidence (evidence.ts), then decide
 * between answering, suggesting and "I do not know" (decision.ts).
 */
export interface Matcher {
  match(question: string): MatchResult;
  /** The same decision with the evidence behind it (for calibration and the bench). */
  explain(question: string): { readonly result: MatchResult; readonly evidence: MatchEvidence };
}

export function createMatcher(kb: KnowledgeBase, thresholds: Thresholds = DEFAULT_THRESHOLDS): Matcher {
  const index = buildIndex(kb);
  const cues = readCues(kb);
  const explain = (question: string) => {
    const query = analyzeQuery(index, question);
    const terms = [...new Set([...query.analysis.unigrams, ...query.analysis.bigrams])];
    const hits = preferFitting(rankTopics(index, terms), cues, query.analysis.syllables);
    const best = hits[0];
    const evidence = computeEvidence(index, query, hits, best === undefined || fitsCues(cues.get(best.id), query.analysis.syllables));
    const top: RankedTopic[] = hits.slice(0, 3).map((h) => ({
      id: h.id,
      title: kb.byId.get(h.id)?.title ?? h.id,
      score: Math.round(h.score * 1000) / 1000,
    }));
    return { result: decide(kb, top, evidence, thresholds), evidence };
  };
  return { match: (q) => explain(q).result, explain };
}
