import MiniSearch from 'minisearch';
import { analyze, analyzeSyllables, isStopWord, syllables, termsOf, type Analysis } from './normalize.js';
import { hasMarks } from '../language/standardize.js';
import { SyllableSpeller } from './spelling.js';
import type { KnowledgeBase, Topic } from './types.js';

/**
 * Why MiniSearch: it is already a dependency, is maintained, scores with BM25+ (the lower-bounded
 * BM25 variant), takes a custom tokenizer and term processor (so our Vietnamese analysis -- folded
 * syllables plus syllable pairs -- is the term stream), supports per-term and per-field boosts, and
 * reports which query terms matched each document, which the out-of-scope check needs. Its
 * built-in fuzzy search is not used: plain edit distance on short folded syllables matches too
 * much ("dang" ~ "dan" ~ "nang"), so typos are repaired before the query by SyllableSpeller.
 *
 * One document per topic (its example questions as one field, its title and keywords as another):
 * we tried one document per example question, but then a word that defines a topic ("otp", present
 * in all its examples) gets a low inverse document frequency while a stray word of one example gets
 * a high one, and ranking was worse on our development questions.
 */
export interface TopicDoc {
  readonly id: string;
  readonly examples: string;
  readonly keywords: string;
}

export interface TopicIndex {
  readonly kb: KnowledgeBase;
  readonly search: MiniSearch<TopicDoc>;
  /** In how many topics each term (syllable or pair) occurs, for evidence weights. */
  readonly topicFrequency: ReadonlyMap<string, number>;
  readonly speller: SyllableSpeller;
  readonly topicCount: number;
  /** Per topic, its one-syllable keywords ("otp", "cccd"): enough on their own to anchor a match. */
  readonly keywordTerms: ReadonlyMap<string, ReadonlySet<string>>;
}

const splitSpaces = (s: string) => s.split(' ').filter((t) => t !== '');

/** Terms of several phrases, analysed one by one so no pair spans two phrases. */
function phraseTerms(parts: readonly string[]): string[] {
  return parts.flatMap((p) => termsOf(analyze(p)));
}

function singleKeywords(topic: Topic): Set<string> {
  const single = new Set<string>();
  for (const kw of topic.keywords) {
    const a = analyze(kw);
    if (a.unigrams.length === 1 && a.bigrams.length === 0) single.add(a.unigrams[0] as string);
  }
  return single;
}

export function buildIndex(kb: KnowledgeBase): TopicIndex {
  const search = new MiniSearch<TopicDoc>({
    fields: ['examples', 'keywords'],
    tokenize: splitSpaces,
    processTerm: (t) => t,
  });
  const topicFrequency = new Map<string, number>();
  const syllableFrequency = new Map<string, number>();
  const keywordTerms = new Map<string, ReadonlySet<string>>();
  for (const topic of kb.topics) {
    keywordTerms.set(topic.id, singleKeywords(topic));
    const seen = new Set<string>();
    for (const text of [...topic.examples, topic.title, ...topic.keywords]) {
      const sylls = syllables(text);
      for (const s of sylls) syllableFrequency.set(s, (syllableFrequency.get(s) ?? 0) + 1);
      for (const t of termsOf(analyzeSyllables(sylls))) seen.add(t);
    }
    for (const t of seen) topicFrequency.set(t, (topicFrequency.get(t) ?? 0) + 1);
    search.add({
      id: topic.id,
      examples: phraseTerms(topic.examples).join(' '),
      keywords: phraseTerms([topic.title, ...topic.keywords]).join(' '),
    });
  }
  return {
    kb,
    search,
    topicFrequency,
    speller: new SyllableSpeller(syllableFrequency),
    topicCount: kb.topics.length,
    keywordTerms,
  };
}

/** A question after normalisation and typo repair. */
export interface AnalyzedQuery {
  readonly analysis: Analysis;
  /** Syllables that were repaired (weaker evidence). */
  readonly repaired: ReadonlySet<string>;
  /**
   * Typed without any tone or vowel mark: its folded words may stand for several marked ones
   * ("tiem" = tiêm or tiệm, "mui" = mũi or mùi), so they are weaker evidence (see evidence.ts).
   */
  readonly unmarked: boolean;
}

export function analyzeQuery(index: TopicIndex, question: string): AnalyzedQuery {
  const repaired = new Set<string>();
  const sylls = syllables(question).map((s) => {
    if (isStopWord(s) || index.speller.knows(s)) return s;
    const fixed = index.speller.correct(s);
    if (fixed === null) return s;
    repaired.add(fixed);
    return fixed;
  });
  return { analysis: analyzeSyllables(sylls), repaired, unmarked: !hasMarks(question.normalize('NFC').toLowerCase()) };
}
