import { readFile } from 'node:fs/promises';
import type { CliCommand, CliContext } from '../command.js';
import { createFaqService, type FaqService } from '../../faq/service.js';
import { replyText } from '../../faq/texts.js';

/**
 * `ask "<question>"` prints one JSON line {"id", "score", "answer", "decision", "suggestions"}:
 * `id` is the answered topic or null (suggest / unknown), `answer` is the text a resident would
 * read. `ask --jsonl <file>` does the same for each line {"q": "..."} of a file; a bad line prints
 * {"line", "error"} and the run goes on (exit code 1 at the end).
 */
export const askCommand: CliCommand = {
  name: 'ask',
  usage: 'ask "<question>" | ask --jsonl <file>',
  summary: 'answer a vaccination question from the FAQ knowledge base (JSON lines)',
  async run(args, ctx) {
    if (args[0] === '--jsonl') {
      const file = args[1];
      if (!file || args.length > 2) return usage(ctx);
      return askFile(await createFaqService(), file, ctx);
    }
    const question = args.join(' ').trim();
    if (question === '') return usage(ctx);
    ctx.io.out(JSON.stringify(answerLine(await createFaqService(), question)));
    return 0;
  },
};

function usage(ctx: CliContext): number {
  ctx.io.err(`usage: npm run cli -- ${askCommand.usage}`);
  return 2;
}

function answerLine(faq: FaqService, question: string) {
  const result = faq.match(question);
  return {
    id: result.id,
    score: result.score,
    answer: replyText(result),
    decision: result.decision,
    suggestions: result.decision === 'suggest' ? result.top.map((t) => t.id) : [],
  };
}

async function askFile(faq: FaqService, file: string, ctx: CliContext): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    ctx.io.err(`cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }
  let bad = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const q = questionOf(raw);
    if (typeof q !== 'string') {
      bad++;
      ctx.io.out(JSON.stringify({ line: i + 1, error: q.error }));
      return;
    }
    ctx.io.out(JSON.stringify({ q, ...answerLine(faq, q) }));
  });
  return bad > 0 ? 1 : 0;
}

function questionOf(raw: string): string | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { error: 'not valid JSON' };
  }
  const q = typeof parsed === 'object' && parsed !== null ? (parsed as { q?: unknown }).q : undefined;
  if (typeof q !== 'string' || q.trim() === '') return { error: 'expected {"q": "<non-empty question>"}' };
  return q;
}
