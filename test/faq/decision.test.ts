import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_THRESHOLDS } from '../../src/faq/decision.js';
import type { MatchEvidence } from '../../src/faq/evidence.js';
import { loadKnowledgeBase } from '../../src/faq/loader.js';

/**
 * The last step of matching: answer, suggest or "I do not know" from the evidence. Evidence is
 * built by hand here so each rule of the decision is checked on its own.
 */
describe('decide', async () => {
  const kb = await loadKnowledgeBase();
  const top = [
    { id: 'age-eligibility', title: 'a', score: 10 },
    { id: 'booster', title: 'b', score: 5 },
  ];
  const evidence = (over: Partial<MatchEvidence>): MatchEvidence => ({
    contentTerms: 5, coverage: 1, support: 0.6, top1: 10, top2: 5, margin: 0.5, anchored: true, inDomain: true,
    topical: true, topicalOnlyAmbiguous: false, otherDisease: false, asksTwo: false, definingWords: true, otherProcedure: false,
    ...over,
  });

  it('answers a clear winner that explains a little less of the question than a close one needs', () => {
    expect(decide(kb, top, evidence({ support: 0.37, margin: 0.5 }), DEFAULT_THRESHOLDS).decision).toBe('answer');
    expect(decide(kb, top, evidence({ support: 0.37, margin: 0.3 }), DEFAULT_THRESHOLDS).decision).toBe('suggest');
    expect(decide(kb, top, evidence({ support: 0.3, margin: 0.9 }), DEFAULT_THRESHOLDS).decision).toBe('suggest');
  });

  it('answers a question about the assistant without a vaccination word only when it names no other service', () => {
    const assistant = [{ id: 'bot-data-privacy', title: 'p', score: 10 }, ...top];
    const off = { inDomain: false, topical: false, support: 0.75, coverage: 0.75, margin: 0.9 };
    expect(decide(kb, assistant, evidence(off), DEFAULT_THRESHOLDS).decision).toBe('answer');
    expect(decide(kb, assistant, evidence({ ...off, otherProcedure: true }), DEFAULT_THRESHOLDS).decision).toBe('suggest');
  });
});
