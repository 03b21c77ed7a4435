import { unresolvedAmbiguous } from './ambiguity.js';
import { isInDomain } from './evidence.js';
import type { TopicIndex } from './index-builder.js';
import { analyzeSyllables, termsOf } from './normalize.js';
import { rankTopics } from './ranking.js';
import { preferFitting, type TopicCues } from './topic-cues.js';

/** "và cần lưu ý (điều) gì", "và cần chú ý gì": a follow-up about whatever the message is about. */
const FOLLOW_UP = new Set(['can', 'luu', 'chu', 'y', 'dieu']);

/**
 * A message asking two things joined by "và" ("có nên tiêm không và cần lưu ý những gì") is held
 * back because each part may belong to another topic (evidence.ts, asksTwo). Formal writers join
 * two sides of one subject that way: "được tiêm loại nào và phụ huynh có phải ký đồng ý không".
 * The parts agree when each one ranks the same topic first on its own. A part naming no domain
 * word ("và cần lưu ý những gì", "và các bước ra sao") only follows the subject when the subject
 * leads clearly on the whole message (`clearLead`); otherwise its own topic is the close runner-up
 * ("đi tiêm cần mang theo gì và ăn uống thế nào": the papers, then the preparation). A part
 * asking only what to keep in mind ("và cần lưu ý gì") always follows the subject.
 */
export function clausesAgree(
  index: TopicIndex,
  cues: ReadonlyMap<string, TopicCues>,
  sylls: readonly string[],
  bestId: string,
  unmarked: boolean,
  clearLead: boolean,
): boolean {
  const clauses: string[][] = [[]];
  for (const s of sylls) {
    if (s === 'va') clauses.push([]);
    else clauses[clauses.length - 1]!.push(s);
  }
  return clauses.every((clause) => {
    const analysis = analyzeSyllables(clause);
    const terms = [...new Set(termsOf(analysis))];
    const unigrams = analysis.unigrams;
    if (unigrams.length > 0 && unigrams.every((u) => FOLLOW_UP.has(u))) return true;
    const hits = preferFitting(rankTopics(index, terms), cues, clause);
    if (hits[0] === undefined || hits[0].id === bestId) return true;
    return clearLead && !isInDomain(terms, unresolvedAmbiguous(clause, unmarked));
  });
}
