/**
 * One curated answer. Topics live as Markdown files (src/faq/topics/<id>.md) so officials can
 * review and correct the wording in a pull request without touching code; every topic names the
 * public source it was written from, because a health answer without a source cannot be checked.
 */
export interface Topic {
  readonly id: string;
  readonly title: string;
  /** Questions as residents would type them; the main matching signal. */
  readonly examples: readonly string[];
  /** Extra terms and synonyms that mark the topic (not shown to residents). */
  readonly keywords: readonly string[];
  /**
   * Words of which the question must name at least one for this topic to rank first ("had-covid"
   * needs "mắc", "F0", "khỏi bệnh"...): a topic sharing only the question's frame ("khi nào tiêm
   * mũi 2") must not give a confident but wrong answer. Empty: no requirement.
   */
  readonly requires: readonly string[];
  /**
   * A second group of defining words, one of which the question must name as well: a topic defined
   * by two things at once ("pregnancy" is a pregnant or nursing woman *and* a shot: "mẹ tôi 92 tuổi
   * có nên đi tiêm" names a shot but no pregnancy, "bầu bí ăn gì" a pregnancy but no shot).
   */
  readonly requiresAlso: readonly string[];
  /** Words that send this topic behind the others ("sai", "thiếu" for the plain certificate topic). */
  readonly excludes: readonly string[];
  readonly sourceUrl: string;
  readonly sourceTitle: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: some sources only give a month. */
  readonly sourceDate: string;
  /** The answer shown to the resident (natural Vietnamese, chat-bubble length, ends with a link). */
  readonly body: string;
  /** File the topic came from, for error messages. */
  readonly file: string;
}

/** A loaded, validated set of topics; immutable so a reload can swap it atomically. */
export interface KnowledgeBase {
  readonly topics: readonly Topic[];
  readonly byId: ReadonlyMap<string, Topic>;
  readonly loadedAt: Date;
}

/**
 * What the matcher concluded. 'answer' only when confident and the question is in the domain;
 * 'suggest' offers the closest topics as choices; 'unknown' means "I do not know" (out of scope or
 * too little evidence). A wrong confident health answer is the worst outcome, so ties go to
 * 'suggest' and weak domain evidence goes to 'unknown'.
 */
export type Decision = 'answer' | 'suggest' | 'unknown';

export interface RankedTopic {
  readonly id: string;
  readonly title: string;
  readonly score: number;
}

export interface MatchResult {
  readonly decision: Decision;
  /** The answered topic (decision 'answer'), else null. */
  readonly id: string | null;
  /** Confidence in [0, 1] for the top topic (0 when nothing matched). */
  readonly score: number;
  /** Up to 3 best topics, best first (empty when nothing matched or the question is out of scope). */
  readonly top: readonly RankedTopic[];
  readonly answer?: { readonly text: string; readonly sourceUrl: string; readonly title: string };
}
