import { DEFAULT_THRESHOLDS, type Thresholds } from './decision.js';
import { DEFAULT_TOPICS_DIR, loadKnowledgeBase } from './loader.js';
import { createMatcher, type Matcher } from './matcher.js';
import type { KnowledgeBase, MatchResult, Topic } from './types.js';

export interface FaqServiceOptions {
  /** Folder of topic files; defaults to the shipped src/faq/topics. */
  readonly dir?: string;
  readonly thresholds?: Thresholds;
}

/**
 * The knowledge base behind a swappable reference, so officials can correct a topic file and
 * reload without restarting the service. A reload builds the new index completely before swapping;
 * if any file is broken it throws (KnowledgeBaseError, naming the file) and the previous knowledge
 * base keeps answering.
 */
export interface FaqService {
  match(question: string): MatchResult;
  reload(): Promise<{ topics: number }>;
  topics(): readonly Topic[];
}

export async function createFaqService(opts: FaqServiceOptions = {}): Promise<FaqService> {
  const dir = opts.dir ?? DEFAULT_TOPICS_DIR;
  const thresholds = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const build = async () => {
    const kb = await loadKnowledgeBase(dir);
    return { kb, matcher: createMatcher(kb, thresholds) };
  };
  let current: { kb: KnowledgeBase; matcher: Matcher } = await build();
  let pending: Promise<{ topics: number }> | null = null;
  return {
    match: (question) => current.matcher.match(question),
    topics: () => current.kb.topics,
    reload() {
      // Concurrent reload requests share one run: the files are read once, the last state wins.
      pending ??= build()
        .then((next) => {
          current = next;
          return { topics: next.kb.topics.length };
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
  };
}
