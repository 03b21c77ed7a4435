/**
 * Figures of the residents' speech sets (test/faq/speech): per kind of writing (dialect, no
 * diacritics, teencode, standard), top-1 on in-scope questions, rejection of off-topic ones, and
 * confident-wrong answers (an answer to an off-topic question or the wrong topic). The dev set is
 * what the lexicon and thresholds were tuned on; the held-out set was written first and never tuned on.
 */
import { readFileSync } from 'node:fs';
import type { Matcher } from '../../src/faq/matcher.js';

export const KINDS = ['dialect', 'nodiacritics', 'teencode', 'standard'] as const;
export type Kind = (typeof KINDS)[number];

export interface SpeechRow {
  readonly q: string;
  readonly id: string | null;
  readonly kind: Kind;
  /** Another topic that answers the question just as well (a question about "tạm trú" is both). */
  readonly also?: readonly string[];
}

export interface KindFigures {
  readonly inScope: number;
  readonly correct: number;
  readonly offTopic: number;
  readonly rejected: number;
  readonly confidentWrong: number;
  readonly top1: number;
  readonly rejection: number;
}

export function readSpeechRows(path: string): SpeechRow[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SpeechRow);
}

export function scoreByKind(matcher: Matcher, rows: readonly SpeechRow[], misses: string[] = []): Record<Kind | 'all', KindFigures> {
  const acc = (rs: readonly SpeechRow[]): KindFigures => {
    let correct = 0;
    let rejected = 0;
    let confidentWrong = 0;
    for (const r of rs) {
      const m = matcher.match(r.q);
      const right = m.id !== null && (m.id === r.id || (r.also ?? []).includes(m.id));
      if (r.id === null) {
        if (m.decision !== 'answer') rejected++;
        else confidentWrong++;
      } else if (m.decision === 'answer' && right) correct++;
      else if (m.decision === 'answer') confidentWrong++;
      if ((r.id === null) !== (m.decision !== 'answer') || (r.id !== null && !right)) {
        misses.push(`  [${r.kind}] ${m.decision.padEnd(7)} ${JSON.stringify(r.q)} want ${r.id} got ${m.id ?? m.top.map((t) => t.id).join('|')} (${m.score})`);
      }
    }
    const inScope = rs.filter((r) => r.id !== null).length;
    const offTopic = rs.length - inScope;
    const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((1000 * a) / b) / 1000);
    return { inScope, correct, offTopic, rejected, confidentWrong, top1: ratio(correct, inScope), rejection: ratio(rejected, offTopic) };
  };
  const out = {} as Record<Kind | 'all', KindFigures>;
  for (const k of KINDS) out[k] = acc(rows.filter((r) => r.kind === k));
  out.all = sum(KINDS.map((k) => out[k]));
  return out;
}

function sum(parts: readonly KindFigures[]): KindFigures {
  const t = parts.reduce(
    (a, p) => ({ inScope: a.inScope + p.inScope, correct: a.correct + p.correct, offTopic: a.offTopic + p.offTopic, rejected: a.rejected + p.rejected, confidentWrong: a.confidentWrong + p.confidentWrong }),
    { inScope: 0, correct: 0, offTopic: 0, rejected: 0, confidentWrong: 0 },
  );
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((1000 * a) / b) / 1000);
  return { ...t, top1: ratio(t.correct, t.inScope), rejection: ratio(t.rejected, t.offTopic) };
}
