import { decide, DEFAULT_THRESHOLDS, type Thresholds } from './decision.js';
import { clausesAgree } from './clauses.js';
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
    const computed = computeEvidence(index, query, hits, best === undefined || fitsCues(cues.get(best.id), query.analysis.syllables));
    // two questions about one subject are one question (clauses.ts)
    const evidence =
      computed.asksTwo && best !== undefined && clausesAgree(index, cues, query.analysis.syllables, best.id, query.unmarked, computed.margin >= thresholds.clearMargin)
        ? { ...computed, asksTwo: false }
        : computed;
    const top: RankedTopic[] = hits.slice(0, 3).map((h) => ({
      id: h.id,
      title: kb.byId.get(h.id)?.title ?? h.id,
      score: Math.round(h.score * 1000) / 1000,
    }));
    return { result: decide(kb, top, evidence, thresholds), evidence };
  };
  return { match: (q) => explain(q).result, explain };
}
