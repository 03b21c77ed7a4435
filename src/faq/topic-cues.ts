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

/** "không cần", "không muốn": what follows is what the resident wants to do without. */
const DECLINES = [' khong can ', ' khong muon '];
/** How many syllables a declining phrase reaches ("không cần cài ứng dụng"). */
const DECLINE_REACH = 2;

/**
 * True when the phrase occurs in the question other than as something declined: "đăng ký mà
 * không cần cài ứng dụng" names the app only to say the resident wants to do without it.
 */
function namesPhrase(q: string, p: string): boolean {
  for (let at = q.indexOf(p); at !== -1; at = q.indexOf(p, at + 1)) {
    const before = q.slice(0, at + 1).trim().split(' ').slice(-(DECLINE_REACH + 2)).join(' ');
    if (!DECLINES.some((d) => ` ${before} `.includes(d))) return true;
  }
  return false;
}

/** True when the question (its normalised syllables) fits the topic's cues. */
export function fitsCues(cues: TopicCues | undefined, questionSyllables: readonly string[]): boolean {
  if (!cues) return true;
  const q = ` ${questionSyllables.join(' ')} `;
  if (cues.excludes.some((p) => namesPhrase(q, p))) return false;
  const names = (group: readonly string[] | undefined) => group === undefined || group.length === 0 || group.some((p) => namesPhrase(q, p));
  return names(cues.requires) && names(cues.requiresAlso);
}

/** Topics that fit first, each group keeping its ranking order. */
export function preferFitting<T extends { readonly id: string }>(hits: readonly T[], cues: ReadonlyMap<string, TopicCues>, questionSyllables: readonly string[]): T[] {
  const fit = hits.filter((h) => fitsCues(cues.get(h.id), questionSyllables));
  return [...fit, ...hits.filter((h) => !fit.includes(h))];
}
