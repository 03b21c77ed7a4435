import type { MatchEvidence } from './evidence.js';
import type { KnowledgeBase, MatchResult, RankedTopic } from './types.js';

/**
 * Where the matcher stops answering. Calibrated on our own development questions
 * (test/faq/dev-questions.jsonl), never on the independent evaluation set. The costs are not
 * symmetric: a confident wrong health answer is worse than offering choices, so the bar for
 * 'answer' is high and out-of-scope evidence (low coverage) goes straight to 'unknown'.
 */
export interface Thresholds {
  /** Below this share of known words the question is treated as out of scope. */
  readonly minCoverage: number;
  /** Below this share explained by the best topic, do not even suggest. */
  readonly minSuggestSupport: number;
  /** Confidence needed to answer. */
  readonly minAnswerConfidence: number;
  /** The best topic must beat the runner-up by this share of its score to answer. */
  readonly minAnswerMargin: number;
  /**
   * A clear winner (beating the runner-up by at least `clearMargin`) is answered when it explains
   * this share of the question, a little below minAnswerConfidence: residents add words of their
   * own ("bà nội tui 95 tuổi còn chích được không"), and a clear lead is evidence in itself.
   */
  readonly minClearAnswerConfidence: number;
  readonly clearMargin: number;
  /**
   * A question with no domain term is only offered choices when the best topic explains at least
   * this share of it ("chủ quán có xem được tôi đến không"); otherwise it is out of scope ("giá
   * vàng hôm nay" must not be offered vaccination topics).
   */
  readonly minOffDomainSuggestSupport: number;
  /**
   * Questions about the assistant itself (topics in ASSISTANT_TOPICS) ("bot có lưu thông tin của tôi không", "muốn hỏi trực tiếp
   * người") name no vaccination term; they are answered only when one topic explains them almost
   * entirely and clearly beats the rest.
   */
  readonly minOffDomainAnswerConfidence: number;
  /**
   * A topic tied to an unmarked question only by words that fold ambiguously ("tiem" = tiêm or
   * tiệm, "f1" = a contact or a motor race) is answered only when the knowledge base knows this
   * share of the question: otherwise the unknown words are likely what it is about ("f1 bong da").
   * A clear lead over the runner-up is no excuse: with one ambiguous word, one topic always leads.
   */
  readonly minAmbiguousCoverage: number;
  /** A message asking two things is answered only when the best topic explains this share of it. */
  readonly minTwoQuestionSupport: number;
}

/**
 * Topics about this assistant and its check-in features rather than vaccination: their questions
 * rarely name a vaccination term, so the in-domain requirement is relaxed for them (and only them:
 * "làm hộ chiếu đi nước ngoài" must not get the vaccine-passport answer). The hotline is not one of
 * them: "số điện thoại trạm cấp nước" asks for another office's number, so it needs a health word.
 */
export const ASSISTANT_TOPICS: ReadonlySet<string> = new Set(['bot-data-privacy', 'talk-to-official', 'checkin-history', 'qr-scan-how', 'qr-venue-create']);

export const DEFAULT_THRESHOLDS: Thresholds = {
  minCoverage: 0.4,
  minSuggestSupport: 0.25,
  minAnswerConfidence: 0.4,
  minAnswerMargin: 0.05,
  minClearAnswerConfidence: 0.35,
  clearMargin: 0.4,
  minOffDomainSuggestSupport: 0.6,
  minOffDomainAnswerConfidence: 0.7,
  minTwoQuestionSupport: 0.75,
  minAmbiguousCoverage: 0.8,
};

/**
 * Confidence in [0, 1]: how much of the question the best topic explains, discounted when the
 * runner-up is close (a near tie means the question is ambiguous between two answers).
 */
export function confidence(e: MatchEvidence): number {
  const clear = Math.min(1, e.margin / 0.4);
  return Math.min(e.support, e.coverage) * (0.55 + 0.45 * clear);
}

export function decide(
  kb: KnowledgeBase,
  top: readonly RankedTopic[],
  e: MatchEvidence,
  t: Thresholds,
): MatchResult {
  const score = Math.round(confidence(e) * 1000) / 1000;
  const best = top[0];
  const outOfScope =
    !best ||
    e.contentTerms === 0 ||
    e.coverage < t.minCoverage ||
    e.support < t.minSuggestSupport ||
    (!e.inDomain && e.support < t.minOffDomainSuggestSupport);
  if (outOfScope) return { decision: 'unknown', id: null, score, top: [] };
  // Positive topical evidence: the question names a domain term and the answering topic explains
  // one (not just the question's frame: "cần giấy tờ gì", "khi nào"), or it is about the assistant itself.
  const assistant = ASSISTANT_TOPICS.has(best.id);
  const topical = (e.inDomain && (e.topical || assistant)) || (assistant && !e.otherProcedure && score >= t.minOffDomainAnswerConfidence);
  const clearDespiteAmbiguity = !e.topicalOnlyAmbiguous || e.coverage >= t.minAmbiguousCoverage;
  const confident =
    (score >= t.minAnswerConfidence || (e.margin >= t.clearMargin && score >= t.minClearAnswerConfidence)) &&
    e.margin >= t.minAnswerMargin &&
    e.anchored &&
    topical &&
    !e.otherDisease &&
    e.definingWords &&
    clearDespiteAmbiguity &&
    (!e.asksTwo || e.support >= t.minTwoQuestionSupport);
  const topic = kb.byId.get(best.id);
  if (!confident || !topic) return { decision: 'suggest', id: null, score, top };
  return {
    decision: 'answer',
    id: topic.id,
    score,
    top,
    answer: { text: topic.body, sourceUrl: topic.sourceUrl, title: topic.title },
  };
}
