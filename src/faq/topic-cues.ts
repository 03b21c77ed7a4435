import { syllables } from './normalize.js';
import type { KnowledgeBase, Topic } from './types.js';

/**
 * A topic's `requires` / `excludes` words (front matter), read once into folded syllable phrases.
 * BM25 ranks a topic first when it shares the question's frame ("khi nào", "tiêm mũi 2"), even if
 * the question is about something else; these cues are the topic's own definition of what it is
 * about, so a topic whose defining words are absent goes behind the topics that fit.
 */
export interface TopicCues {
  readonly requires: readonly string[];
  /** A second group: one of these must appear as well (empty: no second requirement). */
  readonly requiresAlso?: readonly string[];
  readonly excludes: readonly string[];
}

const phrase = (s: string) => ` ${syllables(s).join(' ')} `;

export function readCues(kb: KnowledgeBase): ReadonlyMap<string, TopicCues> {
  const out = new Map<string, TopicCues>();
  for (const t of kb.topics as readonly Topic[]) {
    const phrases = (words: readonly string[]) => words.map(phrase).filter((p) => p.trim() !== '');
    out.set(t.id, { requires: phrases(t.requires), requiresAlso: phrases(t.requiresAlso), excludes: phrases(t.excludes) });
  }
  return out;
}

/** True when the question (its normalised syllables) fits the topic's cues. */
export function fitsCues(cues: TopicCues | undefined, questionSyllables: readonly string[]): boolean {
  if (!cues) return true;
  const q = ` ${questionSyllables.join(' ')} `;
  if (cues.excludes.some((p) => q.includes(p))) return false;
  const names = (group: readonly string[] | undefined) => group === undefined || group.length === 0 || group.some((p) => q.includes(p));
  return names(cues.requires) && names(cues.requiresAlso);
}

/** Topics that fit first, each group keeping its ranking order. */
export function preferFitting<T extends { readonly id: string }>(hits: readonly T[], cues: ReadonlyMap<string, TopicCues>, questionSyllables: readonly string[]): T[] {
  const fit = hits.filter((h) => fitsCues(cues.get(h.id), questionSyllables));
  return [...fit, ...hits.filter((h) => !fit.includes(h))];
}
