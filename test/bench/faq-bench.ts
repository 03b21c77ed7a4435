/**
 * npm run bench:faq [-- path/to/questions.jsonl]   (default: test/faq/eval/questions.jsonl)
 *
 * Issue 6's figures on an evaluation set of {"q", "id"} lines (id null = out of scope): top-1
 * accuracy on in-scope questions (a 'suggest' is not counted as correct), rejection rate of
 * out-of-scope ones (anything but 'answer' is a rejection), and p50/p95 latency per question on a
 * warm matcher. Misses are listed so they can be studied (never copied into topics).
 *
 * Issue 15: then the residents' speech sets (test/faq/speech/dev.jsonl, tuned on, and
 * the held-out holdout*.jsonl files, never tuned on), per kind (dialect, no diacritics, teencode, standard): top-1,
 * rejection and confident-wrong answers. The last line is one JSON object of all figures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/faq/loader.js';
import { createMatcher } from '../../src/faq/matcher.js';
import { KINDS, readSpeechRows, scoreByKind } from './faq-speech-report.js';

interface Row {
  readonly q: string;
  readonly id: string | null;
}

const file = process.argv.slice(2).find((a) => a !== '--') ?? fileURLToPath(new URL('../faq/eval/questions.jsonl', import.meta.url));
const rows = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const matcher = createMatcher(await loadKnowledgeBase());
for (const r of rows.slice(0, 20)) matcher.match(r.q); // warm-up

const times: number[] = [];
let correct = 0;
let suggested = 0;
let rejected = 0;
const misses: string[] = [];
for (const r of rows) {
  const t0 = performance.now();
  const m = matcher.match(r.q);
  times.push(performance.now() - t0);
  if (r.id === null) {
    if (m.decision !== 'answer') rejected++;
    else misses.push(`  out-of-scope answered  ${JSON.stringify(r.q)} -> ${m.id} (${m.score})`);
  } else if (m.decision === 'answer' && m.id === r.id) correct++;
  else {
    if (m.decision === 'suggest' && m.top.some((t) => t.id === r.id)) suggested++;
    misses.push(`  ${m.decision.padEnd(7)} ${JSON.stringify(r.q)} want ${r.id} got ${m.id ?? m.top.map((t) => t.id).join('|')} (${m.score})`);
  }
}
const inScope = rows.filter((r) => r.id !== null).length;
const outOfScope = rows.length - inScope;
const pct = (p: number) => [...times].sort((a, b) => a - b)[Math.floor((p / 100) * (times.length - 1))]!;
process.stdout.write(`${misses.join('\n')}\n\n`);
process.stdout.write(`questions: ${inScope} in scope, ${outOfScope} out of scope (${file})\n`);
process.stdout.write(`top-1 accuracy: ${((100 * correct) / inScope).toFixed(1)} %  (${correct}/${inScope}; another ${suggested} offered the right topic among choices)\n`);
process.stdout.write(`out-of-scope rejection: ${((100 * rejected) / outOfScope).toFixed(1)} %  (${rejected}/${outOfScope})\n`);
process.stdout.write(`latency: p50 ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms\n`);

const speech: Record<string, unknown> = {};
const speechRows = (name: string) => readSpeechRows(fileURLToPath(new URL(`../faq/speech/${name}.jsonl`, import.meta.url)));
// 'untouched' is every held-out line: the original set and the fresh ones, each written before a tuning round.
const speechSets = {
  dev: speechRows('dev'),
  holdout: speechRows('holdout'),
  'holdout-fresh': speechRows('holdout-fresh'),
  'holdout-3': speechRows('holdout-3'),
  untouched: [...speechRows('holdout'), ...speechRows('holdout-fresh'), ...speechRows('holdout-3')],
};
for (const [set, rows] of Object.entries(speechSets)) {
  const speechMisses: string[] = [];
  const figures = scoreByKind(matcher, rows, speechMisses);
  // Held-out misses are not printed: reading them is the first step to tuning on them.
  const shown = set !== 'dev' ? `  (${speechMisses.length} misses, not listed: never tuned on)` : speechMisses.join('\n');
  process.stdout.write(`\nspeech set "${set}":\n${shown}\n`);
  for (const k of [...KINDS, 'all'] as const) {
    const f = figures[k];
    process.stdout.write(`  ${k.padEnd(13)} top-1 ${(100 * f.top1).toFixed(1)} % (${f.correct}/${f.inScope})  rejection ${(100 * f.rejection).toFixed(1)} % (${f.rejected}/${f.offTopic})  confident-wrong ${f.confidentWrong}\n`);
  }
  speech[set] = figures;
}
const ratio = (a: number, b: number) => Math.round((1000 * a) / b) / 1000;
const confidentWrong = misses.filter((m) => m.includes('out-of-scope answered') || m.startsWith('  answer ')).length;
process.stdout.write(
  `${JSON.stringify({ eval: { file, top1: ratio(correct, inScope), rejection: ratio(rejected, outOfScope), confidentWrong, p50Ms: Number(pct(50).toFixed(3)), p95Ms: Number(pct(95).toFixed(3)) }, speech })}\n`,
);
