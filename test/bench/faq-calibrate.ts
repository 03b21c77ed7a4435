/**
 * npx tsx test/bench/faq-calibrate.ts
 *
 * Calibration view of the tuned-on sets only (speech dev.jsonl, eval/questions.jsonl,
 * dev-questions.jsonl; never a held-out file): every confident answer with its evidence, so a
 * decision rule can be checked against both the confident-wrong answers it should stop and the
 * right answers it must keep. Prints one totals line per set: top-1 correct, confident-wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/faq/loader.js';
import { createMatcher } from '../../src/faq/matcher.js';

interface Row {
  readonly q: string;
  readonly id: string | null;
  readonly also?: readonly string[];
}
const read = (rel: string): Row[] =>
  readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
const sets: Record<string, Row[]> = {
  dev: read('../faq/speech/dev.jsonl'),
  eval: read('../faq/eval/questions.jsonl'),
  'dev-questions': read('../faq/dev-questions.jsonl'),
};
const verbose = process.argv.includes('--all');
const matcher = createMatcher(await loadKnowledgeBase());
for (const [name, rows] of Object.entries(sets)) {
  let correct = 0;
  let wrong = 0;
  for (const r of rows) {
    const { result: m, evidence: e } = matcher.explain(r.q);
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify({ set: name, q: r.q, want: r.id, also: r.also ?? [], decision: m.decision, got: m.id, top: m.top.map((t) => t.id), score: m.score, ...e })}\n`);
      continue;
    }
    if (m.decision !== 'answer') continue;
    const right = r.id !== null && (m.id === r.id || (r.also ?? []).includes(m.id ?? ''));
    if (right) correct++;
    else wrong++;
    if (!right || verbose) {
      const f = `sc ${m.score} cov ${e.coverage.toFixed(2)} sup ${e.support.toFixed(2)} mar ${e.margin.toFixed(2)} n ${e.contentTerms}`;
      process.stdout.write(`${name} ${right ? 'OK ' : 'BAD'} ${f} ${JSON.stringify(r.q)} want ${r.id} got ${m.id}\n`);
    }
  }
  process.stdout.write(`== ${name}: correct ${correct}, confident-wrong ${wrong}\n`);
}
