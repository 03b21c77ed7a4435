/**
 * npx tsx test/bench/faq-dev-batch.ts batch.jsonl
 *
 * Scores one fresh dev batch (speech-set lines, test/faq/speech/README.md) *before* it is used for
 * tuning, and classifies each miss by cause, so a tuning round fixes the biggest cause rather than
 * the words of one question. Never run on the held-out files: it lists every miss.
 *
 * Causes (one per miss, first that applies):
 *  - off-topic answered: an off-topic line got a confident answer;
 *  - wrong topic confidently: an in-scope line got a confident answer about another topic;
 *  - unknown word: the line names a content syllable the knowledge base does not know (and it was missed);
 *  - suggestion, right first: the right topic ranked first but was only offered as a suggestion;
 *  - right topic second: the right topic ranked second or third;
 *  - rejected / not ranked: no answer and the right topic is not among the choices.
 */
import { loadKnowledgeBase } from '../../src/faq/loader.js';
import { createMatcher } from '../../src/faq/matcher.js';
import { analyzeQuery, buildIndex } from '../../src/faq/index-builder.js';
import { KINDS, readSpeechRows, scoreByKind } from './faq-speech-report.js';

const file = process.argv[2];
if (file === undefined || /holdout/.test(file)) throw new Error('usage: faq-dev-batch.ts <dev batch .jsonl> (never a held-out file)');
const kb = await loadKnowledgeBase();
const matcher = createMatcher(kb);
const index = buildIndex(kb);
const rows = readSpeechRows(file);
const causes = new Map<string, number>();
for (const r of rows) {
  const { result: m, evidence: e } = matcher.explain(r.q);
  const ok = (id: string | null) => id !== null && (id === r.id || (r.also ?? []).includes(id));
  let cause: string | null = null;
  const unknown = analyzeQuery(index, r.q).analysis.unigrams.filter((u) => !index.topicFrequency.has(u) && !/^\d+$/.test(u));
  if (r.id === null) cause = m.decision === 'answer' ? 'off-topic answered' : null;
  else if (m.decision === 'answer') cause = ok(m.id) ? null : 'wrong topic confidently';
  else if (unknown.length > 0) cause = 'unknown word';
  else if (ok(m.top[0]?.id ?? null)) cause = 'suggestion, right first';
  else if (m.top.slice(1).some((t) => ok(t.id))) cause = 'right topic second';
  else cause = 'rejected / not ranked';
  if (cause === null) continue;
  causes.set(cause, (causes.get(cause) ?? 0) + 1);
  const flags = Object.entries(e).filter(([, v]) => v === false).map(([k]) => k).join(',');
  process.stdout.write(`[${r.kind}] ${cause}: ${JSON.stringify(r.q)} want ${r.id} got ${m.decision} ${m.id ?? m.top.map((t) => t.id).join('|')} (${m.score}; cov ${e.coverage.toFixed(2)} sup ${e.support.toFixed(2)} mar ${e.margin.toFixed(2)}; false: ${flags}; unknown: ${unknown.join(' ')})\n`);
}
const f = scoreByKind(matcher, rows);
for (const k of [...KINDS, 'all'] as const) {
  process.stdout.write(`${k.padEnd(13)} top-1 ${f[k].correct}/${f[k].inScope}  rejection ${f[k].rejected}/${f[k].offTopic}  confident-wrong ${f[k].confidentWrong}\n`);
}
process.stdout.write(`causes: ${JSON.stringify(Object.fromEntries(causes))}\n`);
