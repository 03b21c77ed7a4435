import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/faq/loader.js';
import { createMatcher } from '../../src/faq/matcher.js';

/**
 * The accuracy floor of issue 6: at least 90 % top-1 on in-scope questions and at least 90 %
 * rejection of out-of-scope ones. A 'suggest' does not count as correct. The evaluation set is
 * written independently (test/faq/eval/questions.jsonl); if it is missing this test fails.
 */
const EVAL = fileURLToPath(new URL('./eval/questions.jsonl', import.meta.url));
const DEV = fileURLToPath(new URL('./dev-questions.jsonl', import.meta.url));

interface Row {
  readonly q: string;
  readonly id: string | null;
}

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
}

async function score(rows: readonly Row[]) {
  const matcher = createMatcher(await loadKnowledgeBase());
  const inScope = rows.filter((r) => r.id !== null);
  const outOfScope = rows.filter((r) => r.id === null);
  const correct = inScope.filter((r) => matcher.match(r.q).id === r.id).length;
  const rejected = outOfScope.filter((r) => matcher.match(r.q).decision !== 'answer').length;
  return { top1: correct / inScope.length, rejection: rejected / outOfScope.length, inScope: inScope.length, outOfScope: outOfScope.length };
}

describe('accuracy floor', () => {
  it('meets the floor on the independent evaluation set', async () => {
    expect(existsSync(EVAL), `missing ${EVAL}`).toBe(true);
    const s = await score(readRows(EVAL));
    expect(s.inScope).toBeGreaterThan(0);
    expect(s.outOfScope).toBeGreaterThan(0);
    expect(s.top1, `top-1 ${s.top1}`).toBeGreaterThanOrEqual(0.9);
    expect(s.rejection, `rejection ${s.rejection}`).toBeGreaterThanOrEqual(0.9);
  });

  it('meets the floor on our own development set', async () => {
    const s = await score(readRows(DEV));
    expect(s.inScope).toBeGreaterThanOrEqual(110);
    expect(s.outOfScope).toBeGreaterThanOrEqual(40);
    expect(s.top1, `top-1 ${s.top1}`).toBeGreaterThanOrEqual(0.9);
    expect(s.rejection, `rejection ${s.rejection}`).toBeGreaterThanOrEqual(0.9);
  });
});
